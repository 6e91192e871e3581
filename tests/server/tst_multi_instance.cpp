// Two real `neighborbid-server serve` processes on one database, sharing events through a real
// redis-server: what happens on one instance reaches the people connected to the other, once and
// in order; both schedulers run and every auction still settles exactly once; and when one
// instance freezes or goes, the other keeps serving.
#include "tests/server/ApiClient.h"
#include "tests/server/RedisProcess.h"
#include "tests/server/ServerProcess.h"
#include "tests/server/WsClient.h"
#include "tests/support/TestDatabase.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QTest>

#include <csignal>

using nb::test::ApiAccount;
using nb::test::ApiAnswer;
using nb::test::ApiClient;
using nb::test::CommandRun;
using nb::test::RedisProcess;
using nb::test::ServerProcess;
using nb::test::TestDatabase;
using nb::test::WsClient;

namespace {

/// A redis-server and two instances using it. Members go in reverse order: the servers stop
/// (by pid) before Redis does, whatever the test did.
struct TwoInstances {
    RedisProcess redis;
    ServerProcess a;
    ServerProcess b;
};

QUrl httpUrl(const ServerProcess& server)
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.httpPort()));
}

QUrl wsUrl(const ServerProcess& server)
{
    return QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(server.wsPort()));
}

QString typeOf(const QJsonObject& message)
{
    return message.value(QStringLiteral("type")).toString();
}

qint64 integer(const QJsonObject& object, const char* key)
{
    return object.value(QLatin1String(key)).toInteger();
}

std::function<bool(const QJsonObject&)> bidEvent(qint64 auctionId, qint64 seq)
{
    return [=](const QJsonObject& m) {
        return typeOf(m) == QLatin1String("auction.bid") && integer(m, "auction_id") == auctionId &&
               integer(m, "seq") == seq;
    };
}

QList<QJsonObject> endedEvents(const WsClient& client, qint64 auctionId)
{
    QList<QJsonObject> out;
    for (const QJsonObject& m : client.ofType(QStringLiteral("auction.ended"))) {
        if (integer(m, "auction_id") == auctionId)
            out.append(m);
    }
    return out;
}

qint64 scalar(const QString& sql)
{
    return TestDatabase::instance().scalar<qint64>(sql);
}

QString dsn()
{
    return QString::fromStdString(TestDatabase::instance().connectionString());
}

} // namespace

class TstMultiInstance : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void bidsOnOneInstanceReachWatchersOnTheOtherOnceInOrder();
    void endedAuctionsSettleExactlyOnceWithTwoSchedulers();
    void survivorServesWhileTheOtherIsFrozen();
    void survivorServesAfterTheOtherStops_data();
    void survivorServesAfterTheOtherStops();
    void redisOutageDelaysAuctionEventsWithoutLosingThem();

private:
    /// Redis, then both instances on it; an empty string, or what went wrong.
    static QString start(TwoInstances& instances);
    /// Waits until both instances' health reports redis as wanted.
    static bool redisReported(TwoInstances& instances, const QString& wanted, int timeoutMs);
    /// A connection to server that said hello (with the token, if any).
    static bool greet(WsClient& client, const ServerProcess& server, const QString& token = {});
};

void TstMultiInstance::initTestCase()
{
    QVERIFY2(QFileInfo(ServerProcess::program()).isExecutable(), qPrintable(ServerProcess::program()));
    TestDatabase::instance(); // started and migrated before any server uses it
}

void TstMultiInstance::init()
{
    TestDatabase::instance().resetData();
}

QString TstMultiInstance::start(TwoInstances& instances)
{
    if (!instances.redis.start())
        return QStringLiteral("redis-server did not start");
    const QStringList arguments{QStringLiteral("--database"), dsn(), QStringLiteral("--redis"),
                                instances.redis.url()};
    if (!instances.a.start(arguments))
        return QStringLiteral("instance A did not start:\n") + instances.a.log();
    if (!instances.b.start(arguments))
        return QStringLiteral("instance B did not start:\n") + instances.b.log();
    // Both must be subscribed to Redis before the test publishes anything.
    if (!redisReported(instances, QStringLiteral("ok"), 10'000))
        return QStringLiteral("an instance never reported redis ok:\n") + instances.a.log() +
               instances.b.log();
    return {};
}

bool TstMultiInstance::redisReported(TwoInstances& instances, const QString& wanted, int timeoutMs)
{
    for (ServerProcess* server : {&instances.a, &instances.b}) {
        ApiClient api(httpUrl(*server));
        const bool reported = QTest::qWaitFor(
            [&] {
                return api.get(QStringLiteral("/api/v1/health"))
                           .json.value(QStringLiteral("redis"))
                           .toString() == wanted;
            },
            timeoutMs);
        if (!reported)
            return false;
    }
    return true;
}

bool TstMultiInstance::greet(WsClient& client, const ServerProcess& server, const QString& token)
{
    return client.open(wsUrl(server)) && typeOf(client.hello(token)) == QLatin1String("welcome");
}

void TstMultiInstance::bidsOnOneInstanceReachWatchersOnTheOtherOnceInOrder()
{
    TwoInstances instances;
    const QString failure = start(instances);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    ApiClient apiA(httpUrl(instances.a));
    ApiClient apiB(httpUrl(instances.b));
    const ApiAccount seller = apiA.registerUser(QStringLiteral("seller"));
    const ApiAccount alice = apiA.registerUser(QStringLiteral("alice"), 1'000'000);
    const ApiAccount bob = apiA.registerUser(QStringLiteral("bob"), 1'000'000);
    QVERIFY2(seller.id > 0 && alice.id > 0 && bob.id > 0, qPrintable(apiA.lastFailure()));
    const qint64 auctionId = apiA.createAuction(seller);
    QVERIFY2(auctionId > 0, qPrintable(apiA.lastFailure()));

    WsClient watcherB;
    WsClient watcherA;
    WsClient aliceOnB;
    QVERIFY(greet(watcherB, instances.b));
    QVERIFY(greet(watcherA, instances.a));
    QVERIFY(greet(aliceOnB, instances.b, alice.token));
    QCOMPARE(typeOf(watcherB.subscribe(auctionId)), QStringLiteral("snapshot"));
    QCOMPARE(typeOf(watcherA.subscribe(auctionId)), QStringLiteral("snapshot"));

    // Alice and Bob outbid each other over HTTP on A; every bid moves Alice's wallet.
    constexpr int kBids = 8;
    QList<qint64> expectedSeqs;
    QList<qint64> expectedAmounts;
    QList<qint64> expectedAliceLocked;
    for (int i = 0; i < kBids; ++i) {
        const bool aliceBids = i % 2 == 0;
        const qint64 amount = 10'000 + i * 1'000;
        const ApiAnswer placed = apiA.bid(aliceBids ? alice : bob, auctionId, amount);
        QVERIFY2(placed.status == 201, qPrintable(placed.describe()));
        QCOMPARE(integer(placed.json, "seq"), qint64(i + 1));
        expectedSeqs.append(i + 1);
        expectedAmounts.append(amount);
        expectedAliceLocked.append(aliceBids ? amount : 0);
    }

    QVERIFY2(watcherB.waitForCount(QStringLiteral("auction.bid"), kBids, 10'000),
             qPrintable(instances.b.log().right(2000)));
    QVERIFY(watcherA.waitForCount(QStringLiteral("auction.bid"), kBids, 10'000));
    QVERIFY(aliceOnB.waitForCount(QStringLiteral("wallet"), kBids, 10'000));
    WsClient::spin(1'000); // room for duplicates to show up

    QCOMPARE(watcherB.eventSeqs(auctionId), expectedSeqs);
    QCOMPARE(watcherA.eventSeqs(auctionId), expectedSeqs);
    QList<qint64> amountsOnB;
    for (const QJsonObject& event : watcherB.ofType(QStringLiteral("auction.bid")))
        amountsOnB.append(integer(event, "amount"));
    QCOMPARE(amountsOnB, expectedAmounts);

    // Alice's pushes on B: one per change of her wallet, in order, ending where HTTP says it is.
    QList<qint64> lockedOnB;
    for (const QJsonObject& push : aliceOnB.ofType(QStringLiteral("wallet")))
        lockedOnB.append(integer(push, "locked"));
    QCOMPARE(lockedOnB, expectedAliceLocked);
    const ApiAnswer wallet = apiB.get(QStringLiteral("/api/v1/me/wallet"), alice.token);
    QVERIFY2(wallet.status == 200, qPrintable(wallet.describe()));
    const QJsonObject lastPush = aliceOnB.ofType(QStringLiteral("wallet")).last();
    for (const char* field : {"balance", "locked", "total"})
        QCOMPARE(integer(lastPush, field), integer(wallet.json, field));
    // Alice subscribed to nothing: the auction's events are not hers to get.
    QVERIFY(aliceOnB.ofType(QStringLiteral("auction.bid")).isEmpty());

    QVERIFY2(instances.a.stop(), qPrintable(instances.a.log()));
    QVERIFY2(instances.b.stop(), qPrintable(instances.b.log()));
}

void TstMultiInstance::endedAuctionsSettleExactlyOnceWithTwoSchedulers()
{
    TwoInstances instances;
    const QString failure = start(instances);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    ApiClient api(httpUrl(instances.a));
    const ApiAccount seller = api.registerUser(QStringLiteral("seller"));
    const ApiAccount alice = api.registerUser(QStringLiteral("alice"), 1'000'000);
    QVERIFY2(seller.id > 0 && alice.id > 0, qPrintable(api.lastFailure()));

    WsClient watcherA;
    WsClient watcherB;
    QVERIFY(greet(watcherA, instances.a));
    QVERIFY(greet(watcherB, instances.b));
    constexpr int kAuctions = 6;
    QList<qint64> auctions;
    QStringList ids;
    for (int i = 0; i < kAuctions; ++i) {
        const qint64 id = api.createAuction(seller);
        QVERIFY2(id > 0, qPrintable(api.lastFailure()));
        const ApiAnswer placed = api.bid(alice, id, 10'000);
        QVERIFY2(placed.status == 201, qPrintable(placed.describe()));
        QCOMPARE(typeOf(watcherA.subscribe(id)), QStringLiteral("snapshot"));
        QCOMPARE(typeOf(watcherB.subscribe(id)), QStringLiteral("snapshot"));
        auctions.append(id);
        ids.append(QString::number(id));
    }
    const QString idList = ids.join(QLatin1Char(','));

    // All end in the same second: both schedulers see them due together.
    TestDatabase::instance().exec(
        QStringLiteral("UPDATE auctions SET ends_at = now() + interval '1 second' WHERE id IN (%1)")
            .arg(idList));
    QTRY_COMPARE_WITH_TIMEOUT(
        scalar(QStringLiteral("SELECT count(*) FROM auctions WHERE status = 'ended' AND id IN (%1)")
                   .arg(idList)),
        qint64(kAuctions), 10'000);
    WsClient::spin(1'500); // both schedulers keep ticking over the ended auctions

    for (const qint64 id : auctions) {
        const QString where = QStringLiteral("WHERE auction_id = %1").arg(id);
        QCOMPARE(
            scalar(
                QStringLiteral("SELECT count(*) FROM ledger_entries %1 AND kind = 'settle_pay'").arg(where)),
            qint64(1));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM ledger_entries %1 AND kind = 'settle_receive'")
                            .arg(where)),
                 qint64(1));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM auction_events %1 AND payload->>'type' = "
                                       "'auction.ended'")
                            .arg(where)),
                 qint64(1));
        QCOMPARE(scalar(QStringLiteral("SELECT winner_id FROM auctions WHERE id = %1").arg(id)), alice.id);
        for (WsClient* watcher : {&watcherA, &watcherB}) {
            QVERIFY(watcher->waitFor(
                [id](const QJsonObject& m) {
                    return typeOf(m) == QLatin1String("auction.ended") && integer(m, "auction_id") == id;
                },
                5'000));
            const QList<QJsonObject> ended = endedEvents(*watcher, id);
            QCOMPARE(ended.size(), 1);
            QCOMPARE(integer(ended.first(), "final_price"), qint64(10'000));
            // Subscribed after the bid (seq 1, in the snapshot): only the end follows.
            QCOMPARE(watcher->eventSeqs(id), QList<qint64>{2});
        }
    }
    QCOMPARE(scalar(QStringLiteral("SELECT balance FROM wallets WHERE user_id = %1").arg(seller.id)),
             qint64(kAuctions * 10'000));
    QCOMPARE(scalar(QStringLiteral("SELECT balance + locked FROM wallets WHERE user_id = %1").arg(alice.id)),
             qint64(1'000'000 - kAuctions * 10'000));

    const CommandRun verify = ServerProcess::run({QStringLiteral("console"), QStringLiteral("--database"),
                                                  dsn(), QStringLiteral("ledger"), QStringLiteral("verify")});
    QVERIFY2(verify.exitCode == 0, qPrintable(verify.out + verify.err));
    QVERIFY2(verify.out.trimmed() == QLatin1String("ok"), qPrintable(verify.out));

    QVERIFY2(instances.a.stop(), qPrintable(instances.a.log()));
    QVERIFY2(instances.b.stop(), qPrintable(instances.b.log()));
}

void TstMultiInstance::survivorServesWhileTheOtherIsFrozen()
{
    TwoInstances instances;
    const QString failure = start(instances);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    ApiClient apiA(httpUrl(instances.a));
    ApiClient apiB(httpUrl(instances.b));
    const ApiAccount seller = apiA.registerUser(QStringLiteral("seller"));
    const ApiAccount alice = apiA.registerUser(QStringLiteral("alice"), 1'000'000);
    QVERIFY2(seller.id > 0 && alice.id > 0, qPrintable(apiA.lastFailure()));
    const qint64 live = apiA.createAuction(seller);
    const qint64 ending = apiA.createAuction(seller);
    QVERIFY2(live > 0 && ending > 0, qPrintable(apiA.lastFailure()));
    const ApiAnswer held = apiA.bid(alice, ending, 10'000);
    QVERIFY2(held.status == 201, qPrintable(held.describe()));

    WsClient watcherA;
    WsClient watcherB;
    QVERIFY(greet(watcherA, instances.a));
    QVERIFY(greet(watcherB, instances.b));
    QCOMPARE(typeOf(watcherA.subscribe(live)), QStringLiteral("snapshot"));
    QCOMPARE(typeOf(watcherB.subscribe(live)), QStringLiteral("snapshot"));

    instances.a.suspend();
    // A frozen process still holds its sockets: the kernel queues connections and requests to it.
    QElapsedTimer timer;
    timer.start();
    const ApiAnswer health = apiB.get(QStringLiteral("/api/v1/health"));
    QVERIFY2(health.status == 200, qPrintable(health.describe()));
    QCOMPARE(health.json.value(QStringLiteral("redis")).toString(), QStringLiteral("ok"));
    const ApiAnswer placed = apiB.bid(alice, live, 10'000);
    QVERIFY2(placed.status == 201, qPrintable(placed.describe()));
    QVERIFY2(watcherB.waitFor(bidEvent(live, 1), 5'000), qPrintable(instances.b.log().right(2000)));
    QVERIFY2(timer.elapsed() < 5'000, qPrintable(QString::number(timer.elapsed())));

    // B's scheduler alone ends what falls due meanwhile.
    TestDatabase::instance().exec(
        QStringLiteral("UPDATE auctions SET ends_at = now() + interval '1 second' WHERE id = %1")
            .arg(ending));
    QTRY_COMPARE_WITH_TIMEOUT(
        scalar(
            QStringLiteral("SELECT count(*) FROM auctions WHERE status = 'ended' AND id = %1").arg(ending)),
        qint64(1), 10'000);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM ledger_entries WHERE auction_id = %1 AND kind = "
                                   "'settle_pay'")
                        .arg(ending)),
             qint64(1));
    QVERIFY(instances.a.isRunning());
    QVERIFY(watcherA.ofType(QStringLiteral("auction.bid")).isEmpty()); // frozen: delivers nothing

    // Thawed, A delivers what it missed and serves again.
    instances.a.resume();
    QVERIFY(watcherA.waitFor(bidEvent(live, 1), 10'000));
    QCOMPARE(watcherA.eventSeqs(live), QList<qint64>{1});
    const ApiAnswer healthA = apiA.get(QStringLiteral("/api/v1/health"));
    QVERIFY2(healthA.status == 200, qPrintable(healthA.describe()));
    QCOMPARE(watcherB.eventSeqs(live), QList<qint64>{1});
    // A's scheduler, thawed, finds nothing left to settle.
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM ledger_entries WHERE auction_id = %1 AND kind = "
                                   "'settle_pay'")
                        .arg(ending)),
             qint64(1));
    const CommandRun verify = ServerProcess::run({QStringLiteral("console"), QStringLiteral("--database"),
                                                  dsn(), QStringLiteral("ledger"), QStringLiteral("verify")});
    QVERIFY2(verify.exitCode == 0, qPrintable(verify.out + verify.err));

    QVERIFY2(instances.a.stop(), qPrintable(instances.a.log()));
    QVERIFY2(instances.b.stop(), qPrintable(instances.b.log()));
}

void TstMultiInstance::survivorServesAfterTheOtherStops_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGKILL") << int(SIGKILL);
}

void TstMultiInstance::survivorServesAfterTheOtherStops()
{
    QFETCH(int, signalNumber);
    TwoInstances instances;
    const QString failure = start(instances);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    ApiClient apiA(httpUrl(instances.a));
    ApiClient apiB(httpUrl(instances.b));
    const ApiAccount seller = apiA.registerUser(QStringLiteral("seller"));
    const ApiAccount alice = apiA.registerUser(QStringLiteral("alice"), 1'000'000);
    const ApiAccount bob = apiA.registerUser(QStringLiteral("bob"), 1'000'000);
    QVERIFY2(seller.id > 0 && alice.id > 0 && bob.id > 0, qPrintable(apiA.lastFailure()));
    const qint64 auctionId = apiA.createAuction(seller);
    QVERIFY2(auctionId > 0, qPrintable(apiA.lastFailure()));

    WsClient watcherA;
    WsClient watcherB;
    QVERIFY(greet(watcherA, instances.a));
    QVERIFY(greet(watcherB, instances.b));
    QCOMPARE(typeOf(watcherA.subscribe(auctionId)), QStringLiteral("snapshot"));
    QCOMPARE(typeOf(watcherB.subscribe(auctionId)), QStringLiteral("snapshot"));
    const ApiAnswer first = apiA.bid(alice, auctionId, 10'000);
    QVERIFY2(first.status == 201, qPrintable(first.describe()));
    QVERIFY(watcherB.waitFor(bidEvent(auctionId, 1), 5'000));

    if (signalNumber == SIGTERM) {
        QVERIFY2(instances.a.stop(), qPrintable(instances.a.log()));
    } else {
        instances.a.kill();
        QVERIFY(!instances.a.isRunning());
    }
    QVERIFY(watcherA.waitDisconnected(5'000));

    const ApiAnswer health = apiB.get(QStringLiteral("/api/v1/health"));
    QVERIFY2(health.status == 200, qPrintable(health.describe()));
    const ApiAnswer second = apiB.bid(bob, auctionId, 11'000);
    QVERIFY2(second.status == 201, qPrintable(second.describe()));
    QVERIFY2(watcherB.waitFor(bidEvent(auctionId, 2), 5'000), qPrintable(instances.b.log().right(2000)));
    QCOMPARE(watcherB.eventSeqs(auctionId), (QList<qint64>{1, 2}));
    QVERIFY(watcherB.isConnected());

    const CommandRun verify = ServerProcess::run({QStringLiteral("console"), QStringLiteral("--database"),
                                                  dsn(), QStringLiteral("ledger"), QStringLiteral("verify")});
    QVERIFY2(verify.exitCode == 0, qPrintable(verify.out + verify.err));
    QVERIFY2(instances.b.stop(), qPrintable(instances.b.log()));
}

void TstMultiInstance::redisOutageDelaysAuctionEventsWithoutLosingThem()
{
    TwoInstances instances;
    const QString failure = start(instances);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    ApiClient apiA(httpUrl(instances.a));
    ApiClient apiB(httpUrl(instances.b));
    const ApiAccount seller = apiA.registerUser(QStringLiteral("seller"));
    const ApiAccount alice = apiA.registerUser(QStringLiteral("alice"), 1'000'000);
    const ApiAccount bob = apiA.registerUser(QStringLiteral("bob"), 1'000'000);
    QVERIFY2(seller.id > 0 && alice.id > 0 && bob.id > 0, qPrintable(apiA.lastFailure()));
    const qint64 auctionId = apiA.createAuction(seller);
    QVERIFY2(auctionId > 0, qPrintable(apiA.lastFailure()));

    WsClient watcherA;
    WsClient watcherB;
    WsClient aliceOnB;
    QVERIFY(greet(watcherA, instances.a));
    QVERIFY(greet(watcherB, instances.b));
    QVERIFY(greet(aliceOnB, instances.b, alice.token));
    QCOMPARE(typeOf(watcherA.subscribe(auctionId)), QStringLiteral("snapshot"));
    QCOMPARE(typeOf(watcherB.subscribe(auctionId)), QStringLiteral("snapshot"));
    const ApiAnswer first = apiA.bid(alice, auctionId, 10'000);
    QVERIFY2(first.status == 201, qPrintable(first.describe()));
    QVERIFY(watcherB.waitFor(bidEvent(auctionId, 1), 5'000));

    instances.redis.stop();
    QVERIFY2(redisReported(instances, QStringLiteral("down"), 10'000),
             qPrintable(instances.a.log().right(2000)));
    // Bidding needs only the database: it goes on, on both instances.
    const ApiAnswer second = apiA.bid(bob, auctionId, 11'000);
    QVERIFY2(second.status == 201, qPrintable(second.describe()));
    const ApiAnswer third = apiB.bid(alice, auctionId, 12'000);
    QVERIFY2(third.status == 201, qPrintable(third.describe()));
    WsClient::spin(1'000);
    QVERIFY(watcherA.isConnected() && watcherB.isConnected() && aliceOnB.isConnected());

    QVERIFY(instances.redis.start());
    QVERIFY2(redisReported(instances, QStringLiteral("ok"), 15'000),
             qPrintable(instances.b.log().right(2000)));
    QVERIFY2(watcherA.waitFor(bidEvent(auctionId, 3), 10'000), qPrintable(instances.a.log().right(2000)));
    QVERIFY2(watcherB.waitFor(bidEvent(auctionId, 3), 10'000), qPrintable(instances.b.log().right(2000)));
    WsClient::spin(1'500); // the relay's retained batch and the replay both arrive: once each
    QCOMPARE(watcherA.eventSeqs(auctionId), (QList<qint64>{1, 2, 3}));
    QCOMPARE(watcherB.eventSeqs(auctionId), (QList<qint64>{1, 2, 3}));

    // Wallet pushes are state, not history: after the outage Alice's connection on B ends up
    // with her wallet as it is (the hub re-sends it when Redis is back).
    QVERIFY(aliceOnB.waitFor([](const QJsonObject& m) {
        return typeOf(m) == QLatin1String("wallet") && integer(m, "locked") == 12'000;
    }));
    const ApiAnswer wallet = apiB.get(QStringLiteral("/api/v1/me/wallet"), alice.token);
    QVERIFY2(wallet.status == 200, qPrintable(wallet.describe()));
    const QJsonObject lastPush = aliceOnB.ofType(QStringLiteral("wallet")).last();
    for (const char* field : {"balance", "locked", "total"})
        QCOMPARE(integer(lastPush, field), integer(wallet.json, field));

    QVERIFY2(instances.a.stop(), qPrintable(instances.a.log()));
    QVERIFY2(instances.b.stop(), qPrintable(instances.b.log()));
}

QTEST_GUILESS_MAIN(TstMultiInstance)
#include "tst_multi_instance.moc"
