// The REST API around auctions over real sockets: listing and reading, creating and cancelling,
// images, bidding and buy-now (errors with their details, idempotent replays), watching,
// questions, the seller-winner messages and the review.
#include "shared/protocol/Json.h"
#include "tests/server/NetworkFixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <memory>

using nb::Won;
using nb::test::Account;
using nb::test::HttpAnswer;
using nb::test::NetworkFixture;

namespace {

QString auctionPath(qint64 id, const QString& rest = QString())
{
    return QStringLiteral("/api/v1/auctions/%1%2").arg(id).arg(rest);
}

QList<qint64> idsOf(const HttpAnswer& page)
{
    QList<qint64> ids;
    for (const QJsonValue& item : page.json.value("items").toArray())
        ids << item.toObject().value("id").toInteger();
    return ids;
}

QJsonObject bidBody(Won amount, const QString& requestId = NetworkFixture::newRequestId())
{
    return QJsonObject{{"amount", amount}, {"request_id", requestId}};
}

} // namespace

class TstHttpAuctions : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void listingFiltersSortsAndPages();
    void listingRefusesBadParameters();
    void detailShowsTheReserveToTheSellerOnly();
    void createAuction();
    void createAuctionErrors();
    void cancelAuction();
    void uploadAndFetchImages();
    void imageUploadErrors();
    void placeBidsAndListThem();
    void bidErrorsCarryTheirDetails();
    void bidReplayIsIdempotentOverTheWire();
    void buyNow();
    void watchAndUnwatch();
    void questionsAndAnswers();
    void messagesBetweenSellerAndWinner();
    void reviewTheSeller();

private:
    Account seller();
    std::unique_ptr<NetworkFixture> m_net;
};

void TstHttpAuctions::initTestCase()
{
    m_net = std::make_unique<NetworkFixture>();
}

void TstHttpAuctions::init()
{
    m_net->reset();
}

void TstHttpAuctions::cleanupTestCase()
{
    m_net.reset();
}

Account TstHttpAuctions::seller()
{
    return m_net->makeUser(QStringLiteral("seller"));
}

void TstHttpAuctions::listingFiltersSortsAndPages()
{
    const Account owner = seller();
    const qint64 camera = m_net->makeAuction(owner, [](nb::NewAuction& a) {
        a.regionId = 11680;
        a.endsAt = QDateTime::currentDateTimeUtc().addSecs(1000);
    });
    const qint64 jacket = m_net->makeAuction(owner, [](nb::NewAuction& a) {
        a.title = QStringLiteral("Wool jacket");
        a.category = QStringLiteral("fashion");
        a.isNational = true;
        a.startPrice = 30'000;
        a.endsAt = QDateTime::currentDateTimeUtc().addSecs(2000);
    });
    const qint64 novels = m_net->makeAuction(owner, [](nb::NewAuction& a) {
        a.title = QStringLiteral("Novel set");
        a.category = QStringLiteral("books");
        a.startPrice = 20'000;
        a.endsAt = QDateTime::currentDateTimeUtc().addSecs(3000);
    });

    const HttpAnswer all = m_net->get(QStringLiteral("/api/v1/auctions"));
    NB_EXPECT(all, 200, "");
    QCOMPARE(idsOf(all), (QList<qint64>{camera, jacket, novels}));
    QCOMPARE(all.json.value("total").toInteger(), 3);
    QCOMPARE(all.json.value("page").toInt(), 1);
    QCOMPARE(all.json.value("page_size").toInt(), 20);
    const QJsonObject first = all.json.value("items").toArray().first().toObject();
    QCOMPARE(first.value("seller").toObject().value("id").toInteger(), owner.id);
    QCOMPARE(first.value("status").toString(), QStringLiteral("active"));

    QCOMPARE(idsOf(m_net->get(QStringLiteral("/api/v1/auctions?category=fashion"))), QList<qint64>{jacket});
    QCOMPARE(idsOf(m_net->get(QStringLiteral("/api/v1/auctions?q=novel+set"))), QList<qint64>{novels});
    QCOMPARE(idsOf(m_net->get(QStringLiteral("/api/v1/auctions?min_price=15000&max_price=25000"))),
             QList<qint64>{novels});
    QCOMPARE(idsOf(m_net->get(QStringLiteral("/api/v1/auctions?sort=price_desc"))),
             (QList<qint64>{jacket, novels, camera}));
    QCOMPARE(idsOf(m_net->get(QStringLiteral("/api/v1/auctions?sort=newest"))),
             (QList<qint64>{novels, jacket, camera}));
    QCOMPARE(idsOf(m_net->get(QStringLiteral("/api/v1/auctions?scope=national"))), QList<qint64>{jacket});
    QCOMPARE(idsOf(m_net->get(QStringLiteral("/api/v1/auctions?scope=local"))),
             (QList<qint64>{camera, novels}));
    QCOMPARE(idsOf(m_net->get(QStringLiteral("/api/v1/auctions?region=11680"))), QList<qint64>{camera});
    QCOMPARE(idsOf(m_net->get(QStringLiteral("/api/v1/auctions?status=ended"))), QList<qint64>{});
    QCOMPARE(idsOf(m_net->get(QStringLiteral("/api/v1/auctions?status=all"))).size(), 3);

    const HttpAnswer second = m_net->get(QStringLiteral("/api/v1/auctions?page=2&page_size=2"));
    QCOMPARE(idsOf(second), QList<qint64>{novels});
    QCOMPARE(second.json.value("total").toInteger(), 3);
    QCOMPARE(second.json.value("page").toInt(), 2);
    QCOMPARE(second.json.value("page_size").toInt(), 2);

    // "local" without a region means the signed-in user's own neighbourhood.
    const Account gangnam = m_net->makeUser(QStringLiteral("neighbour"), 0, 11680);
    QCOMPARE(idsOf(m_net->get(QStringLiteral("/api/v1/auctions?scope=local"), gangnam.token)),
             QList<qint64>{camera});
}

void TstHttpAuctions::listingRefusesBadParameters()
{
    const auto field = [this](const QString& query) {
        const HttpAnswer answer = m_net->get(QStringLiteral("/api/v1/auctions?") + query);
        return answer.status == 400 && answer.errorCode() == QLatin1String("bad_request")
                   ? answer.errorDetails().value("field").toString()
                   : answer.describe();
    };
    QCOMPARE(field(QStringLiteral("page_size=0")), QStringLiteral("page_size"));
    QCOMPARE(field(QStringLiteral("page_size=101")), QStringLiteral("page_size"));
    QCOMPARE(field(QStringLiteral("page=0")), QStringLiteral("page"));
    QCOMPARE(field(QStringLiteral("page=two")), QStringLiteral("page"));
    QCOMPARE(field(QStringLiteral("min_price=abc")), QStringLiteral("min_price"));
    QCOMPARE(field(QStringLiteral("max_price=0")), QStringLiteral("max_price"));
    QCOMPARE(field(QStringLiteral("sort=cheapest")), QStringLiteral("sort"));
    QCOMPARE(field(QStringLiteral("scope=galaxy")), QStringLiteral("scope"));
    QCOMPARE(field(QStringLiteral("status=sold")), QStringLiteral("status"));
    QCOMPARE(field(QStringLiteral("region=-3")), QStringLiteral("region"));
    QCOMPARE(field(QStringLiteral("region=999999999")), QStringLiteral("region"));
    QCOMPARE(field(QStringLiteral("category=spaceships")), QStringLiteral("category"));
}

void TstHttpAuctions::detailShowsTheReserveToTheSellerOnly()
{
    const Account owner = seller();
    const Account other = m_net->makeUser(QStringLiteral("browser"));
    const qint64 id = m_net->makeAuction(owner, [](nb::NewAuction& a) { a.reservePrice = 50'000; });

    const HttpAnswer anonymous = m_net->get(auctionPath(id));
    NB_EXPECT(anonymous, 200, "");
    QCOMPARE(anonymous.json.value("id").toInteger(), id);
    QCOMPARE(anonymous.json.value("title").toString(), QStringLiteral("Camera"));
    QVERIFY(anonymous.json.contains("min_next_bid"));
    QCOMPARE(anonymous.json.value("reserve_met").toBool(true), false);
    QVERIFY(!anonymous.json.contains("reserve_price"));
    QVERIFY(!m_net->get(auctionPath(id), other.token).json.contains("reserve_price"));
    QCOMPARE(m_net->get(auctionPath(id), owner.token).json.value("reserve_price").toInteger(), 50'000);

    NB_EXPECT(m_net->get(auctionPath(id + 1000)), 404, "not_found");
}

void TstHttpAuctions::createAuction()
{
    const Account owner = seller();
    nb::NewAuction spec = NetworkFixture::auctionSpec(7200);
    spec.title = QStringLiteral("Road bike");
    spec.buyNowPrice = 90'000;
    const HttpAnswer created = m_net->post(QStringLiteral("/api/v1/auctions"), nb::toJson(spec), owner.token);
    NB_EXPECT(created, 201, "");
    QCOMPARE(created.json.value("title").toString(), QStringLiteral("Road bike"));
    QCOMPARE(created.json.value("seller").toObject().value("id").toInteger(), owner.id);
    QCOMPARE(created.json.value("region").toObject().value("id").toInteger(), 11);
    QCOMPARE(created.json.value("buy_now_price").toInteger(), 90'000);
    const qint64 id = created.json.value("id").toInteger();
    QCOMPARE(m_net->get(auctionPath(id)).json.value("title").toString(), QStringLiteral("Road bike"));
}

void TstHttpAuctions::createAuctionErrors()
{
    const Account owner = seller();
    QJsonObject body = nb::toJson(NetworkFixture::auctionSpec());
    NB_EXPECT(m_net->post(QStringLiteral("/api/v1/auctions"), body), 401, "unauthorized");

    QJsonObject noTitle = body;
    noTitle.remove("title");
    const HttpAnswer missing = m_net->post(QStringLiteral("/api/v1/auctions"), noTitle, owner.token);
    NB_EXPECT(missing, 400, "bad_request");
    QCOMPARE(missing.errorDetails().value("field").toString(), QStringLiteral("title"));

    QJsonObject textPrice = body;
    textPrice.insert("start_price", "10000");
    const HttpAnswer illTyped = m_net->post(QStringLiteral("/api/v1/auctions"), textPrice, owner.token);
    NB_EXPECT(illTyped, 400, "bad_request");
    QCOMPARE(illTyped.errorDetails().value("field").toString(), QStringLiteral("start_price"));

    QJsonObject past = body;
    past.insert("ends_at", "2020-01-01T00:00:00.000Z");
    NB_EXPECT(m_net->post(QStringLiteral("/api/v1/auctions"), past, owner.token), 400, "bad_request");
    QCOMPARE(m_net->get(QStringLiteral("/api/v1/auctions?status=all")).json.value("total").toInteger(), 0);
}

void TstHttpAuctions::cancelAuction()
{
    const Account owner = seller();
    const Account bidder = m_net->makeUser(QStringLiteral("bidder"), 100'000);
    const qint64 quiet = m_net->makeAuction(owner);
    const qint64 busy = m_net->makeAuction(owner);

    NB_EXPECT(m_net->request("POST", auctionPath(quiet, QStringLiteral("/cancel"))), 401, "unauthorized");
    NB_EXPECT(m_net->request("POST", auctionPath(quiet, QStringLiteral("/cancel")), {}, bidder.token), 403,
              "forbidden");
    const HttpAnswer cancelled =
        m_net->request("POST", auctionPath(quiet, QStringLiteral("/cancel")), {}, owner.token);
    NB_EXPECT(cancelled, 200, "");
    QCOMPARE(cancelled.json.value("status").toString(), QStringLiteral("cancelled"));
    QCOMPARE(cancelled.json.value("id").toInteger(), quiet);

    NB_EXPECT(m_net->post(auctionPath(busy, QStringLiteral("/bids")), bidBody(10'000), bidder.token), 201,
              "");
    NB_EXPECT(m_net->request("POST", auctionPath(busy, QStringLiteral("/cancel")), {}, owner.token), 409,
              "conflict");
    NB_EXPECT(m_net->request("POST", auctionPath(busy + 100, QStringLiteral("/cancel")), {}, owner.token),
              404, "not_found");
}

void TstHttpAuctions::uploadAndFetchImages()
{
    const Account owner = seller();
    const qint64 id = m_net->makeAuction(owner);
    const QByteArray png = NetworkFixture::pngBytes();
    const HttpAnswer uploaded =
        m_net->request("POST", auctionPath(id, QStringLiteral("/images")), png, owner.token, "image/png");
    NB_EXPECT(uploaded, 201, "");
    const QString url = uploaded.json.value("url").toString();
    QCOMPARE(url, auctionPath(id, QStringLiteral("/images/%1").arg(uploaded.json.value("index").toInt())));

    const HttpAnswer image = m_net->get(url);
    QCOMPARE(image.status, 200);
    QCOMPARE(image.contentType, QByteArray("image/png"));
    QCOMPARE(image.body, png);
    QVERIFY(image.header("cache-control").contains("max-age"));

    const QJsonArray images = m_net->get(auctionPath(id)).json.value("images").toArray();
    QCOMPARE(images.size(), 1);
    QCOMPARE(images.first().toString(), url);
    NB_EXPECT(m_net->get(auctionPath(id, QStringLiteral("/images/5"))), 404, "not_found");
    NB_EXPECT(m_net->get(auctionPath(id, QStringLiteral("/images/99999999999"))), 404, "not_found");
}

void TstHttpAuctions::imageUploadErrors()
{
    const Account owner = seller();
    const Account other = m_net->makeUser(QStringLiteral("other"));
    const qint64 id = m_net->makeAuction(owner);
    const QString path = auctionPath(id, QStringLiteral("/images"));
    const QByteArray png = NetworkFixture::pngBytes();

    NB_EXPECT(m_net->request("POST", path, png, QString(), "image/png"), 401, "unauthorized");
    NB_EXPECT(m_net->request("POST", path, png, other.token, "image/png"), 403, "forbidden");
    NB_EXPECT(m_net->request("POST", path, "just text", owner.token, "text/plain"), 415,
              "unsupported_media_type");
    NB_EXPECT(m_net->request("POST", path, png, owner.token, "image/jpeg"), 415, "unsupported_media_type");
    NB_EXPECT(m_net->request("POST", auctionPath(id + 100, QStringLiteral("/images")), png, owner.token,
                             "image/png"),
              404, "not_found");

    QByteArray huge = png;
    huge.append(QByteArray(5 * 1024 * 1024, '\0'));
    const HttpAnswer tooLarge = m_net->request("POST", path, huge, owner.token, "image/png");
    NB_EXPECT(tooLarge, 413, "payload_too_large");
    QCOMPARE(tooLarge.errorDetails().value("max_bytes").toInteger(), 5 * 1024 * 1024);
    QCOMPARE(m_net->get(auctionPath(id)).json.value("images").toArray().size(), 0);
    // Exactly 5 MiB is allowed.
    QByteArray limit = png;
    limit.append(QByteArray(5 * 1024 * 1024 - png.size(), '\0'));
    NB_EXPECT(m_net->request("POST", path, limit, owner.token, "image/png"), 201, "");
}

void TstHttpAuctions::placeBidsAndListThem()
{
    const Account owner = seller();
    const Account first = m_net->makeUser(QStringLiteral("first"), 100'000);
    const Account second = m_net->makeUser(QStringLiteral("second"), 100'000);
    const qint64 id = m_net->makeAuction(owner);

    const HttpAnswer opening =
        m_net->post(auctionPath(id, QStringLiteral("/bids")), bidBody(10'000), first.token);
    NB_EXPECT(opening, 201, "");
    QCOMPARE(opening.json.value("auction_id").toInteger(), id);
    QCOMPARE(opening.json.value("accepted_amount").toInteger(), 10'000);
    QCOMPARE(opening.json.value("leading").toBool(), true);
    QCOMPARE(opening.json.value("high_bidder_id").toInteger(), first.id);
    QCOMPARE(opening.json.value("wallet").toObject().value("locked").toInteger(), 10'000);

    const Won next = m_net->get(auctionPath(id)).json.value("min_next_bid").toInteger();
    QJsonObject proxy = bidBody(next);
    proxy.insert("max_amount", 40'000);
    const HttpAnswer raised = m_net->post(auctionPath(id, QStringLiteral("/bids")), proxy, second.token);
    NB_EXPECT(raised, 201, "");
    QCOMPARE(raised.json.value("high_bidder_id").toInteger(), second.id);

    const HttpAnswer bids = m_net->get(auctionPath(id, QStringLiteral("/bids")));
    NB_EXPECT(bids, 200, "");
    const QJsonArray items = bids.json.value("items").toArray();
    QCOMPARE(items.size(), 2);
    QCOMPARE(items.at(0).toObject().value("bidder").toObject().value("id").toInteger(), second.id);
    QCOMPARE(items.at(1).toObject().value("amount").toInteger(), 10'000);
    QCOMPARE(bids.json.value("total").toInteger(), 2);
    QCOMPARE(
        m_net->get(auctionPath(id, QStringLiteral("/bids?page_size=1"))).json.value("items").toArray().size(),
        1);
    NB_EXPECT(m_net->get(auctionPath(id + 100, QStringLiteral("/bids"))), 404, "not_found");

    const QString metrics = QString::fromUtf8(m_net->get(QStringLiteral("/metrics")).body);
    QVERIFY(metrics.contains(QStringLiteral("neighborbid_bids_total{outcome=\"accepted\"}")));
}

void TstHttpAuctions::bidErrorsCarryTheirDetails()
{
    const Account owner = seller();
    const Account rich = m_net->makeUser(QStringLiteral("rich"), 100'000);
    const Account poor = m_net->makeUser(QStringLiteral("poor"), 5'000);
    const qint64 id = m_net->makeAuction(owner);
    const QString bids = auctionPath(id, QStringLiteral("/bids"));

    NB_EXPECT(m_net->post(bids, bidBody(10'000)), 401, "unauthorized");
    NB_EXPECT(m_net->post(bids, bidBody(10'000), QStringLiteral("forged")), 401, "unauthorized");
    const HttpAnswer low = m_net->post(bids, bidBody(9'000), rich.token);
    NB_EXPECT(low, 409, "bid_too_low");
    QCOMPARE(low.errorDetails().value("min_amount").toInteger(), 10'000);
    const HttpAnswer broke = m_net->post(bids, bidBody(10'000), poor.token);
    NB_EXPECT(broke, 409, "insufficient_funds");
    QCOMPARE(broke.errorDetails().value("available").toInteger(), 5'000);
    NB_EXPECT(m_net->post(bids, bidBody(10'000), owner.token), 403, "seller_cannot_bid");
    NB_EXPECT(m_net->post(auctionPath(id + 100, QStringLiteral("/bids")), bidBody(10'000), rich.token), 404,
              "not_found");
    const HttpAnswer noRequestId = m_net->post(bids, {{"amount", 10'000}}, rich.token);
    NB_EXPECT(noRequestId, 400, "bad_request");
    QCOMPARE(noRequestId.errorDetails().value("field").toString(), QStringLiteral("request_id"));
    NB_EXPECT(m_net->post(bids, {{"amount", "lots"}, {"request_id", "x1"}}, rich.token), 400, "bad_request");
    NB_EXPECT(m_net->post(bids, {{"amount", 10'000}, {"max_amount", true}, {"request_id", "x2"}}, rich.token),
              400, "bad_request");

    m_net->endAuction(id);
    NB_EXPECT(m_net->post(bids, bidBody(10'000), rich.token), 409, "auction_not_active");
    QCOMPARE(m_net->wallet(rich.id).balance, 100'000);

    const QString metrics = QString::fromUtf8(m_net->get(QStringLiteral("/metrics")).body);
    QVERIFY(metrics.contains(QStringLiteral("neighborbid_bids_total{outcome=\"bid_too_low\"}")));
}

void TstHttpAuctions::bidReplayIsIdempotentOverTheWire()
{
    const Account owner = seller();
    const Account bidder = m_net->makeUser(QStringLiteral("bidder"), 100'000);
    const qint64 id = m_net->makeAuction(owner);
    const QString bids = auctionPath(id, QStringLiteral("/bids"));
    const QString requestId = QStringLiteral("bid-once-1");

    const HttpAnswer first = m_net->post(bids, bidBody(12'000, requestId), bidder.token);
    NB_EXPECT(first, 201, "");
    const HttpAnswer again = m_net->post(bids, bidBody(12'000, requestId), bidder.token);
    NB_EXPECT(again, 201, "");
    QCOMPARE(again.json, first.json);
    QCOMPARE(m_net->wallet(bidder.id).locked, 12'000);
    QCOMPARE(m_net->wallet(bidder.id).balance, 88'000);
    QCOMPARE(m_net->get(bids).json.value("total").toInteger(), 1);

    NB_EXPECT(m_net->post(bids, bidBody(15'000, requestId), bidder.token), 409, "idempotency_mismatch");
    QCOMPARE(m_net->wallet(bidder.id).locked, 12'000);
}

void TstHttpAuctions::buyNow()
{
    const Account owner = seller();
    const Account buyer = m_net->makeUser(QStringLiteral("buyer"), 100'000);
    const qint64 plain = m_net->makeAuction(owner);
    const qint64 offer = m_net->makeAuction(owner, [](nb::NewAuction& a) { a.buyNowPrice = 50'000; });

    const QJsonObject body{{"request_id", "buy-1"}};
    NB_EXPECT(m_net->post(auctionPath(offer, QStringLiteral("/buy-now")), body), 401, "unauthorized");
    NB_EXPECT(m_net->post(auctionPath(offer, QStringLiteral("/buy-now")), {}, buyer.token), 400,
              "bad_request");
    NB_EXPECT(m_net->post(auctionPath(offer, QStringLiteral("/buy-now")), body, owner.token), 403,
              "seller_cannot_bid");
    NB_EXPECT(m_net->post(auctionPath(plain, QStringLiteral("/buy-now")), body, buyer.token), 409,
              "buy_now_unavailable");
    const HttpAnswer bought = m_net->post(auctionPath(offer, QStringLiteral("/buy-now")), body, buyer.token);
    NB_EXPECT(bought, 200, "");
    QCOMPARE(bought.json.value("status").toString(), QStringLiteral("ended"));
    QCOMPARE(bought.json.value("end_reason").toString(), QStringLiteral("buy_now"));
    QCOMPARE(bought.json.value("winner").toObject().value("id").toInteger(), buyer.id);
    // The replay answers the same and takes no money twice.
    const HttpAnswer replay = m_net->post(auctionPath(offer, QStringLiteral("/buy-now")), body, buyer.token);
    NB_EXPECT(replay, 200, "");
    QCOMPARE(replay.json.value("winner"), bought.json.value("winner"));
    QCOMPARE(m_net->wallet(buyer.id).balance, 50'000);
}

void TstHttpAuctions::watchAndUnwatch()
{
    const Account owner = seller();
    const Account fan = m_net->makeUser(QStringLiteral("fan"));
    const qint64 id = m_net->makeAuction(owner);
    const QString watch = auctionPath(id, QStringLiteral("/watch"));

    NB_EXPECT(m_net->put(watch, QString()), 401, "unauthorized");
    const HttpAnswer watched = m_net->put(watch, fan.token);
    QCOMPARE(watched.status, 204);
    QVERIFY(watched.body.isEmpty());
    const QByteArray raw =
        m_net->rawExchange("PUT " + watch.toUtf8() + " HTTP/1.1\r\nHost: test\r\nAuthorization: Bearer " +
                           fan.token.toUtf8() + "\r\n\r\n");
    QVERIFY2(raw.startsWith("HTTP/1.1 204"), raw.constData());
    QVERIFY2(!raw.toLower().contains("content-type"), raw.constData());
    QCOMPARE(m_net->get(auctionPath(id)).json.value("watchers").toInt(), 1);
    QCOMPARE(idsOf(m_net->get(QStringLiteral("/api/v1/me/watchlist"), fan.token)), QList<qint64>{id});
    QCOMPARE(m_net->del(watch, fan.token).status, 204);
    QCOMPARE(m_net->get(auctionPath(id)).json.value("watchers").toInt(), 0);
    NB_EXPECT(m_net->put(auctionPath(id + 100, QStringLiteral("/watch")), fan.token), 404, "not_found");
}

void TstHttpAuctions::questionsAndAnswers()
{
    const Account owner = seller();
    const Account curious = m_net->makeUser(QStringLiteral("curious"));
    const qint64 id = m_net->makeAuction(owner);
    const QString questions = auctionPath(id, QStringLiteral("/questions"));

    NB_EXPECT(m_net->post(questions, {{"text", "Does it work?"}}), 401, "unauthorized");
    NB_EXPECT(m_net->post(questions, {{"text", "Anyone?"}}, owner.token), 403, "forbidden");
    NB_EXPECT(m_net->post(questions, {{"text", "   "}}, curious.token), 400, "bad_request");
    NB_EXPECT(m_net->post(questions, {{"text", 7}}, curious.token), 400, "bad_request");
    const HttpAnswer asked = m_net->post(questions, {{"text", "Does it work?"}}, curious.token);
    NB_EXPECT(asked, 201, "");
    const qint64 questionId = asked.json.value("id").toInteger();
    QCOMPARE(asked.json.value("asker").toObject().value("id").toInteger(), curious.id);

    const QString answer = questions + QStringLiteral("/%1/answer").arg(questionId);
    NB_EXPECT(m_net->post(answer, {{"text", "Sure"}}, curious.token), 403, "forbidden");
    const HttpAnswer answered = m_net->post(answer, {{"text", "Perfectly."}}, owner.token);
    NB_EXPECT(answered, 200, "");
    QCOMPARE(answered.json.value("answer").toString(), QStringLiteral("Perfectly."));
    NB_EXPECT(m_net->post(answer, {{"text", "Again"}}, owner.token), 409, "conflict");
    NB_EXPECT(m_net->post(questions + QStringLiteral("/%1/answer").arg(questionId + 100), {{"text", "?"}},
                          owner.token),
              404, "not_found");

    const HttpAnswer listed = m_net->get(questions);
    NB_EXPECT(listed, 200, "");
    QCOMPARE(listed.json.value("items").toArray().size(), 1);
    QCOMPARE(listed.json.value("items").toArray().first().toObject().value("answer").toString(),
             QStringLiteral("Perfectly."));
    NB_EXPECT(m_net->get(auctionPath(id + 100, QStringLiteral("/questions"))), 404, "not_found");
}

void TstHttpAuctions::messagesBetweenSellerAndWinner()
{
    const Account owner = seller();
    const Account winner = m_net->makeUser(QStringLiteral("winner"), 100'000);
    const Account stranger = m_net->makeUser(QStringLiteral("stranger"));
    const qint64 id = m_net->makeAuction(owner);
    const QString messages = auctionPath(id, QStringLiteral("/messages"));
    NB_EXPECT(m_net->post(auctionPath(id, QStringLiteral("/bids")), bidBody(10'000), winner.token), 201, "");

    NB_EXPECT(m_net->post(messages, {{"text", "Hello"}}, winner.token), 409, "conflict");
    m_net->endAuction(id);
    NB_EXPECT(m_net->get(messages), 401, "unauthorized");
    NB_EXPECT(m_net->get(messages, stranger.token), 403, "forbidden");
    NB_EXPECT(m_net->post(messages, {{"text", "Me too"}}, stranger.token), 403, "forbidden");
    const HttpAnswer sent = m_net->post(messages, {{"text", "When can I pick it up?"}}, winner.token);
    NB_EXPECT(sent, 201, "");
    QCOMPARE(sent.json.value("recipient_id").toInteger(), owner.id);
    NB_EXPECT(m_net->post(messages, {{"text", "Tomorrow at six."}}, owner.token), 201, "");
    const HttpAnswer thread = m_net->get(messages, owner.token);
    NB_EXPECT(thread, 200, "");
    const QJsonArray items = thread.json.value("items").toArray();
    QCOMPARE(items.size(), 2);
    QCOMPARE(items.first().toObject().value("text").toString(), QStringLiteral("When can I pick it up?"));
    QCOMPARE(m_net->get(messages, winner.token).json.value("items").toArray().size(), 2);
}

void TstHttpAuctions::reviewTheSeller()
{
    const Account owner = seller();
    const Account winner = m_net->makeUser(QStringLiteral("winner"), 100'000);
    const qint64 id = m_net->makeAuction(owner);
    const QString review = auctionPath(id, QStringLiteral("/review"));
    NB_EXPECT(m_net->post(auctionPath(id, QStringLiteral("/bids")), bidBody(10'000), winner.token), 201, "");

    NB_EXPECT(m_net->post(review, {{"rating", 5}, {"text", "Great"}}, winner.token), 409, "conflict");
    m_net->endAuction(id);
    NB_EXPECT(m_net->post(review, {{"rating", 6}, {"text", "Too good"}}, winner.token), 400, "bad_request");
    NB_EXPECT(m_net->post(review, {{"rating", "five"}}, winner.token), 400, "bad_request");
    NB_EXPECT(m_net->post(review, {{"rating", 5}}, owner.token), 403, "forbidden");
    const HttpAnswer reviewed =
        m_net->post(review, {{"rating", 4}, {"text", "Smooth handover."}}, winner.token);
    NB_EXPECT(reviewed, 201, "");
    QCOMPARE(reviewed.json.value("rating").toInt(), 4);
    QCOMPARE(reviewed.json.value("seller_id").toInteger(), owner.id);
    NB_EXPECT(m_net->post(review, {{"rating", 3}}, winner.token), 409, "conflict");
    const QJsonObject sellerShown = m_net->get(auctionPath(id)).json.value("seller").toObject();
    QCOMPARE(sellerShown.value("reputation").toDouble(), 4.0);
}

QTEST_GUILESS_MAIN(TstHttpAuctions)
#include "tst_http_auctions.moc"
