// The WebSocket face of PROTOCOL.md against a real hub, real sockets on 127.0.0.1 and the real
// service layer on PostgreSQL: every message type, the pushes that follow a commit (and only a
// commit), replay after a reconnect, and the limits that protect the server from abusive peers.
#include "server/transport/ws/WsTextFrame.h"
#include "shared/TimeFormat.h"
#include "tests/server/StalledPeer.h"
#include "tests/server/WsFixture.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <memory>
#include <stdexcept>

using nb::Won;
using nb::test::WsClient;
using nb::test::WsFixture;
using nb::test::WsLimits;

namespace {

QString typeOf(const QJsonObject& m)
{
    return m.value(QStringLiteral("type")).toString();
}

QString errorCodeOf(const QJsonObject& m)
{
    return m.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
}

qint64 integer(const QJsonObject& m, const char* field)
{
    return m.value(QLatin1String(field)).toInteger(-1);
}

QJsonObject bidMessage(qint64 auctionId, Won amount, std::optional<Won> maxAmount = std::nullopt)
{
    QJsonObject m{{QStringLiteral("type"), QStringLiteral("bid")},
                  {QStringLiteral("request_id"), WsClient::newRequestId()},
                  {QStringLiteral("auction_id"), auctionId},
                  {QStringLiteral("amount"), amount}};
    if (maxAmount)
        m.insert(QStringLiteral("max_amount"), *maxAmount);
    return m;
}

QJsonObject message(const char* type, std::initializer_list<std::pair<QString, QJsonValue>> fields = {})
{
    QJsonObject m{{QStringLiteral("type"), QLatin1String(type)}};
    for (const auto& [key, value] : fields)
        m.insert(key, value);
    return m;
}

/// The auction.* messages a client received for one auction, in arrival order.
QList<QJsonObject> auctionEvents(const WsClient& client, qint64 auctionId)
{
    QList<QJsonObject> events;
    for (const QJsonObject& m : client.messages()) {
        if (typeOf(m).startsWith(QLatin1String("auction.")) && integer(m, "auction_id") == auctionId)
            events.append(m);
    }
    return events;
}

/// A counter of the metrics page, as an operator scraping GET /metrics reads it.
qint64 counter(nb::transport::Metrics& metrics, const QString& name)
{
    const QStringList lines = metrics.render(nullptr).split(QLatin1Char('\n'));
    for (const QString& line : lines) {
        if (line.startsWith(name + QLatin1Char(' ')))
            return line.sliced(name.size() + 1).toLongLong();
    }
    return -1;
}

QList<qint64> oneTo(qint64 n)
{
    QList<qint64> seqs;
    for (qint64 i = 1; i <= n; ++i)
        seqs.append(i);
    return seqs;
}

} // namespace

class TstWsProtocol : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void helloWelcomesAnonymousAndSignedInClients();
    void subscribeAnswersWithASnapshot();
    void bidIsAnsweredAndPushedToBidderAndWatchers();
    void buyNowEndsTheAuctionForEveryone();
    void pingIsAnsweredWithPong();
    void bidWithoutAValidSessionIsUnauthorized();
    void malformedMessagesAreRefusedAndTheConnectionStays();
    void everyRequestIsAnsweredExactlyOnce();
    void watcherReceivesExactlyTheCommittedEventsInSeqOrder();
    void reconnectWithSinceSeqReplaysTheGap();
    void duplicatesAreDroppedAndGapsFilledFromTheLog();
    void eventsPushedInOnePassShareOneWritePerPeer();
    void slowReaderIsCutOffWhileOthersKeepReceiving();
    void textFramesFollowRfc6455AtEveryLength_data();
    void textFramesFollowRfc6455AtEveryLength();
    void framedEventsOfEveryLengthArriveIntact();
    void oversizedFrameClosesTheConnection();
    void foreignOriginAndOtherPathsAreRefused();
    void floodingIsRateLimitedThenClosed();
    void hundredConcurrentBiddersKeepTheLedgerIntactAndPingPrompt();
};

void TstWsProtocol::initTestCase()
{
    nb::test::TestDatabase::instance();
}

void TstWsProtocol::helloWelcomesAnonymousAndSignedInClients()
{
    WsFixture f;
    const auto alice = f.makePerson(QStringLiteral("alice"), 0);

    WsClient anonymous;
    QVERIFY(anonymous.open(f.server().url()));
    QJsonObject answer = anonymous.hello();
    QCOMPARE(typeOf(answer), QStringLiteral("welcome"));
    QCOMPARE(integer(answer, "v"), qint64(1));
    QVERIFY(answer.value(QStringLiteral("user")).isNull());
    QVERIFY(nb::fromWireTime(answer.value(QStringLiteral("server_time")).toString()).isValid());

    WsClient signedIn;
    QVERIFY(signedIn.open(f.server().url()));
    answer = signedIn.hello(alice.token);
    QCOMPARE(typeOf(answer), QStringLiteral("welcome"));
    const QJsonObject user = answer.value(QStringLiteral("user")).toObject();
    QCOMPARE(integer(user, "id"), alice.id);
    QCOMPARE(user.value(QStringLiteral("username")).toString(), QStringLiteral("alice001"));

    WsClient stale;
    QVERIFY(stale.open(f.server().url()));
    answer = stale.hello(QStringLiteral("no-such-token"));
    QCOMPARE(typeOf(answer), QStringLiteral("error"));
    QCOMPARE(errorCodeOf(answer), QStringLiteral("unauthorized"));
    QVERIFY(stale.isConnected());
    QCOMPARE(f.server().hub().connectionCount(), 3);
}

void TstWsProtocol::subscribeAnswersWithASnapshot()
{
    WsFixture f;
    const auto seller = f.makePerson(QStringLiteral("seller"), 0);
    const qint64 auction = f.makeAuction(seller.id);
    auto client = f.connectClient();
    QVERIFY(client);

    const QJsonObject snapshot = client->subscribe(auction);
    QCOMPARE(typeOf(snapshot), QStringLiteral("snapshot"));
    const QJsonObject detail = snapshot.value(QStringLiteral("auction")).toObject();
    QCOMPARE(integer(detail, "id"), auction);
    QCOMPARE(integer(detail, "seq"), qint64(0));
    QCOMPARE(integer(detail, "min_next_bid"), qint64(10'000));
    QCOMPARE(detail.value(QStringLiteral("status")).toString(), QStringLiteral("active"));

    const QJsonObject missing =
        client->request(message("subscribe", {{QStringLiteral("auction_id"), 999'999}}));
    QCOMPARE(errorCodeOf(missing), QStringLiteral("not_found"));
    const QJsonObject bad =
        client->request(message("subscribe", {{QStringLiteral("auction_id"), QStringLiteral("x")}}));
    QCOMPARE(errorCodeOf(bad), QStringLiteral("bad_request"));
    QCOMPARE(bad.value(QStringLiteral("error"))
                 .toObject()
                 .value(QStringLiteral("details"))
                 .toObject()
                 .value(QStringLiteral("field")),
             QJsonValue(QStringLiteral("auction_id")));
}

void TstWsProtocol::bidIsAnsweredAndPushedToBidderAndWatchers()
{
    WsFixture f;
    const auto seller = f.makePerson(QStringLiteral("seller"), 0);
    const auto bob = f.makePerson(QStringLiteral("bob"), 100'000);
    const auto carol = f.makePerson(QStringLiteral("carol"), 100'000);
    const qint64 auction = f.makeAuction(seller.id);
    auto watcher = f.connectClient();
    QVERIFY(watcher);
    QCOMPARE(typeOf(watcher->subscribe(auction)), QStringLiteral("snapshot"));
    auto bobClient = f.connectClient(bob.token);
    auto carolClient = f.connectClient(carol.token);
    QVERIFY(bobClient && carolClient);

    const QJsonObject request = bidMessage(auction, 10'000);
    const QJsonObject result = bobClient->request(request);
    QCOMPARE(typeOf(result), QStringLiteral("bid_result"));
    QCOMPARE(result.value(QStringLiteral("request_id")), request.value(QStringLiteral("request_id")));
    QCOMPARE(integer(result, "auction_id"), auction);
    QCOMPARE(integer(result, "accepted_amount"), qint64(10'000));
    QCOMPARE(integer(result, "current_price"), qint64(10'000));
    QCOMPARE(result.value(QStringLiteral("leading")).toBool(), true);
    QCOMPARE(integer(result, "high_bidder_id"), bob.id);
    QCOMPARE(integer(result, "seq"), qint64(1));
    QCOMPARE(integer(result.value(QStringLiteral("wallet")).toObject(), "locked"), qint64(10'000));

    const auto lockedPush = bobClient->waitFor([](const QJsonObject& m) {
        return typeOf(m) == QLatin1String("wallet") && integer(m, "locked") == 10'000;
    });
    QVERIFY(lockedPush);
    QCOMPARE(integer(*lockedPush, "balance"), qint64(90'000));
    QCOMPARE(integer(*lockedPush, "total"), qint64(100'000));
    const auto first =
        watcher->waitFor([](const QJsonObject& m) { return typeOf(m) == QLatin1String("auction.bid"); });
    QVERIFY(first);
    QCOMPARE(integer(*first, "seq"), qint64(1));
    QCOMPARE(integer(*first, "amount"), qint64(10'000));
    QCOMPARE(integer(first->value(QStringLiteral("high_bidder")).toObject(), "id"), bob.id);

    const QJsonObject outbid = carolClient->request(bidMessage(auction, 11'000));
    QCOMPARE(typeOf(outbid), QStringLiteral("bid_result"));
    QCOMPARE(integer(outbid, "seq"), qint64(2));
    QVERIFY(bobClient->waitFor([](const QJsonObject& m) {
        return typeOf(m) == QLatin1String("wallet") && integer(m, "locked") == 0 &&
               integer(m, "balance") == 100'000;
    }));
    QVERIFY(bobClient->waitFor([](const QJsonObject& m) {
        return typeOf(m) == QLatin1String("notification") &&
               m.value(QStringLiteral("kind")).toString() == "outbid";
    }));
    QVERIFY(watcher->waitForCount(QStringLiteral("auction.bid"), 2));
    QCOMPARE(watcher->eventSeqs(auction), oneTo(2));
    // The bidders did not subscribe: auction events reach followers only.
    QVERIFY(bobClient->ofType(QStringLiteral("auction.bid")).isEmpty());

    const QString metrics = f.server().metrics().render(nullptr);
    QVERIFY2(metrics.contains(QStringLiteral("neighborbid_bids_total{outcome=\"accepted\"} 2")),
             qPrintable(metrics));
    QVERIFY(metrics.contains(QStringLiteral("neighborbid_request_seconds_count{kind=\"ws_bid\"} 2")));
    QVERIFY(metrics.contains(QStringLiteral("neighborbid_ws_connections 3")));
}

void TstWsProtocol::buyNowEndsTheAuctionForEveryone()
{
    WsFixture f;
    const auto seller = f.makePerson(QStringLiteral("seller"), 0);
    const auto buyer = f.makePerson(QStringLiteral("buyer"), 100'000);
    const qint64 auction = f.makeAuction(seller.id, [](nb::NewAuction& a) { a.buyNowPrice = 50'000; });
    auto watcher = f.connectClient();
    auto client = f.connectClient(buyer.token);
    QVERIFY(watcher && client);
    QCOMPARE(typeOf(watcher->subscribe(auction)), QStringLiteral("snapshot"));

    const QJsonObject answer = client->request(message("buy_now", {{QStringLiteral("auction_id"), auction}}));
    QCOMPARE(typeOf(answer), QStringLiteral("buy_now_result"));
    const QJsonObject detail = answer.value(QStringLiteral("auction")).toObject();
    QCOMPARE(detail.value(QStringLiteral("status")).toString(), QStringLiteral("ended"));
    QCOMPARE(detail.value(QStringLiteral("end_reason")).toString(), QStringLiteral("buy_now"));
    QCOMPARE(integer(detail.value(QStringLiteral("winner")).toObject(), "id"), buyer.id);

    const auto ended =
        watcher->waitFor([](const QJsonObject& m) { return typeOf(m) == QLatin1String("auction.ended"); });
    QVERIFY(ended);
    QCOMPARE(ended->value(QStringLiteral("reason")).toString(), QStringLiteral("buy_now"));
    QCOMPARE(integer(ended->value(QStringLiteral("winner")).toObject(), "id"), buyer.id);
    QCOMPARE(integer(*ended, "final_price"), qint64(50'000));
    QVERIFY(client->waitFor([](const QJsonObject& m) {
        return typeOf(m) == QLatin1String("wallet") && integer(m, "balance") == 50'000;
    }));

    const QJsonObject again = client->request(message("buy_now", {{QStringLiteral("auction_id"), auction}}));
    QCOMPARE(typeOf(again), QStringLiteral("error"));
    QCOMPARE(errorCodeOf(again), QStringLiteral("auction_not_active"));
}

void TstWsProtocol::pingIsAnsweredWithPong()
{
    WsFixture f;
    auto client = f.connectClient();
    QVERIFY(client);
    const QJsonObject pong = client->request(message("ping"));
    QCOMPARE(typeOf(pong), QStringLiteral("pong"));
    QVERIFY(nb::fromWireTime(pong.value(QStringLiteral("server_time")).toString()).isValid());
    client->send(message("ping"));
    QVERIFY(client->waitFor([](const QJsonObject& m) {
        return typeOf(m) == QLatin1String("pong") && !m.contains(QStringLiteral("request_id"));
    }));
}

void TstWsProtocol::bidWithoutAValidSessionIsUnauthorized()
{
    WsFixture f;
    const auto seller = f.makePerson(QStringLiteral("seller"), 0);
    const qint64 auction = f.makeAuction(seller.id);

    WsClient noHello;
    QVERIFY(noHello.open(f.server().url()));
    QCOMPARE(errorCodeOf(noHello.request(bidMessage(auction, 10'000))), QStringLiteral("unauthorized"));

    auto anonymous = f.connectClient();
    QVERIFY(anonymous);
    QCOMPARE(errorCodeOf(anonymous->request(bidMessage(auction, 10'000))), QStringLiteral("unauthorized"));
    QCOMPARE(errorCodeOf(anonymous->request(message("buy_now", {{QStringLiteral("auction_id"), auction}}))),
             QStringLiteral("unauthorized"));

    WsClient stale;
    QVERIFY(stale.open(f.server().url()));
    QCOMPARE(errorCodeOf(stale.hello(QStringLiteral("expired-or-forged"))), QStringLiteral("unauthorized"));
    QCOMPARE(errorCodeOf(stale.request(bidMessage(auction, 10'000))), QStringLiteral("unauthorized"));

    QCOMPARE(f.data().count(QStringLiteral("bids")), qint64(0));
    QVERIFY(noHello.isConnected() && anonymous->isConnected() && stale.isConnected());
}

void TstWsProtocol::malformedMessagesAreRefusedAndTheConnectionStays()
{
    WsFixture f;
    const auto seller = f.makePerson(QStringLiteral("seller"), 0);
    const auto bob = f.makePerson(QStringLiteral("bob"), 100'000);
    const qint64 auction = f.makeAuction(seller.id);
    auto client = f.connectClient(bob.token);
    QVERIFY(client);

    const auto expectBadRequest = [&](const QJsonObject& answer, const QString& field) {
        QCOMPARE(typeOf(answer), QStringLiteral("error"));
        QCOMPARE(errorCodeOf(answer), QStringLiteral("bad_request"));
        if (!field.isEmpty()) {
            QCOMPARE(answer.value(QStringLiteral("error"))
                         .toObject()
                         .value(QStringLiteral("details"))
                         .toObject()
                         .value(QStringLiteral("field")),
                     QJsonValue(field));
        }
    };

    client->sendText(QStringLiteral("this is not JSON"));
    auto answer = client->waitFor([](const QJsonObject& m) { return typeOf(m) == QLatin1String("error"); });
    QVERIFY(answer);
    expectBadRequest(*answer, QString());
    QVERIFY(!answer->contains(QStringLiteral("request_id")));
    client->clear();
    client->sendText(QStringLiteral("[1, 2, 3]"));
    QVERIFY(client->waitForCount(QStringLiteral("error"), 1));
    client->clear();
    client->socket().sendBinaryMessage(QByteArrayLiteral("\x01\x02"));
    QVERIFY(client->waitForCount(QStringLiteral("error"), 1));

    expectBadRequest(client->request(message("teleport")), QStringLiteral("type"));
    expectBadRequest(client->request(QJsonObject{{QStringLiteral("auction_id"), auction}}),
                     QStringLiteral("type"));
    expectBadRequest(client->request(message("bid", {{QStringLiteral("auction_id"), auction},
                                                     {QStringLiteral("amount"), QStringLiteral("lots")}})),
                     QStringLiteral("amount"));
    QJsonObject fractional = bidMessage(auction, 10'000);
    fractional.insert(QStringLiteral("amount"), 10'000.5);
    expectBadRequest(client->request(fractional), QStringLiteral("amount"));
    QJsonObject badId = bidMessage(auction, 10'000);
    badId.insert(QStringLiteral("request_id"), QStringLiteral("spaces are not allowed"));
    const QJsonObject badIdAnswer = client->request(badId);
    expectBadRequest(badIdAnswer, QStringLiteral("request_id"));
    QCOMPARE(badIdAnswer.value(QStringLiteral("request_id")).toString(),
             QStringLiteral("spaces are not allowed"));
    expectBadRequest(client->request(message("subscribe", {{QStringLiteral("auction_id"), auction},
                                                           {QStringLiteral("since_seq"), -1}})),
                     QStringLiteral("since_seq"));
    expectBadRequest(client->request(message("hello", {{QStringLiteral("v"), 2}})), QStringLiteral("v"));

    QCOMPARE(typeOf(client->request(message("ping"))), QStringLiteral("pong"));
    QVERIFY(client->isConnected());
    QCOMPARE(f.data().count(QStringLiteral("bids")), qint64(0));
}

void TstWsProtocol::everyRequestIsAnsweredExactlyOnce()
{
    WsFixture f;
    const auto seller = f.makePerson(QStringLiteral("seller"), 0);
    const auto bob = f.makePerson(QStringLiteral("bob"), 100'000);
    const qint64 auction = f.makeAuction(seller.id);
    WsClient client;
    QVERIFY(client.open(f.server().url()));

    // Sent back to back without waiting: the bids queue behind hello's authentication.
    QList<QJsonObject> requests{
        message("hello", {{QStringLiteral("v"), 1}, {QStringLiteral("token"), bob.token}}),
        message("subscribe", {{QStringLiteral("auction_id"), auction}}),
        bidMessage(auction, 10'000),
        bidMessage(auction, 5'000), // below the start price
        message("ping"),
        message("subscribe", {{QStringLiteral("auction_id"), 999'999}}),
        message("ping"),
        message("unknown_kind"),
        message("bid", {{QStringLiteral("auction_id"), auction}}),
        message("buy_now", {{QStringLiteral("auction_id"), auction}}),
        message("unsubscribe", {{QStringLiteral("auction_id"), auction}}),
        message("subscribe", {{QStringLiteral("auction_id"), auction}, {QStringLiteral("since_seq"), 0}}),
        bidMessage(auction, 2'000'000), // more than bob has
        message("ping"),
    };
    QStringList ids;
    for (int i = 0; i < requests.size(); ++i) {
        const QString id = QStringLiteral("req-%1").arg(i);
        requests[i].insert(QStringLiteral("request_id"), id);
        ids << id;
        client.send(requests[i]);
    }
    QVERIFY(QTest::qWaitFor(
        [&] {
            return std::all_of(ids.cbegin(), ids.cend(),
                               [&](const QString& id) { return client.answersTo(id) > 0; });
        },
        15'000));
    WsClient::spin(300);
    for (const QString& id : ids)
        QVERIFY2(client.answersTo(id) == 1, qPrintable(id));

    const auto answerTo = [&](int i) {
        return *client.waitFor(
            [&](const QJsonObject& m) { return m.value(QStringLiteral("request_id")) == ids[i]; });
    };
    QCOMPARE(typeOf(answerTo(0)), QStringLiteral("welcome"));
    QCOMPARE(typeOf(answerTo(2)), QStringLiteral("bid_result"));
    QCOMPARE(errorCodeOf(answerTo(3)), QStringLiteral("bid_too_low"));
    QCOMPARE(typeOf(answerTo(4)), QStringLiteral("pong"));
    QCOMPARE(errorCodeOf(answerTo(5)), QStringLiteral("not_found"));
    QCOMPARE(typeOf(answerTo(6)), QStringLiteral("pong"));
    QCOMPARE(errorCodeOf(answerTo(7)), QStringLiteral("bad_request"));
    QCOMPARE(errorCodeOf(answerTo(8)), QStringLiteral("bad_request"));
    QCOMPARE(errorCodeOf(answerTo(9)), QStringLiteral("buy_now_unavailable"));
    QCOMPARE(typeOf(answerTo(10)), QStringLiteral("unsubscribed"));
    QCOMPARE(typeOf(answerTo(11)), QStringLiteral("subscribed"));
    QCOMPARE(errorCodeOf(answerTo(12)), QStringLiteral("insufficient_funds"));
}

void TstWsProtocol::watcherReceivesExactlyTheCommittedEventsInSeqOrder()
{
    WsFixture f;
    const auto seller = f.makePerson(QStringLiteral("seller"), 0);
    const auto people = f.makePeople(QStringLiteral("p"), 3, 50'000);
    const auto poor = f.makePerson(QStringLiteral("poor"), 5'000);
    const qint64 auction = f.makeAuction(seller.id);
    auto watcher = f.connectClient();
    QVERIFY(watcher);
    QCOMPARE(typeOf(watcher->subscribe(auction)), QStringLiteral("snapshot"));
    std::vector<std::unique_ptr<WsClient>> bidders;
    for (const auto& p : people)
        bidders.push_back(f.connectClient(p.token));
    auto poorClient = f.connectClient(poor.token);
    auto sellerClient = f.connectClient(seller.token);

    const auto expect = [](const QJsonObject& answer, const QString& what) {
        const QString got = typeOf(answer) == QLatin1String("error") ? errorCodeOf(answer) : typeOf(answer);
        QCOMPARE(got, what);
    };
    expect(bidders[0]->request(bidMessage(auction, 10'000)), QStringLiteral("bid_result"));
    expect(bidders[1]->request(bidMessage(auction, 10'500)), QStringLiteral("bid_too_low"));
    expect(bidders[1]->request(bidMessage(auction, 11'000)), QStringLiteral("bid_result"));
    expect(poorClient->request(bidMessage(auction, 12'000)), QStringLiteral("insufficient_funds"));
    expect(sellerClient->request(bidMessage(auction, 12'000)), QStringLiteral("seller_cannot_bid"));
    // Fails after every write, just before COMMIT: nothing of it may ever be pushed.
    f.server().pool().setBeforeCommitHook([] { throw std::runtime_error("forced failure before commit"); });
    expect(bidders[2]->request(bidMessage(auction, 12'000)), QStringLiteral("internal"));
    f.server().pool().setBeforeCommitHook({});
    expect(bidders[2]->request(bidMessage(auction, 12'000)), QStringLiteral("bid_result"));
    expect(bidders[0]->request(bidMessage(auction, 13'000, 20'000)), QStringLiteral("bid_result"));
    expect(bidders[1]->request(bidMessage(auction, 15'000)), QStringLiteral("bid_result")); // proxy answers

    const std::vector<QJsonObject> log = f.replayLog(auction);
    QVERIFY(log.size() >= 5);
    QVERIFY(
        QTest::qWaitFor([&] { return auctionEvents(*watcher, auction).size() >= int(log.size()); }, 10'000));
    WsClient::spin(300); // anything extra would arrive now
    const QList<QJsonObject> received = auctionEvents(*watcher, auction);
    QCOMPARE(received.size(), int(log.size()));
    for (int i = 0; i < received.size(); ++i)
        QCOMPARE(received[i], log[std::size_t(i)]);
    QCOMPARE(watcher->eventSeqs(auction), oneTo(qint64(log.size())));
    const QStringList violations = f.data().auditViolations() + f.data().sequenceViolations();
    QVERIFY2(violations.isEmpty(), qPrintable(violations.join(QLatin1Char('\n'))));
}

void TstWsProtocol::reconnectWithSinceSeqReplaysTheGap()
{
    WsFixture f;
    const auto seller = f.makePerson(QStringLiteral("seller"), 0);
    const auto people = f.makePeople(QStringLiteral("p"), 2, 100'000);
    const qint64 auction = f.makeAuction(seller.id);
    auto a = f.connectClient(people[0].token);
    auto b = f.connectClient(people[1].token);
    auto first = f.connectClient();
    QVERIFY(a && b && first);
    QCOMPARE(typeOf(first->subscribe(auction)), QStringLiteral("snapshot"));
    QCOMPARE(typeOf(a->request(bidMessage(auction, 10'000))), QStringLiteral("bid_result"));
    QCOMPARE(typeOf(b->request(bidMessage(auction, 11'000))), QStringLiteral("bid_result"));
    QVERIFY(first->waitForCount(QStringLiteral("auction.bid"), 2));
    first->socket().close();
    QVERIFY(first->waitDisconnected());

    const std::vector<std::pair<WsClient*, Won>> more{
        {a.get(), 12'000}, {b.get(), 13'000}, {a.get(), 14'000}};
    for (const auto& [who, amount] : more)
        QCOMPARE(typeOf(who->request(bidMessage(auction, amount))), QStringLiteral("bid_result"));

    auto second = f.connectClient();
    QVERIFY(second);
    const QJsonObject done = second->request(
        message("subscribe", {{QStringLiteral("auction_id"), auction}, {QStringLiteral("since_seq"), 2}}));
    QCOMPARE(typeOf(done), QStringLiteral("subscribed"));
    QCOMPARE(integer(done, "seq"), qint64(5));
    QVERIFY(second->ofType(QStringLiteral("snapshot")).isEmpty());
    QCOMPARE(second->eventSeqs(auction), (QList<qint64>{3, 4, 5}));

    QCOMPARE(typeOf(b->request(bidMessage(auction, 15'000))), QStringLiteral("bid_result"));
    QVERIFY(second->waitForCount(QStringLiteral("auction.bid"), 4));
    WsClient::spin(200);
    QCOMPARE(second->eventSeqs(auction), (QList<qint64>{3, 4, 5, 6}));

    // A seq the server never issued cannot be replayed from: a snapshot answers instead.
    auto third = f.connectClient();
    const QJsonObject snapshot = third->request(
        message("subscribe", {{QStringLiteral("auction_id"), auction}, {QStringLiteral("since_seq"), 99}}));
    QCOMPARE(typeOf(snapshot), QStringLiteral("snapshot"));
    QCOMPARE(integer(snapshot.value(QStringLiteral("auction")).toObject(), "seq"), qint64(6));
}

void TstWsProtocol::duplicatesAreDroppedAndGapsFilledFromTheLog()
{
    WsFixture f({}, WsFixture::Relay::Manual);
    const auto seller = f.makePerson(QStringLiteral("seller"), 0);
    const auto people = f.makePeople(QStringLiteral("p"), 2, 1'000'000);
    const qint64 auction = f.makeAuction(seller.id);
    f.deliverPending();
    auto watcher = f.connectClient();
    QVERIFY(watcher);
    QCOMPARE(typeOf(watcher->subscribe(auction)), QStringLiteral("snapshot"));
    nb::services::BiddingService& bidding = f.server().services().bidding;
    Won price = 10'000;
    const auto bid = [&](int who) {
        bidding.placeBid(people[std::size_t(who)].id, auction, price, std::nullopt, WsClient::newRequestId());
        price += 1'000;
    };

    bid(0);
    bid(1);
    bid(0);
    f.deliverPending();
    QVERIFY(watcher->waitForCount(QStringLiteral("auction.bid"), 3));

    // A relay retry or a Redis resync hands the same events on again.
    for (const QJsonObject& event : f.replayLog(auction))
        f.server().bus().publishAuctionEvent(auction, event);
    WsClient::spin(200);
    QCOMPARE(watcher->eventSeqs(auction), oneTo(3));

    // Event 4 goes missing on the way; 5 arrives: the hub fills 4 from the replay log.
    bid(1);
    bid(0);
    f.deliverPending([](const nb::storage::outbox::OutboxEvent& e) {
        return !(e.auctionId && e.payload.value(QStringLiteral("seq")).toInteger() == 4);
    });
    QVERIFY(watcher->waitForCount(QStringLiteral("auction.bid"), 5));
    WsClient::spin(200);
    QCOMPARE(watcher->eventSeqs(auction), oneTo(5));

    // Everything lost (a transport outage): resynchronise() replays it.
    bid(1);
    bid(0);
    f.deliverPending([](const nb::storage::outbox::OutboxEvent& e) { return !e.auctionId; });
    WsClient::spin(100);
    QCOMPARE(watcher->eventSeqs(auction).size(), 5);
    f.server().hub().resynchronise();
    QVERIFY(watcher->waitForCount(QStringLiteral("auction.bid"), 7));
    WsClient::spin(200);
    QCOMPARE(watcher->eventSeqs(auction), oneTo(7));
}

void TstWsProtocol::eventsPushedInOnePassShareOneWritePerPeer()
{
    WsFixture f({}, WsFixture::Relay::Manual);
    const auto seller = f.makePerson(QStringLiteral("seller"), 0);
    const qint64 auction = f.makeAuction(seller.id);
    const qint64 other = f.makeAuction(seller.id);
    f.deliverPending();
    auto both = f.connectClient();
    auto one = f.connectClient();
    QVERIFY(both && one);
    QCOMPARE(typeOf(both->subscribe(auction)), QStringLiteral("snapshot"));
    QCOMPARE(typeOf(both->subscribe(other)), QStringLiteral("snapshot"));
    QCOMPARE(typeOf(one->subscribe(auction)), QStringLiteral("snapshot"));
    nb::transport::Metrics& metrics = f.server().metrics();
    const qint64 writesBefore = counter(metrics, QStringLiteral("neighborbid_push_writes_total"));
    const qint64 deliveredBefore = counter(metrics, QStringLiteral("neighborbid_events_delivered_total"));
    QVERIFY(writesBefore >= 0 && deliveredBefore >= 0);

    // A burst, as the relay hands on the bids committed during a long fan-out: all of it is
    // published before the event loop turns again.
    const auto event = [](qint64 id, qint64 seq) {
        return QJsonObject{{QStringLiteral("type"), QStringLiteral("auction.bid")},
                           {QStringLiteral("auction_id"), id},
                           {QStringLiteral("seq"), seq}};
    };
    for (qint64 seq = 1; seq <= 3; ++seq) {
        f.server().bus().publishAuctionEvent(auction, event(auction, seq));
        f.server().bus().publishAuctionEvent(other, event(other, seq));
    }
    QVERIFY(both->waitForCount(QStringLiteral("auction.bid"), 6));
    QVERIFY(one->waitForCount(QStringLiteral("auction.bid"), 3));
    WsClient::spin(100);
    QCOMPARE(both->eventSeqs(auction), oneTo(3));
    QCOMPARE(both->eventSeqs(other), oneTo(3));
    QCOMPARE(one->eventSeqs(auction), oneTo(3));
    QCOMPARE(one->eventSeqs(other), QList<qint64>());
    // Nine messages, one write to each of the two peers.
    QCOMPARE(counter(metrics, QStringLiteral("neighborbid_events_delivered_total")) - deliveredBefore,
             qint64(9));
    QCOMPARE(counter(metrics, QStringLiteral("neighborbid_push_writes_total")) - writesBefore, qint64(2));

    // A lone event waits for nothing: it is written in the next pass.
    f.server().bus().publishAuctionEvent(auction, event(auction, 4));
    QVERIFY(one->waitForCount(QStringLiteral("auction.bid"), 4));
    QCOMPARE(one->eventSeqs(auction), oneTo(4));
    QVERIFY(both->waitForCount(QStringLiteral("auction.bid"), 7));
    QCOMPARE(counter(metrics, QStringLiteral("neighborbid_push_writes_total")) - writesBefore, qint64(4));
}

void TstWsProtocol::slowReaderIsCutOffWhileOthersKeepReceiving()
{
    WsLimits limits;
    limits.options.maxSendQueueBytes = 256 * 1024;
    WsFixture f(limits);
    const auto seller = f.makePerson(QStringLiteral("seller"), 0);
    const qint64 auction = f.makeAuction(seller.id);
    auto reader = f.connectClient();
    QVERIFY(reader);
    QCOMPARE(typeOf(reader->subscribe(auction)), QStringLiteral("snapshot"));
    nb::test::StalledPeer stalled;
    QVERIFY(stalled.open(f.server().port()));
    stalled.sendText(QStringLiteral(R"({"type":"subscribe","auction_id":%1})").arg(auction).toUtf8());
    WsClient::spin(500); // its snapshot goes out; from now on it reads nothing
    QCOMPARE(f.server().hub().connectionCount(), 2);

    // Events far larger than usual, so that the kernel's buffers fill within a few megabytes.
    const QString padding(4000, QLatin1Char('x'));
    qint64 seq = 0;
    constexpr qint64 kMaxEvents = 6000;
    while (f.server().hub().connectionCount() == 2 && seq < kMaxEvents) {
        for (int i = 0; i < 25; ++i) {
            ++seq;
            f.server().bus().publishAuctionEvent(
                auction, QJsonObject{{QStringLiteral("type"), QStringLiteral("auction.bid")},
                                     {QStringLiteral("auction_id"), auction},
                                     {QStringLiteral("seq"), seq},
                                     {QStringLiteral("note"), padding}});
        }
        WsClient::spin(2);
    }
    QVERIFY2(QTest::qWaitFor([&] { return f.server().hub().connectionCount() == 1; }, 5000),
             qPrintable(QStringLiteral("still 2 connections after %1 events").arg(seq)));
    QVERIFY(reader->isConnected());
    QVERIFY(reader->waitForCount(QStringLiteral("auction.bid"), int(seq), 30'000));
    QCOMPARE(reader->eventSeqs(auction), oneTo(seq));
    QCOMPARE(typeOf(reader->request(message("ping"))), QStringLiteral("pong"));
}

void TstWsProtocol::textFramesFollowRfc6455AtEveryLength_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<QByteArray>("header");
    // FIN + text opcode, no mask bit; 7-bit lengths up to 125, then 126 + 16 bits, 127 + 64 bits.
    QTest::newRow("empty") << 0 << QByteArray::fromHex("8100");
    QTest::newRow("short") << 5 << QByteArray::fromHex("8105");
    QTest::newRow("longest 7-bit") << 125 << QByteArray::fromHex("817d");
    QTest::newRow("shortest 16-bit") << 126 << QByteArray::fromHex("817e007e");
    QTest::newRow("longest 16-bit") << 65535 << QByteArray::fromHex("817effff");
    QTest::newRow("shortest 64-bit") << 65536 << QByteArray::fromHex("817f0000000000010000");
    QTest::newRow("large 64-bit") << 1'000'000 << QByteArray::fromHex("817f00000000000f4240");
}

void TstWsProtocol::textFramesFollowRfc6455AtEveryLength()
{
    QFETCH(int, size);
    QFETCH(QByteArray, header);
    const QByteArray payload(size, 'a');
    QCOMPARE(nb::transport::WsTextFrame::header(size), header);
    const nb::transport::WsTextFrame frame(payload);
    QCOMPARE(frame.bytes(), header + payload);
    QCOMPARE(frame.payload().toByteArray(), payload);
    QCOMPARE(frame.text(), QString::fromLatin1(payload));

    const QString text = QStringLiteral("경매 é ✓");
    const nb::transport::WsTextFrame utf8(text.toUtf8());
    QCOMPARE(utf8.text(), text);
    QCOMPARE(utf8.bytes().size(), 2 + text.toUtf8().size());
}

void TstWsProtocol::framedEventsOfEveryLengthArriveIntact()
{
    // Plain connections get the hub's own frames: a real client must read each length class,
    // and non-ASCII text, exactly as published, in order.
    WsFixture f;
    const auto seller = f.makePerson(QStringLiteral("seller"), 0);
    const qint64 auction = f.makeAuction(seller.id);
    auto watcher = f.connectClient();
    QVERIFY(watcher);
    QCOMPARE(typeOf(watcher->subscribe(auction)), QStringLiteral("snapshot"));
    const QList<int> paddings{0, 60, 200, 70'000, 200'000};
    QList<QJsonObject> published;
    qint64 seq = 0;
    for (const int padding : paddings) {
        const QJsonObject event{{QStringLiteral("type"), QStringLiteral("auction.bid")},
                                {QStringLiteral("auction_id"), auction},
                                {QStringLiteral("seq"), ++seq},
                                {QStringLiteral("note"), QString(padding, QChar(0xAC00 + padding % 100))}};
        published.append(event);
        f.server().bus().publishAuctionEvent(auction, event);
    }
    QVERIFY(watcher->waitForCount(QStringLiteral("auction.bid"), int(published.size()), 10'000));
    QCOMPARE(auctionEvents(*watcher, auction), published);
    QCOMPARE(typeOf(watcher->request(message("ping"))), QStringLiteral("pong"));
}

void TstWsProtocol::oversizedFrameClosesTheConnection()
{
    WsFixture f;
    auto client = f.connectClient();
    QVERIFY(client);
    // Just under the limit is fine.
    QJsonObject large = message("ping", {{QStringLiteral("note"), QString(60'000, QLatin1Char('a'))}});
    QCOMPARE(typeOf(client->request(large)), QStringLiteral("pong"));

    client->send(message("ping", {{QStringLiteral("note"), QString(70'000, QLatin1Char('a'))}}));
    QVERIFY(client->waitDisconnected());
    QCOMPARE(client->socket().closeCode(), QWebSocketProtocol::CloseCodeTooMuchData);
    QVERIFY(QTest::qWaitFor([&] { return f.server().hub().connectionCount() == 0; }, 5000));
}

void TstWsProtocol::foreignOriginAndOtherPathsAreRefused()
{
    WsLimits limits;
    limits.options.allowedOrigins = {QStringLiteral("https://neighborbid.example")};
    WsFixture f(limits);

    WsClient foreign(QStringLiteral("https://evil.example"));
    QVERIFY(!foreign.open(f.server().url()));
    WsClient allowed(QStringLiteral("https://neighborbid.example"));
    QVERIFY(allowed.open(f.server().url()));
    QCOMPARE(typeOf(allowed.hello()), QStringLiteral("welcome"));
    WsClient noOrigin; // desktop clients send none
    QVERIFY(noOrigin.open(f.server().url()));
    QCOMPARE(typeOf(noOrigin.hello()), QStringLiteral("welcome"));

    WsClient lost;
    lost.open(f.server().url(QStringLiteral("/elsewhere")));
    QVERIFY(lost.waitDisconnected());
    QCOMPARE(lost.socket().closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
    QVERIFY(lost.ofType(QStringLiteral("welcome")).isEmpty());
    QVERIFY(QTest::qWaitFor([&] { return f.server().hub().connectionCount() == 2; }, 5000));
}

void TstWsProtocol::floodingIsRateLimitedThenClosed()
{
    WsLimits limits;
    limits.messagesPerSecond = 5;
    limits.burst = 5;
    limits.options.floodRejections = 10;
    WsFixture f(limits);
    auto client = f.connectClient();
    QVERIFY(client);
    for (int i = 0; i < 40; ++i)
        client->send(message("ping", {{QStringLiteral("request_id"), QStringLiteral("flood-%1").arg(i)}}));
    QVERIFY(client->waitDisconnected());
    QCOMPARE(client->socket().closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
    const QList<QJsonObject> refusals = client->ofType(QStringLiteral("error"));
    QVERIFY(!refusals.isEmpty());
    for (const QJsonObject& refusal : refusals) {
        QCOMPARE(errorCodeOf(refusal), QStringLiteral("rate_limited"));
        QVERIFY(
            integer(
                refusal.value(QStringLiteral("error")).toObject().value(QStringLiteral("details")).toObject(),
                "retry_after_ms") > 0);
    }
    QVERIFY(client->ofType(QStringLiteral("pong")).size() <= 5);
}

void TstWsProtocol::hundredConcurrentBiddersKeepTheLedgerIntactAndPingPrompt()
{
    constexpr int kBidders = 100;
    constexpr int kAttemptsEach = 6;
    WsFixture f;
    const auto seller = f.makePerson(QStringLiteral("seller"), 0);
    const auto people = f.makePeople(QStringLiteral("bidder"), kBidders, 1'000'000);
    const qint64 auction = f.makeAuction(seller.id);
    auto watcher = f.connectClient();
    auto pinger = f.connectClient();
    QVERIFY(watcher && pinger);
    QCOMPARE(typeOf(watcher->subscribe(auction)), QStringLiteral("snapshot"));

    // A bidding war: everyone bids at once; whoever is refused as too low bids again at the
    // minimum the refusal names, a few times over.
    struct Bidder {
        std::unique_ptr<WsClient> client;
        QString pending; // request_id awaiting its answer
        int attemptsLeft = kAttemptsEach;
    };
    std::vector<Bidder> bidders;
    for (const auto& p : people) {
        bidders.push_back(Bidder{f.connectClient(p.token), QString(), kAttemptsEach});
        QVERIFY(bidders.back().client);
    }
    QList<std::pair<WsClient*, QString>> sent;
    auto* random = QRandomGenerator::global();
    const auto placeBid = [&](Bidder& b, Won amount) {
        const QJsonObject bid = bidMessage(auction, amount);
        b.pending = bid.value(QStringLiteral("request_id")).toString();
        --b.attemptsLeft;
        b.client->send(bid);
        sent.append({b.client.get(), b.pending});
    };
    for (Bidder& b : bidders)
        placeBid(b, 10'000 + Won(random->bounded(0, 50)) * 1'000);

    const auto answerTo = [](WsClient& client, const QString& requestId) -> std::optional<QJsonObject> {
        for (const QJsonObject& m : client.messages()) {
            if (m.value(QStringLiteral("request_id")).toString() == requestId)
                return m;
        }
        return std::nullopt;
    };
    const auto react = [&] {
        bool busy = false;
        for (Bidder& b : bidders) {
            if (b.pending.isEmpty())
                continue;
            const std::optional<QJsonObject> answer = answerTo(*b.client, b.pending);
            if (!answer) {
                busy = true;
                continue;
            }
            b.pending.clear();
            if (errorCodeOf(*answer) == QLatin1String("bid_too_low") && b.attemptsLeft > 0) {
                const Won minimum = integer(answer->value(QStringLiteral("error"))
                                                .toObject()
                                                .value(QStringLiteral("details"))
                                                .toObject(),
                                            "min_amount");
                placeBid(b, minimum + Won(random->bounded(0, 20)) * 1'000);
                busy = true;
            }
        }
        return busy;
    };

    double worstPingMs = 0;
    int pings = 0;
    QElapsedTimer deadline;
    deadline.start();
    while (react() && deadline.elapsed() < 120'000) {
        const double ms = pinger->pingRoundTripMs();
        QVERIFY(ms >= 0);
        worstPingMs = std::max(worstPingMs, ms);
        ++pings;
        WsClient::spin(2);
    }
    QVERIFY2(!react(), "the bidding did not finish in time");
    WsClient::spin(300);
    int accepted = 0;
    for (const auto& [client, requestId] : sent) {
        QCOMPARE(client->answersTo(requestId), 1);
        const QJsonObject answer = *answerTo(*client, requestId);
        const QString what = typeOf(answer) == QLatin1String("error") ? errorCodeOf(answer) : typeOf(answer);
        QVERIFY2(what == QLatin1String("bid_result") || what == QLatin1String("bid_too_low"),
                 qPrintable(what));
        accepted += what == QLatin1String("bid_result");
    }
    qInfo("%d of %d bids accepted; %d pings while bidding, the slowest %.1f ms", accepted, int(sent.size()),
          pings, worstPingMs);
    QVERIFY(accepted >= 2 * kAttemptsEach);
    QVERIFY2(pings >= 3, "the bids finished before the pings could measure anything");
    QVERIFY2(worstPingMs < 50, qPrintable(QStringLiteral("a pong took %1 ms").arg(worstPingMs)));

    const QStringList violations =
        f.data().auditViolations() + f.data().sequenceViolations() + f.data().holdViolations();
    QVERIFY2(violations.isEmpty(), qPrintable(violations.join(QLatin1Char('\n'))));
    const qint64 finalSeq =
        f.db().scalar(QStringLiteral("SELECT seq FROM auctions WHERE id = %1").arg(auction));
    QCOMPARE(finalSeq, qint64(accepted));
    QVERIFY(QTest::qWaitFor([&] { return watcher->eventSeqs(auction).size() >= finalSeq; }, 15'000));
    WsClient::spin(200);
    QCOMPARE(watcher->eventSeqs(auction), oneTo(finalSeq));
}

QTEST_GUILESS_MAIN(TstWsProtocol)
#include "tst_ws_protocol.moc"
