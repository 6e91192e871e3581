// Two server instances sharing one database and one Redis: an event committed through either
// reaches every watcher on both, once and in seq order, and a Redis outage loses nothing.
#include "server/events/RedisBridge.h"
#include "tests/server/RedisProcess.h"
#include "tests/server/WsFixture.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using nb::Won;
using nb::events::RedisBridge;
using nb::test::WsClient;
using nb::test::WsFixture;
using nb::test::WsInstance;

namespace {

QString typeOf(const QJsonObject& m)
{
    return m.value(QStringLiteral("type")).toString();
}

QJsonObject bidMessage(qint64 auctionId, Won amount)
{
    return {{QStringLiteral("type"), QStringLiteral("bid")},
            {QStringLiteral("request_id"), WsClient::newRequestId()},
            {QStringLiteral("auction_id"), auctionId},
            {QStringLiteral("amount"), amount}};
}

QList<qint64> oneTo(qint64 n)
{
    QList<qint64> seqs;
    for (qint64 i = 1; i <= n; ++i)
        seqs.append(i);
    return seqs;
}

/// Instance one is the fixture's; instance two shares its database. Each has a RedisBridge
/// feeding its own bus; the one outbox relay publishes to Redis through instance one's bridge.
struct Cluster {
    WsFixture f{{}, WsFixture::Relay::Manual};
    nb::test::RedisProcess redis;
    std::unique_ptr<WsInstance> two;
    std::unique_ptr<RedisBridge> bridgeOne;
    std::unique_ptr<RedisBridge> bridgeTwo;
    std::unique_ptr<nb::test::RelayThread> relay;

    bool start()
    {
        if (!redis.start())
            return false;
        two = std::make_unique<WsInstance>(f.data().connectionString());
        bridgeOne = std::make_unique<RedisBridge>(redis.url(), f.server().bus());
        bridgeTwo = std::make_unique<RedisBridge>(redis.url() + QStringLiteral("/0"), two->bus());
        QObject::connect(bridgeOne.get(), &RedisBridge::resynchronised, &f.server().hub(),
                         [this] { f.server().hub().resynchronise(); });
        QObject::connect(bridgeTwo.get(), &RedisBridge::resynchronised, &two->hub(),
                         [this] { two->hub().resynchronise(); });
        bridgeOne->start();
        bridgeTwo->start();
        if (!QTest::qWaitFor([this] { return bothAre(QStringLiteral("ok")); }, 10'000))
            return false;
        RedisBridge* publisher = bridgeOne.get();
        relay = std::make_unique<nb::test::RelayThread>(
            f.data().pool(), [publisher](const std::vector<nb::storage::outbox::OutboxEvent>& batch) {
                publisher->publish(batch);
            });
        return true;
    }

    bool bothAre(const QString& status) const
    {
        return bridgeOne->status() == status && bridgeTwo->status() == status;
    }

    ~Cluster()
    {
        relay.reset(); // first: it publishes through bridgeOne
        bridgeTwo.reset();
        bridgeOne.reset();
        two.reset();
        redis.stop();
    }
};

} // namespace

class TstRedisCluster : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void eventsReachBothInstancesOnceAndInOrder();
    void redisOutageIsSurvivedWithoutLoss();
    void badRedisUrlIsRefused();
};

void TstRedisCluster::initTestCase()
{
    if (QStandardPaths::findExecutable(QStringLiteral("redis-server")).isEmpty())
        QSKIP("redis-server is not installed");
    nb::test::TestDatabase::instance();
}

void TstRedisCluster::eventsReachBothInstancesOnceAndInOrder()
{
    Cluster c;
    QVERIFY(c.start());
    const auto seller = c.f.makePerson(QStringLiteral("seller"), 0);
    const auto people = c.f.makePeople(QStringLiteral("p"), 2, 100'000);
    const qint64 auction = c.f.makeAuction(seller.id);

    auto watcherTwo = std::make_unique<WsClient>();
    QVERIFY(watcherTwo->open(c.two->url()));
    QCOMPARE(typeOf(watcherTwo->hello()), QStringLiteral("welcome"));
    QCOMPARE(typeOf(watcherTwo->subscribe(auction)), QStringLiteral("snapshot"));
    auto watcherOne = c.f.connectClient();
    QVERIFY(watcherOne);
    QCOMPARE(typeOf(watcherOne->subscribe(auction)), QStringLiteral("snapshot"));
    // p0 bids through instance one and is also signed in on instance two (another device).
    auto bidderOne = c.f.connectClient(people[0].token);
    auto bidderTwo = c.f.connectClient(people[1].token);
    auto p0ElsewhereClient = std::make_unique<WsClient>();
    QVERIFY(bidderOne && bidderTwo && p0ElsewhereClient->open(c.two->url()));
    QCOMPARE(typeOf(p0ElsewhereClient->hello(people[0].token)), QStringLiteral("welcome"));

    Won price = 10'000;
    for (int i = 0; i < 4; ++i) {
        WsClient* who = i % 2 == 0 ? bidderOne.get() : bidderTwo.get();
        QCOMPARE(typeOf(who->request(bidMessage(auction, price))), QStringLiteral("bid_result"));
        price += 1'000;
    }
    QVERIFY(watcherTwo->waitForCount(QStringLiteral("auction.bid"), 4));
    QVERIFY(watcherOne->waitForCount(QStringLiteral("auction.bid"), 4));
    WsClient::spin(300);
    QCOMPARE(watcherTwo->eventSeqs(auction), oneTo(4));
    QCOMPARE(watcherOne->eventSeqs(auction), oneTo(4));
    // p0's wallet changed four times (lock, unlock, lock, unlock): each push arrives once on
    // each of their connections.
    QCOMPARE(p0ElsewhereClient->ofType(QStringLiteral("wallet")).size(), 4);
    QCOMPARE(bidderOne->ofType(QStringLiteral("wallet")).size(), 4);
}

void TstRedisCluster::redisOutageIsSurvivedWithoutLoss()
{
    Cluster c;
    QVERIFY(c.start());
    const auto seller = c.f.makePerson(QStringLiteral("seller"), 0);
    const auto people = c.f.makePeople(QStringLiteral("p"), 2, 1'000'000);
    const qint64 auction = c.f.makeAuction(seller.id);
    auto watcherTwo = std::make_unique<WsClient>();
    QVERIFY(watcherTwo->open(c.two->url()));
    QCOMPARE(typeOf(watcherTwo->hello()), QStringLiteral("welcome"));
    QCOMPARE(typeOf(watcherTwo->subscribe(auction)), QStringLiteral("snapshot"));
    auto watcherOne = c.f.connectClient();
    QCOMPARE(typeOf(watcherOne->subscribe(auction)), QStringLiteral("snapshot"));
    std::vector<std::unique_ptr<WsClient>> bidders;
    for (const auto& p : people)
        bidders.push_back(c.f.connectClient(p.token));
    Won price = 10'000;
    int bids = 0;
    const auto bid = [&] {
        const QJsonObject answer = bidders[std::size_t(bids % 2)]->request(bidMessage(auction, price));
        price += 1'000;
        ++bids;
        return typeOf(answer);
    };

    QCOMPARE(bid(), QStringLiteral("bid_result"));
    QVERIFY(watcherTwo->waitForCount(QStringLiteral("auction.bid"), 1));
    QSignalSpy resyncOne(c.bridgeOne.get(), &RedisBridge::resynchronised);
    QSignalSpy resyncTwo(c.bridgeTwo.get(), &RedisBridge::resynchronised);

    c.redis.stop();
    QVERIFY(QTest::qWaitFor([&] { return c.bothAre(QStringLiteral("down")); }, 10'000));
    // Both instances keep serving their own clients meanwhile.
    QCOMPARE(bid(), QStringLiteral("bid_result"));
    QCOMPARE(bid(), QStringLiteral("bid_result"));
    QCOMPARE(typeOf(watcherTwo->request({{QStringLiteral("type"), QStringLiteral("ping")}})),
             QStringLiteral("pong"));
    auto lateComer = std::make_unique<WsClient>();
    QVERIFY(lateComer->open(c.two->url()));
    const QJsonObject snapshot = lateComer->subscribe(auction);
    QCOMPARE(snapshot.value(QStringLiteral("auction")).toObject().value(QStringLiteral("seq")).toInteger(),
             qint64(3));
    WsClient::spin(1500); // the relay tries, fails and keeps the events
    QVERIFY(c.f.data().count(QStringLiteral("outbox")) > 0);

    QVERIFY(c.redis.start());
    QVERIFY(QTest::qWaitFor([&] { return c.bothAre(QStringLiteral("ok")); }, 15'000));
    QVERIFY(QTest::qWaitFor([&] { return resyncOne.count() >= 1 && resyncTwo.count() >= 1; }, 5000));
    QVERIFY(watcherTwo->waitForCount(QStringLiteral("auction.bid"), 3, 15'000));
    QCOMPARE(bid(), QStringLiteral("bid_result"));
    QVERIFY(watcherTwo->waitForCount(QStringLiteral("auction.bid"), 4));
    QVERIFY(watcherOne->waitForCount(QStringLiteral("auction.bid"), 4));
    QVERIFY(lateComer->waitForCount(QStringLiteral("auction.bid"), 1));
    QVERIFY(QTest::qWaitFor([&] { return c.f.data().count(QStringLiteral("outbox")) == 0; }, 10'000));
    WsClient::spin(500);
    QCOMPARE(watcherTwo->eventSeqs(auction), oneTo(4));
    QCOMPARE(watcherOne->eventSeqs(auction), oneTo(4));
    QCOMPARE(lateComer->eventSeqs(auction), (QList<qint64>{4}));
}

void TstRedisCluster::badRedisUrlIsRefused()
{
    nb::events::EventBus bus;
    for (const QString& url : {QStringLiteral("http://127.0.0.1:6379"), QStringLiteral("redis://"),
                               QStringLiteral("redis://127.0.0.1:6379/x")}) {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, RedisBridge(url, bus));
    }
    RedisBridge fine(QStringLiteral("redis://127.0.0.1:1/2"), bus);
    QCOMPARE(fine.status(), QStringLiteral("down"));
}

QTEST_GUILESS_MAIN(TstRedisCluster)
#include "tst_redis_cluster.moc"
