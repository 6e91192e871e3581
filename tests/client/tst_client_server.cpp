// ClientSession, ApiClient and LiveClient against the real server: the REST API (HttpApi) and the
// WebSocket hub in-process over the test PostgreSQL, with the outbox relay feeding the hub, as
// `neighborbid-server serve` wires them.
#include "client/cache/OfflineCache.h"
#include "client/models/CategoryModel.h"
#include "client/models/ListingModel.h"
#include "client/models/NationalAuctionModel.h"
#include "client/models/NotificationModel.h"
#include "client/models/RegionTreeModel.h"
#include "client/net/ApiClient.h"
#include "client/net/LiveClient.h"
#include "client/session/ClientSession.h"
#include "client/session/MoneyMoves.h"
#include "server/services/Services.h"
#include "tests/server/NetworkFixture.h"
#include "tests/server/RelayThread.h"
#include "tests/server/WsInstance.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace nb;
using namespace nb::client;
using nb::test::Account;

namespace {

const QString kPassword = QStringLiteral("correct horse battery");

/// Waits for a call's answer; the value on success.
template <typename T>
std::optional<T> await(ApiCall<T>* call, ApiError* error = nullptr)
{
    std::optional<T> value;
    bool done = false;
    QObject context;
    call->onSuccess(&context, [&](const T& v) { value = v; });
    call->onFailure(&context, [&](const ApiError& e) {
        if (error)
            *error = e;
    });
    QObject::connect(call, &ApiReply::finished, &context, [&] { done = true; });
    if (!QTest::qWaitFor([&] { return done; }, 15'000))
        qWarning("no answer within 15 s");
    return value;
}

} // namespace

class TestClientServer : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void loginShowsWalletAndLiveNationalTable();
    void bidMovesPriceAndWalletAndOutbidReleasesFunds();
    void retriedBidReusesItsRequestId();
    void recoversMissedEventsAfterReconnect();
    void offlineShowsCachedListingsAndRefusesBids();
    void sellerUploadsImageAndBuyerBuysNow();
    void expiredTokenSignsOut();

private:
    std::unique_ptr<ClientSession> makeSession();
    ClientSession* signIn(const Account& account);
    qint64 nationalAuction(const Account& seller, Won startPrice = 10'000);
    Won placeRivalBid(const Account& rival, qint64 auctionId, Won amount);

    std::unique_ptr<nb::test::NetworkFixture> m_http;
    std::unique_ptr<nb::test::WsInstance> m_ws;
    std::unique_ptr<nb::test::RelayThread> m_relay;
    std::unique_ptr<QTemporaryDir> m_cacheDir;
    std::vector<std::unique_ptr<ClientSession>> m_sessions;
};

void TestClientServer::init()
{
    m_http = std::make_unique<nb::test::NetworkFixture>();
    m_http->reset();
    m_ws = std::make_unique<nb::test::WsInstance>(m_http->db().connectionString());
    events::EventBus* bus = &m_ws->bus();
    m_relay = std::make_unique<nb::test::RelayThread>(
        m_http->pool(),
        [bus](const std::vector<storage::outbox::OutboxEvent>& batch) { bus->publish(batch); });
    m_cacheDir = std::make_unique<QTemporaryDir>();
}

void TestClientServer::cleanup()
{
    m_sessions.clear();
    m_relay.reset();
    m_ws.reset();
    m_http.reset();
    m_cacheDir.reset();
}

std::unique_ptr<ClientSession> TestClientServer::makeSession()
{
    ClientSession::Options options;
    options.cacheDirectory = m_cacheDir->path();
    options.useKeychain = false;
    options.listingRefreshMs = 0;
    options.walletRecountMs = 50;
    const ServerAddress address{m_http->url(QString()), m_ws->url()};
    return std::make_unique<ClientSession>(address, options);
}

ClientSession* TestClientServer::signIn(const Account& account)
{
    m_sessions.push_back(makeSession());
    ClientSession* session = m_sessions.back().get();
    QSignalSpy loggedIn(session, &ClientSession::loggedIn);
    session->start();
    session->login(account.username, kPassword);
    if (!loggedIn.wait(15'000))
        return nullptr;
    if (!QTest::qWaitFor([&] { return session->isOnline() && session->wallet().has_value(); }, 15'000))
        return nullptr;
    return session;
}

qint64 TestClientServer::nationalAuction(const Account& seller, Won startPrice)
{
    return m_http->makeAuction(seller, [startPrice](NewAuction& spec) {
        spec.isNational = true;
        spec.startPrice = startPrice;
        spec.title = QStringLiteral("Film camera");
    });
}

Won TestClientServer::placeRivalBid(const Account& rival, qint64 auctionId, Won amount)
{
    return m_http->services()
        .bidding.placeBid(rival.id, auctionId, amount, std::nullopt, nb::test::NetworkFixture::newRequestId())
        .currentPrice;
}

void TestClientServer::loginShowsWalletAndLiveNationalTable()
{
    const Account seller = m_http->makeUser("seller", 0);
    const Account buyer = m_http->makeUser("buyer", 100'000);
    const qint64 auctionId = nationalAuction(seller);

    ClientSession* session = signIn(buyer);
    QVERIFY(session);
    QCOMPARE(session->user()->id, buyer.id);
    QCOMPARE(session->wallet()->balance, 100'000);
    QCOMPARE(session->connectionState(), ConnectionState::Online);
    NationalAuctionModel* national = session->nationalAuctions();
    QTRY_VERIFY(national->rowOf(auctionId) >= 0);
    QTRY_VERIFY(session->live().lastSeq(auctionId).has_value()); // subscribed, snapshot in
    QCOMPARE(national->auction(auctionId)->title, QStringLiteral("Film camera"));
    QVERIFY(!national->isStale());
    QTRY_VERIFY(session->regions()->rowCount() > 0);
    QVERIFY(session->categories()->rowCount() > 0);
}

void TestClientServer::bidMovesPriceAndWalletAndOutbidReleasesFunds()
{
    const Account seller = m_http->makeUser("seller", 0);
    const Account buyer = m_http->makeUser("buyer", 100'000);
    const Account rival = m_http->makeUser("rival", 100'000);
    const qint64 auctionId = nationalAuction(seller);
    ClientSession* session = signIn(buyer);
    QVERIFY(session);
    NationalAuctionModel* national = session->nationalAuctions();
    QTRY_VERIFY(session->live().lastSeq(auctionId).has_value());

    const std::optional<BidResult> result = await(session->placeBid(auctionId, 11'000));
    QVERIFY(result);
    QVERIFY(result->leading);
    QTRY_COMPARE(session->wallet()->locked, 11'000);
    QCOMPARE(session->wallet()->balance, 89'000);
    QTRY_COMPARE(session->leadingBidCount(), 1);
    QTRY_COMPARE(national->auction(auctionId)->currentPrice, 11'000);
    const int row = national->rowOf(auctionId);
    QCOMPARE(national->index(row, NationalAuctionModel::HighBidderColumn).data().toString(),
             QStringLiteral("You"));

    QSignalSpy arrived(session, &ClientSession::notificationArrived);
    QCOMPARE(placeRivalBid(rival, auctionId, 13'000), 13'000);
    QTRY_COMPARE(national->auction(auctionId)->currentPrice, 13'000);
    QTRY_VERIFY(!arrived.isEmpty());
    QCOMPARE(arrived.first().at(0).value<Notification>().kind, QStringLiteral("outbid"));
    QCOMPARE(session->notifications()->unreadCount(), 1);
    QTRY_COMPARE(session->wallet()->locked, 0); // released by the outbid, pushed live
    QCOMPARE(session->wallet()->balance, 100'000);
    QTRY_COMPARE(session->leadingBidCount(), 0);
}

void TestClientServer::retriedBidReusesItsRequestId()
{
    const Account seller = m_http->makeUser("seller", 0);
    const Account buyer = m_http->makeUser("buyer", 100'000);
    const qint64 auctionId = nationalAuction(seller);
    ClientSession* session = signIn(buyer);
    QVERIFY(session);

    // The first attempt never reaches the server (a dead address): the action keeps its id.
    const QUrl realUrl = session->api().baseUrl();
    session->api().setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:1")));
    ApiError error;
    QVERIFY(!await(session->placeBid(auctionId, 15'000), &error));
    QCOMPARE(error.code, ErrorCode::Unavailable);
    const QString kept = session->moneyMoves().pendingBidId(auctionId, 15'000, std::nullopt);
    QVERIFY(!kept.isEmpty());

    // Pressing "Bid" again sends the same id; the server bids once.
    session->api().setBaseUrl(realUrl);
    const std::optional<BidResult> first = await(session->placeBid(auctionId, 15'000));
    QVERIFY(first);
    QVERIFY(session->moneyMoves().pendingBidId(auctionId, 15'000, std::nullopt).isEmpty());
    const std::optional<BidResult> replay =
        await(session->api().placeBid(auctionId, 15'000, std::nullopt, kept));
    QVERIFY(replay);
    QCOMPARE(replay->bidId, first->bidId);
    QCOMPARE(m_http->wallet(buyer.id).locked, 15'000);
    QCOMPARE(m_http->wallet(buyer.id).balance, 85'000);
}

void TestClientServer::recoversMissedEventsAfterReconnect()
{
    const Account seller = m_http->makeUser("seller", 0);
    const Account watcher = m_http->makeUser("watcher", 0);
    const Account rival = m_http->makeUser("rival", 1'000'000);
    const qint64 auctionId = nationalAuction(seller);
    ClientSession* session = signIn(watcher);
    QVERIFY(session);
    QTRY_VERIFY(session->live().lastSeq(auctionId).has_value());
    QSignalSpy bids(&session->live(), &LiveClient::bidEvent);
    QSignalSpy states(session, &ClientSession::connectionStateChanged);

    session->live().stop(); // the connection is lost
    QCOMPARE(session->connectionState(), ConnectionState::Offline);
    placeRivalBid(rival, auctionId, 10'000);
    placeRivalBid(rival, auctionId, 20'000);
    const Won last = placeRivalBid(rival, auctionId, 30'000);
    QTest::qWait(200);
    QCOMPARE(bids.count(), 0);

    session->live().start();
    QTRY_COMPARE(session->connectionState(), ConnectionState::Online);
    QTRY_COMPARE(bids.count(), 3);
    QList<qint64> seqs;
    for (const QList<QVariant>& args : bids)
        seqs.append(args.at(0).value<AuctionBidEvent>().seq);
    QCOMPARE(seqs.at(1), seqs.at(0) + 1);
    QCOMPARE(seqs.at(2), seqs.at(1) + 1);
    const qint64 serverSeq = m_http->services().auctions.detail(auctionId, std::nullopt).seq;
    QCOMPARE(session->live().lastSeq(auctionId), std::optional<qint64>(serverSeq));
    QTRY_COMPARE(session->nationalAuctions()->auction(auctionId)->currentPrice, last);
    QCOMPARE(session->nationalAuctions()->auction(auctionId)->bidCount, 3);
}

void TestClientServer::offlineShowsCachedListingsAndRefusesBids()
{
    const Account seller = m_http->makeUser("seller", 0, 11680);
    const Account buyer = m_http->makeUser("buyer", 100'000);
    const qint64 local =
        m_http->makeAuction(seller, [](NewAuction& spec) { spec.title = QStringLiteral("Desk"); });
    ClientSession* session = signIn(buyer);
    QVERIFY(session);

    ListingQuery query;
    query.scope = ListingQuery::Scope::Local;
    query.regionId = 11;
    ListingModel* listings = session->listings();
    QSignalSpy pages(listings, &ListingModel::pageChanged);
    session->refreshListings(query);
    QVERIFY(pages.wait(15'000));
    QCOMPARE(listings->rowCount(), 1);
    QCOMPARE(listings->auctionIdAt(0), local);
    QVERIFY(!listings->isStale());

    // The server becomes unreachable: the same query shows the cached page, marked stale.
    session->api().setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:1")));
    session->live().stop();
    session->refreshListings(query);
    QVERIFY(pages.wait(15'000));
    QVERIFY(listings->isStale());
    QVERIFY(listings->fetchedAt().isValid());
    QCOMPARE(listings->rowCount(), 1);
    QCOMPARE(listings->summaryAt(0)->title, QStringLiteral("Desk"));

    ApiError error;
    QVERIFY(!await(session->placeBid(local, 10'000), &error));
    QCOMPARE(error.code, ErrorCode::Unavailable);
    QVERIFY(error.message.contains(QStringLiteral("offline")));
    QCOMPARE(m_http->wallet(buyer.id).locked, 0);
}

void TestClientServer::sellerUploadsImageAndBuyerBuysNow()
{
    const Account seller = m_http->makeUser("seller", 0);
    const Account buyer = m_http->makeUser("buyer", 100'000);
    ClientSession* selling = signIn(seller);
    QVERIFY(selling);

    NewAuction spec = nb::test::NetworkFixture::auctionSpec();
    spec.isNational = true;
    spec.buyNowPrice = 50'000;
    const std::optional<AuctionDetail> created = await(selling->api().createAuction(spec));
    QVERIFY(created);
    const qint64 auctionId = created->summary.id;

    const QByteArray png = nb::test::NetworkFixture::pngBytes();
    auto* upload = selling->api().uploadImage(auctionId, png, QStringLiteral("image/png"));
    QSignalSpy progress(upload, &ApiReply::uploadProgress);
    const std::optional<ImageRef> image = await(upload);
    QVERIFY(image);
    QVERIFY(!progress.isEmpty());
    const std::optional<QByteArray> downloaded = await(selling->api().downloadImage(image->url));
    QVERIFY(downloaded);
    QCOMPARE(*downloaded, png);

    ClientSession* buying = signIn(buyer);
    QVERIFY(buying);
    const std::optional<AuctionDetail> bought = await(buying->buyNow(auctionId));
    QVERIFY(bought);
    QCOMPARE(bought->endReason, std::optional<EndReason>(EndReason::BuyNow));
    QTRY_COMPARE(buying->wallet()->balance, 50'000);
}

void TestClientServer::expiredTokenSignsOut()
{
    const Account buyer = m_http->makeUser("buyer", 0);
    ClientSession* session = signIn(buyer);
    QVERIFY(session);
    QSignalSpy expired(session, &ClientSession::sessionExpired);
    m_http->services().auth.logout(session->api().token()); // the session ends elsewhere
    session->refreshWallet();
    QTRY_COMPARE(expired.count(), 1);
    QVERIFY(!session->isLoggedIn());
    QVERIFY(session->api().token().isEmpty());
}

QTEST_MAIN(TestClientServer)
#include "tst_client_server.moc"
