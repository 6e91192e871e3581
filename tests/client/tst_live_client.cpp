#include "client/net/Backoff.h"
#include "client/net/LiveClient.h"
#include "client/net/SubscriptionBook.h"
#include "tests/client/FakeLiveServer.h"

#include <QSignalSpy>
#include <QTest>

using namespace nb;
using namespace nb::client;
using nb::test::FakeLiveServer;

namespace {

/// The seqs of the auction.bid events received, for one auction (0: all), in arrival order.
QList<qint64> seqsOf(const QSignalSpy& spy, qint64 auctionId = 0)
{
    QList<qint64> seqs;
    for (const QList<QVariant>& args : spy) {
        const AuctionBidEvent event = args.at(0).value<AuctionBidEvent>();
        if (auctionId == 0 || event.auctionId == auctionId)
            seqs.append(event.seq);
    }
    return seqs;
}

bool isSubscribe(const QJsonObject& message, qint64 auctionId, std::optional<qint64> sinceSeq)
{
    if (message.value("type").toString() != QLatin1String("subscribe") ||
        message.value("auction_id").toInteger() != auctionId)
        return false;
    if (!sinceSeq)
        return !message.contains("since_seq");
    return message.value("since_seq").toInteger() == *sinceSeq;
}

} // namespace

/// LiveClient against a scripted WebSocket peer (FakeLiveServer) that speaks PROTOCOL.md's
/// messages: the reconnect, since_seq and gap behaviour need a server that can be made to drop
/// connections and hide events on demand. The same client against the real server is covered
/// by tst_client_server.
class TestLiveClient : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void backoffGrowsWithJitterWithinBounds();
    void subscriptionBookJudgesSeqs();
    void helloWelcomesAndSnapshotSetsSeq();
    void eventsApplyInOrderAndDuplicatesAreDropped();
    void gapResubscribesWithLastSeq();
    void reconnectsWithBackoffAndReplaysMissedEvents();
    void subscriptionsMadeWhileOfflineAreSentOnConnect();
    void unsubscribedAuctionEventsAreIgnored();
    void bidResultAndErrorsMatchRequestIds();
    void pendingBidFailsWhenConnectionDrops();
    void silentServerIsDroppedByKeepAlive();
    void walletAndNotificationPushesAreTyped();
    void expiredTokenStaysConnectedAnonymously();

private:
    std::unique_ptr<FakeLiveServer> m_server;
    std::unique_ptr<LiveClient> m_client;

    void connectClient(const QString& token = QString());
};

void TestLiveClient::init()
{
    m_server = std::make_unique<FakeLiveServer>();
    QVERIFY(m_server->listen());
    m_server->addAuction(1, 5, 10'000);
    m_server->addAuction(2, 0, 20'000);
    m_client = std::make_unique<LiveClient>();
    m_client->setUrl(m_server->url());
    m_client->setBackoff(50, 400);
}

void TestLiveClient::cleanup()
{
    m_client.reset();
    m_server.reset();
}

void TestLiveClient::connectClient(const QString& token)
{
    m_client->setToken(token);
    m_client->start();
    QTRY_COMPARE(m_client->state(), LiveClient::State::Connected);
}

void TestLiveClient::backoffGrowsWithJitterWithinBounds()
{
    Backoff backoff(500, 15'000);
    QList<int> delays;
    for (int i = 0; i < 12; ++i)
        delays.append(backoff.nextDelayMs());
    for (const int delay : delays) {
        QVERIFY(delay >= 500);
        QVERIFY(delay <= 15'000);
    }
    QVERIFY(delays.at(0) <= 625);     // 500 ± 25 %
    QVERIFY(delays.at(3) >= 3000);    // 4000 ± 25 %
    QVERIFY(delays.at(11) >= 11'250); // capped at 15 s, minus jitter
    backoff.reset();
    QVERIFY(backoff.nextDelayMs() <= 625);

    // Jitter: many clients do not all pick the same delay.
    QSet<int> firstDelays;
    for (int i = 0; i < 20; ++i) {
        Backoff b(500, 15'000);
        b.nextDelayMs();
        firstDelays.insert(b.nextDelayMs());
    }
    QVERIFY(firstDelays.size() > 1);
}

void TestLiveClient::subscriptionBookJudgesSeqs()
{
    using V = SubscriptionBook::Verdict;
    SubscriptionBook book;
    QCOMPARE(book.judge(1, 1, 0), V::NotSubscribed);
    book.add(1);
    book.snapshot(1, 10);
    QCOMPARE(book.judge(1, 10, 0), V::Duplicate);
    QCOMPARE(book.judge(1, 11, 0), V::Apply);
    QCOMPARE(book.judge(1, 13, 0), V::Gap);
    book.resyncStarted(1, 0);
    QCOMPARE(book.judge(1, 14, 100), V::GapPending);
    QCOMPARE(book.judge(1, 12, 200), V::Apply); // the replay arrives
    QCOMPARE(book.judge(1, 15, SubscriptionBook::kResyncPatienceMs + 1), V::Gap);
    book.settled(1);
    QCOMPARE(book.lastSeq(1), std::optional<qint64>(12));
}

void TestLiveClient::helloWelcomesAndSnapshotSetsSeq()
{
    QSignalSpy welcomed(m_client.get(), &LiveClient::welcomed);
    QSignalSpy snapshots(m_client.get(), &LiveClient::snapshotReceived);
    QSignalSpy states(m_client.get(), &LiveClient::stateChanged);
    connectClient(QString::fromLatin1(FakeLiveServer::kGoodToken));
    QCOMPARE(welcomed.count(), 1);
    QCOMPARE(welcomed.first().at(0).value<std::optional<User>>()->id, 7);
    QCOMPARE(states.first().at(0).value<LiveClient::State>(), LiveClient::State::Connecting);
    const QJsonObject hello = m_server->receivedOfType("hello").value(0);
    QCOMPARE(hello.value("v").toInt(), 1);
    QCOMPARE(hello.value("token").toString(), QString::fromLatin1(FakeLiveServer::kGoodToken));

    m_client->subscribe(1);
    QTRY_COMPARE(snapshots.count(), 1);
    QCOMPARE(snapshots.first().at(0).value<AuctionDetail>().summary.id, 1);
    QCOMPARE(m_client->lastSeq(1), std::optional<qint64>(5));
    QVERIFY(isSubscribe(m_server->receivedOfType("subscribe").value(0), 1, std::nullopt));
}

void TestLiveClient::eventsApplyInOrderAndDuplicatesAreDropped()
{
    QSignalSpy bids(m_client.get(), &LiveClient::bidEvent);
    QSignalSpy snapshots(m_client.get(), &LiveClient::snapshotReceived);
    connectClient();
    m_client->subscribe(1);
    QTRY_COMPARE(snapshots.count(), 1);
    const QJsonObject six = m_server->publishBid(1, 11'000);
    const QJsonObject seven = m_server->publishBid(1, 12'000);
    m_server->sendToAll(seven); // duplicate
    m_server->sendToAll(six);   // old
    QTRY_COMPARE(m_client->duplicatesDropped(), 2);
    QCOMPARE(seqsOf(bids), (QList<qint64>{6, 7}));
    QCOMPARE(bids.last().at(0).value<AuctionBidEvent>().currentPrice, 12'000);
    QCOMPARE(m_client->lastSeq(1), std::optional<qint64>(7));
    QCOMPARE(m_client->gapsDetected(), 0);
}

void TestLiveClient::gapResubscribesWithLastSeq()
{
    QSignalSpy bids(m_client.get(), &LiveClient::bidEvent);
    QSignalSpy snapshots(m_client.get(), &LiveClient::snapshotReceived);
    connectClient();
    m_client->subscribe(1);
    QTRY_COMPARE(snapshots.count(), 1);
    m_server->publishBid(1, 11'000);     // 6
    m_server->logBidSilently(1, 12'000); // 7: lost on the way
    m_server->logBidSilently(1, 13'000); // 8: lost on the way
    m_server->publishBid(1, 14'000);     // 9: reveals the gap
    QVERIFY(m_server->waitFor([](const QJsonObject& m) { return isSubscribe(m, 1, 6); }));
    QTRY_COMPARE(bids.count(), 4);
    QCOMPARE(seqsOf(bids), (QList<qint64>{6, 7, 8, 9}));
    QCOMPARE(m_client->gapsDetected(), 1);
    QCOMPARE(m_client->lastSeq(1), std::optional<qint64>(9));
    m_server->publishBid(1, 15'000);
    QTRY_COMPARE(bids.count(), 5);
}

void TestLiveClient::reconnectsWithBackoffAndReplaysMissedEvents()
{
    QSignalSpy bids(m_client.get(), &LiveClient::bidEvent);
    QSignalSpy snapshots(m_client.get(), &LiveClient::snapshotReceived);
    QSignalSpy states(m_client.get(), &LiveClient::stateChanged);
    QSignalSpy scheduled(m_client.get(), &LiveClient::reconnectScheduled);
    connectClient(QString::fromLatin1(FakeLiveServer::kGoodToken));
    m_client->subscribe(1);
    m_client->subscribe(2);
    QTRY_COMPARE(snapshots.count(), 2);
    m_server->publishBid(1, 11'000); // 6
    QTRY_COMPARE(bids.count(), 1);

    // The server goes away for a while; events happen meanwhile.
    const quint16 port = m_server->port();
    m_server->close();
    QTRY_COMPARE(m_client->state(), LiveClient::State::Disconnected);
    m_server->logBidSilently(1, 12'000); // 7
    m_server->logBidSilently(1, 13'000); // 8
    m_server->logBidSilently(2, 21'000); // 1
    QTRY_VERIFY(scheduled.count() >= 3); // attempts keep failing, each scheduled anew
    QVERIFY(scheduled.at(2).at(0).toInt() >= scheduled.at(0).at(0).toInt());
    QVERIFY(m_server->listen(port));

    QTRY_COMPARE_WITH_TIMEOUT(m_client->state(), LiveClient::State::Connected, 5000);
    QVERIFY(m_server->waitFor([](const QJsonObject& m) { return isSubscribe(m, 1, 6); }));
    QVERIFY(m_server->waitFor([](const QJsonObject& m) { return isSubscribe(m, 2, 0); }));
    QTRY_COMPARE(bids.count(), 4);
    QCOMPARE(seqsOf(bids, 1), (QList<qint64>{6, 7, 8}));
    QCOMPARE(seqsOf(bids, 2), (QList<qint64>{1}));
    QCOMPARE(m_client->lastSeq(1), std::optional<qint64>(8));
    QCOMPARE(m_client->lastSeq(2), std::optional<qint64>(1));
    // The hello on the new connection carried the token again.
    QCOMPARE(m_server->receivedOfType("hello").last().value("token").toString(),
             QString::fromLatin1(FakeLiveServer::kGoodToken));
    QVERIFY(states.count() >= 4); // Connecting, Connected, Disconnected, …, Connected
}

void TestLiveClient::subscriptionsMadeWhileOfflineAreSentOnConnect()
{
    QSignalSpy snapshots(m_client.get(), &LiveClient::snapshotReceived);
    m_client->subscribe(1);
    m_client->subscribe(2);
    QVERIFY(m_server->receivedOfType("subscribe").isEmpty());
    connectClient();
    QTRY_COMPARE(snapshots.count(), 2);
    QVERIFY(m_client->isSubscribed(1));
}

void TestLiveClient::unsubscribedAuctionEventsAreIgnored()
{
    QSignalSpy bids(m_client.get(), &LiveClient::bidEvent);
    QSignalSpy snapshots(m_client.get(), &LiveClient::snapshotReceived);
    connectClient();
    m_client->subscribe(1);
    QTRY_COMPARE(snapshots.count(), 1);
    m_client->unsubscribe(1);
    QVERIFY(m_server->waitFor(
        [](const QJsonObject& m) { return m.value("type") == QLatin1String("unsubscribe"); }));
    m_server->sendToAll(m_server->logBidSilently(1, 11'000));
    m_server->sendToAll(QJsonObject{{"type", "ping-marker"}});
    QTest::qWait(100);
    QCOMPARE(bids.count(), 0);
    // Subscribing to an unknown auction is forgotten after the server's not_found.
    m_client->subscribe(99);
    QTRY_VERIFY(!m_client->isSubscribed(99));
}

void TestLiveClient::bidResultAndErrorsMatchRequestIds()
{
    QSignalSpy results(m_client.get(), &LiveClient::bidResult);
    QSignalSpy failures(m_client.get(), &LiveClient::requestFailed);
    QVERIFY(!m_client->sendBid("early", 1, 11'000, std::nullopt)); // not connected yet
    connectClient(QString::fromLatin1(FakeLiveServer::kGoodToken));
    QVERIFY(m_client->sendBid("bid-1", 1, 11'000, 20'000));
    QTRY_COMPARE(results.count(), 1);
    QCOMPARE(results.first().at(0).toString(), QStringLiteral("bid-1"));
    QCOMPARE(results.first().at(1).value<BidResult>().acceptedAmount, 11'000);
    const QJsonObject sent = m_server->receivedOfType("bid").value(0);
    QCOMPARE(sent.value("max_amount").toInteger(), 20'000);

    m_server->sendToAll(
        QJsonObject{{"type", "error"},
                    {"request_id", "bid-2"},
                    {"error", QJsonObject{{"code", "bid_too_low"},
                                          {"message", "Your bid is below the minimum of 13000 won."},
                                          {"details", QJsonObject{{"min_amount", 13000}}}}}});
    QTRY_COMPARE(failures.count(), 1);
    QCOMPARE(failures.first().at(0).toString(), QStringLiteral("bid-2"));
    const ApiError error = failures.first().at(1).value<ApiError>();
    QCOMPARE(error.code, ErrorCode::BidTooLow);
    QCOMPARE(error.details.value("min_amount").toInteger(), 13000);
}

void TestLiveClient::pendingBidFailsWhenConnectionDrops()
{
    QSignalSpy failures(m_client.get(), &LiveClient::requestFailed);
    connectClient(QString::fromLatin1(FakeLiveServer::kGoodToken));
    m_server->setAnswerBids(false);
    QVERIFY(m_client->sendBid("bid-lost", 1, 11'000, std::nullopt));
    QVERIFY(m_server->waitFor([](const QJsonObject& m) { return m.value("type") == QLatin1String("bid"); }));
    m_server->dropConnections();
    QTRY_COMPARE(failures.count(), 1);
    QCOMPARE(failures.first().at(0).toString(), QStringLiteral("bid-lost"));
    QCOMPARE(failures.first().at(1).value<ApiError>().code, ErrorCode::Unavailable);
    QTRY_COMPARE(m_client->state(), LiveClient::State::Connected); // back by itself
}

void TestLiveClient::silentServerIsDroppedByKeepAlive()
{
    m_client->setKeepAlive(100, 300);
    connectClient();
    QVERIFY(m_server->waitFor([](const QJsonObject& m) { return m.value("type") == QLatin1String("ping"); }));
    QCOMPARE(m_server->connectionsAccepted(), 1);
    QTest::qWait(600); // pongs keep it alive
    QCOMPARE(m_server->connectionsAccepted(), 1);
    QCOMPARE(m_client->state(), LiveClient::State::Connected);

    m_server->setAnswerPings(false);
    QTRY_VERIFY_WITH_TIMEOUT(m_server->connectionsAccepted() >= 2, 5000);
}

void TestLiveClient::walletAndNotificationPushesAreTyped()
{
    QSignalSpy wallets(m_client.get(), &LiveClient::walletPushed);
    QSignalSpy notifications(m_client.get(), &LiveClient::notificationPushed);
    connectClient(QString::fromLatin1(FakeLiveServer::kGoodToken));
    m_server->sendToAll(
        QJsonObject{{"type", "wallet"}, {"balance", 70'000}, {"locked", 30'000}, {"total", 100'000}});
    m_server->sendToAll(QJsonObject{{"type", "notification"},
                                    {"id", 5},
                                    {"kind", "outbid"},
                                    {"auction_id", 1},
                                    {"text", "You were outbid"},
                                    {"at", "2026-11-21T09:30:00.000Z"},
                                    {"read", false}});
    QTRY_COMPARE(notifications.count(), 1);
    QCOMPARE(wallets.count(), 1);
    QCOMPARE(wallets.first().at(0).value<Wallet>().locked, 30'000);
    QCOMPARE(notifications.first().at(0).value<Notification>().kind, QStringLiteral("outbid"));
}

void TestLiveClient::expiredTokenStaysConnectedAnonymously()
{
    QSignalSpy refused(m_client.get(), &LiveClient::helloRefused);
    connectClient(QString::fromLatin1(FakeLiveServer::kExpiredToken));
    QCOMPARE(refused.count(), 1);
    QCOMPARE(refused.first().at(0).value<ApiError>().code, ErrorCode::Unauthorized);
    // Signing in later says hello again on the same connection.
    QSignalSpy welcomed(m_client.get(), &LiveClient::welcomed);
    m_client->setToken(QString::fromLatin1(FakeLiveServer::kGoodToken));
    QTRY_COMPARE(welcomed.count(), 1);
    QCOMPARE(m_server->connectionsAccepted(), 1);
}

QTEST_GUILESS_MAIN(TestLiveClient)
#include "tst_live_client.moc"
