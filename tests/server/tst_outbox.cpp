// The transactional outbox: events exist exactly for what committed, the relay hands them on in
// order and empties the table, and a running server is woken by its own commits (in-process) or by
// other processes' NOTIFY rather than its poll.
#include "server/app/ServerRuntime.h"
#include "server/events/EventBus.h"
#include "server/events/OutboxRelay.h"
#include "server/services/BiddingService.h"
#include "server/storage/OutboxStore.h"
#include "server/storage/PreparedStatements.h"
#include "tests/server/ConcurrencyFixture.h"
#include "tests/support/TestDatabase.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <map>
#include <pqxx/notification>
#include <stdexcept>
#include <thread>

using nb::Won;
using nb::storage::outbox::OutboxEvent;
using nb::test::ConcurrencyFixture;
using nb::test::TestDatabase;

namespace services = nb::services;
namespace storage = nb::storage;

namespace {

/// Counts the outbox channel's notifications on a connection of its own.
class ChannelListener : public pqxx::notification_receiver {
public:
    explicit ChannelListener(pqxx::connection& conn)
        : pqxx::notification_receiver(conn, storage::outbox::kNotifyChannel)
    {}
    void operator()(const std::string&, int) override { ++received; }
    int received = 0;
};

/// Everything a bid can change, as text: compared before and after a call that must change nothing.
QString databaseState()
{
    const pqxx::result r = TestDatabase::instance().query(QStringLiteral(
        "SELECT (SELECT count(*) FROM outbox), (SELECT count(*) FROM auction_events), "
        "(SELECT count(*) FROM bids), (SELECT count(*) FROM ledger_entries), "
        "(SELECT count(*) FROM notifications), (SELECT count(*) FROM idempotency_keys), "
        "(SELECT string_agg(user_id || ':' || balance || '/' || locked, ' ' ORDER BY user_id) FROM wallets), "
        "(SELECT string_agg(auction_id || ':' || user_id || '=' || amount, ' ' ORDER BY auction_id) FROM "
        "holds), "
        "(SELECT string_agg(id || ':' || current_price || '/' || bid_count || '/' || seq || '/' || "
        "        COALESCE(high_bidder_id, 0) || '/' || ends_at, ' ' ORDER BY id) FROM auctions)"));
    QStringList parts{
        QStringLiteral("outbox"),  QStringLiteral("auction_events"), QStringLiteral("bids"),
        QStringLiteral("ledger"),  QStringLiteral("notifications"),  QStringLiteral("idempotency"),
        QStringLiteral("wallets"), QStringLiteral("holds"),          QStringLiteral("auctions")};
    for (int i = 0; i < parts.size(); ++i)
        parts[i] += QLatin1Char('=') + QString::fromStdString(r[0][i].is_null() ? "" : r[0][i].c_str());
    return parts.join(QLatin1Char('\n'));
}

/// A user event as "wallet" or "notification:<kind>".
QString userEventName(const QJsonObject& payload)
{
    const QString type = payload.value(QStringLiteral("type")).toString();
    if (type == QLatin1String("notification"))
        return type + QLatin1Char(':') + payload.value(QStringLiteral("kind")).toString();
    return type;
}

/// Two bidders with 100,000 each, and a seller's auction starting at 10,000.
struct TwoBidders {
    std::vector<qint64> bidders;
    qint64 auction = 0;
};
TwoBidders twoBiddersOnAnAuction(ConcurrencyFixture& f)
{
    const qint64 seller = f.registerUser(QStringLiteral("seller"));
    TwoBidders made{f.cloneUsers(seller, QStringLiteral("bidder"), 2), 0};
    for (const qint64 bidder : made.bidders)
        f.deposit(bidder, 100'000);
    made.auction = f.createAuction(seller, 10'000);
    return made;
}

/// Places one bid from a thread and a connection of its own (as another server instance would).
void bidFromAnotherThread(const std::string& dsn, qint64 bidderId, qint64 auctionId, Won amount)
{
    std::exception_ptr failure;
    std::thread worker([&] {
        try {
            storage::ConnectionPool pool(dsn, 1);
            services::BiddingService(pool).placeBid(bidderId, auctionId, amount, std::nullopt,
                                                    ConcurrencyFixture::newRequestId());
        } catch (...) {
            failure = std::current_exception();
        }
    });
    worker.join();
    if (failure)
        std::rethrow_exception(failure);
}

} // namespace

class TstOutbox : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void failedTransactionLeavesNoOutboxRowAndMovesNoMoney();
    void relayHandsOnEventsInCommitOrderWithSeqGrowingByOne();
    void relayWakesOnNotify();
    void ownCommitsWakeTheRelayWithoutNotify();
    void relayPollsWhenNoNotifyComes();
    void refusedBidEmitsNothing();
    void onlyTheRelaysTransactionSkipsWaitingForTheDisk();
    void committedBidHandsOverTheAuctionEventsItQueued();
    void acceptedBidsRowsAreWhatItsAnswerAndPushesSay();
};

void TstOutbox::initTestCase()
{
    TestDatabase::instance();
}

// The bid would outbid a leader (lock, unlock, hold, bid, events, notifications); failing just
// before COMMIT must leave every one of them undone, and send no NOTIFY.
void TstOutbox::failedTransactionLeavesNoOutboxRowAndMovesNoMoney()
{
    ConcurrencyFixture f;
    const auto [bidders, auction] = twoBiddersOnAnAuction(f);
    services::BiddingService bidding(f.pool());
    bidding.placeBid(bidders[0], auction, 10'000, std::nullopt, ConcurrencyFixture::newRequestId());

    pqxx::connection listenConn(f.connectionString());
    ChannelListener listener(listenConn);
    const QString before = databaseState();
    const QString requestId = ConcurrencyFixture::newRequestId();
    f.pool().setBeforeCommitHook([] { throw std::runtime_error("forced failure before commit"); });
    try {
        bidding.placeBid(bidders[1], auction, 11'000, std::nullopt, requestId);
        QFAIL("the bid succeeded although its transaction could not commit");
    } catch (const services::ServiceError& e) {
        QCOMPARE(nb::errorCodeName(e.code()), nb::errorCodeName(nb::ErrorCode::Internal));
    }
    QCOMPARE(databaseState(), before);
    listenConn.await_notification(0, 200'000);
    QCOMPARE(listener.received, 0);

    f.pool().setBeforeCommitHook({});
    const nb::BidResult result = bidding.placeBid(bidders[1], auction, 11'000, std::nullopt, requestId);
    QVERIFY(result.leading);
    QCOMPARE(result.currentPrice, Won(11'000));
    QCOMPARE(result.seq, qint64(2));
    QVERIFY(databaseState() != before);
    QCOMPARE(f.wallet(bidders[0]).locked, Won(0));
    QCOMPARE(f.wallet(bidders[1]).locked, Won(11'000));
    QVERIFY(listenConn.await_notification(2, 0) > 0);
    QCOMPARE(listener.received, 1); // one per transaction, however many rows it queued
    const QStringList violations = f.auditViolations() + f.sequenceViolations() + f.holdViolations();
    QVERIFY2(violations.isEmpty(), qPrintable(violations.join(QLatin1Char('\n'))));
}

void TstOutbox::relayHandsOnEventsInCommitOrderWithSeqGrowingByOne()
{
    ConcurrencyFixture f;
    const qint64 seller = f.registerUser(QStringLiteral("seller"));
    const std::vector<qint64> pq = f.cloneUsers(seller, QStringLiteral("bidder"), 2);
    const qint64 p = pq[0];
    const qint64 q = pq[1];
    f.deposit(p, 1'000'000);
    f.deposit(q, 1'000'000);
    const qint64 a1 = f.createAuction(seller, 10'000, QStringLiteral("First"));
    const qint64 a2 = f.createAuction(seller, 10'000, QStringLiteral("Second"));
    std::vector<OutboxEvent> setup;
    nb::events::OutboxRelay(f.pool(), [&](const std::vector<OutboxEvent>& batch) {
        setup.insert(setup.end(), batch.begin(), batch.end());
    }).drain();
    QCOMPARE(int(setup.size()), 2); // the two deposits' wallet pushes

    struct Step {
        qint64 bidder;
        qint64 auction;
        Won amount;
    };
    const Step steps[] = {{p, a1, 10'000}, {q, a1, 11'000}, {p, a2, 10'000},
                          {p, a1, 12'000}, {q, a2, 11'000}, {q, a2, 12'000}};
    services::BiddingService bidding(f.pool());
    for (const Step& s : steps)
        bidding.placeBid(s.bidder, s.auction, s.amount, std::nullopt, ConcurrencyFixture::newRequestId());

    std::vector<OutboxEvent> events;
    nb::events::OutboxRelay relay(f.pool(), [&](const std::vector<OutboxEvent>& batch) {
        events.insert(events.end(), batch.begin(), batch.end());
    });
    const int handed = relay.drain();
    QCOMPARE(handed, int(events.size()));
    QCOMPARE(handed, 6 + 9 + 3 + 6); // auction.bid, wallet pushes, outbid and new_bid notices
    QCOMPARE(f.count(QStringLiteral("outbox")), qint64(0));
    QCOMPARE(relay.drain(), 0);

    std::map<qint64, std::vector<QJsonObject>> byAuction;
    std::map<qint64, QStringList> byUser;
    for (std::size_t i = 0; i < events.size(); ++i) {
        const OutboxEvent& e = events[i];
        QVERIFY(i == 0 || events[i - 1].id < e.id);
        QVERIFY(e.auctionId.has_value() != e.userId.has_value());
        if (e.auctionId) {
            QCOMPARE(e.payload.value(QStringLiteral("auction_id")).toInteger(), *e.auctionId);
            byAuction[*e.auctionId].push_back(e.payload);
        } else {
            byUser[*e.userId] << userEventName(e.payload);
        }
    }

    // Per auction: one auction.bid per bid, seq 1, 2, 3 with the bids' amounts and leaders.
    const std::map<qint64, std::vector<std::pair<Won, qint64>>> expectedBids{
        {a1, {{10'000, p}, {11'000, q}, {12'000, p}}}, {a2, {{10'000, p}, {11'000, q}, {12'000, q}}}};
    QCOMPARE(byAuction.size(), expectedBids.size());
    for (const auto& [auctionId, bids] : expectedBids) {
        const auto& got = byAuction[auctionId];
        QCOMPARE(got.size(), bids.size());
        for (std::size_t i = 0; i < bids.size(); ++i) {
            QCOMPARE(got[i].value(QStringLiteral("type")).toString(), QStringLiteral("auction.bid"));
            QCOMPARE(got[i].value(QStringLiteral("seq")).toInteger(), qint64(i + 1));
            QCOMPARE(got[i].value(QStringLiteral("amount")).toInteger(), bids[i].first);
            QCOMPARE(got[i]
                         .value(QStringLiteral("high_bidder"))
                         .toObject()
                         .value(QStringLiteral("id"))
                         .toInteger(),
                     bids[i].second);
        }
    }

    // Per user: the bidder's wallet after each of their bids, the outbid leader's wallet and
    // notice, and a new_bid notice to the seller for every bid.
    const QString wallet = QStringLiteral("wallet");
    const QString outbid = QStringLiteral("notification:outbid");
    const QString newBid = QStringLiteral("notification:new_bid");
    QCOMPARE(byUser[p], (QStringList{wallet, wallet, outbid, wallet, wallet, wallet, outbid}));
    QCOMPARE(byUser[q], (QStringList{wallet, wallet, outbid, wallet, wallet}));
    QCOMPARE(byUser[seller], (QStringList{newBid, newBid, newBid, newBid, newBid, newBid}));
    QCOMPARE(byUser.size(), std::size_t(3));

    // The last wallet push of each bidder is the wallet as it is now.
    for (const qint64 user : {p, q}) {
        QJsonObject last;
        for (const auto& e : events) {
            if (e.userId == user && e.payload.value(QStringLiteral("type")).toString() == wallet)
                last = e.payload;
        }
        const nb::Wallet w = f.wallet(user);
        QCOMPARE(last.value(QStringLiteral("balance")).toInteger(), w.balance);
        QCOMPARE(last.value(QStringLiteral("locked")).toInteger(), w.locked);
    }
    QCOMPARE(f.wallet(p).locked, Won(12'000));
    QCOMPARE(f.wallet(q).locked, Won(12'000));
    const QStringList violations = f.sequenceViolations();
    QVERIFY2(violations.isEmpty(), qPrintable(violations.join(QLatin1Char('\n'))));
}

// A running server: a committed bid reaches the bus well before the relay's 1 s poll could
// have found it, so NOTIFY woke it; and the scheduler ends an auction on time by itself.
void TstOutbox::relayWakesOnNotify()
{
    ConcurrencyFixture f;
    const qint64 seller = f.registerUser(QStringLiteral("seller"));
    const qint64 bidder = f.cloneUsers(seller, QStringLiteral("bidder"), 1).front();
    f.deposit(bidder, 1'000'000);
    const qint64 auction = f.createAuction(seller, 10'000);

    // Declared in this order so that the runtime stops first, then the receiver takes its
    // undelivered events along, before what the slot writes to goes away.
    QElapsedTimer clock;
    std::vector<std::pair<qint64, QJsonObject>> received; // (ms on clock, event)
    QObject receiver;
    nb::app::ServerRuntime runtime(f.connectionString(), 4);
    connect(&runtime.bus(), &nb::events::EventBus::auctionEvent, &receiver,
            [&](qint64 auctionId, const QJsonObject& e) {
                if (auctionId == auction)
                    received.emplace_back(clock.elapsed(), e);
            });
    runtime.start();

    // The first bid only shows that the relay is up; the next ones are timed.
    clock.start();
    bidFromAnotherThread(f.connectionString(), bidder, auction, 10'000);
    QTRY_VERIFY_WITH_TIMEOUT(received.size() == 1, 5000);
    for (int i = 1; i <= 3; ++i) {
        clock.restart();
        bidFromAnotherThread(f.connectionString(), bidder, auction, 10'000 + 1'000 * i);
        QTRY_VERIFY_WITH_TIMEOUT(received.size() == std::size_t(i + 1), 3000);
        const auto& [atMs, event] = received.back();
        QVERIFY2(atMs < 500, qPrintable(QStringLiteral("bid event %1 arrived after %2 ms").arg(i).arg(atMs)));
        QCOMPARE(event.value(QStringLiteral("type")).toString(), QStringLiteral("auction.bid"));
        QCOMPARE(event.value(QStringLiteral("seq")).toInteger(), qint64(i + 1));
    }

    TestDatabase::instance().exec(
        QStringLiteral("UPDATE auctions SET ends_at = now() + interval '1 second' WHERE id = %1")
            .arg(auction));
    clock.restart();
    QTRY_VERIFY2_WITH_TIMEOUT(received.size() == 5,
                              "no auction.ended within 4 s of ends_at = now + 1 s: the scheduler did not "
                              "settle the auction after its start-up tick",
                              4000);
    const auto& [endedAtMs, ended] = received.back();
    QVERIFY2(endedAtMs < 2200,
             qPrintable(QStringLiteral("auction.ended arrived after %1 ms").arg(endedAtMs)));
    QVERIFY2(endedAtMs > 800,
             qPrintable(QStringLiteral("auction.ended arrived early, after %1 ms").arg(endedAtMs)));
    QCOMPARE(ended.value(QStringLiteral("type")).toString(), QStringLiteral("auction.ended"));
    QCOMPARE(ended.value(QStringLiteral("seq")).toInteger(), qint64(5));
    QCOMPARE(ended.value(QStringLiteral("reason")).toString(), QStringLiteral("time"));
    QCOMPARE(ended.value(QStringLiteral("winner")).toObject().value(QStringLiteral("id")).toInteger(),
             bidder);
    QCOMPARE(ended.value(QStringLiteral("final_price")).toInteger(), qint64(13'000));
    runtime.stop();

    QCOMPARE(f.wallet(seller).balance, Won(13'000));
    const QStringList violations = f.auditViolations() + f.sequenceViolations();
    QVERIFY2(violations.isEmpty(), qPrintable(violations.join(QLatin1Char('\n'))));
}

// Bids placed through the server's own pool wake its relay in-process: the events arrive at once
// and no transaction sends a NOTIFY (which would serialise every commit on the database).
void TstOutbox::ownCommitsWakeTheRelayWithoutNotify()
{
    ConcurrencyFixture f;
    const qint64 seller = f.registerUser(QStringLiteral("seller"));
    const qint64 bidder = f.cloneUsers(seller, QStringLiteral("bidder"), 1).front();
    f.deposit(bidder, 1'000'000);
    const qint64 auction = f.createAuction(seller, 10'000);

    QElapsedTimer clock;
    std::vector<std::pair<qint64, QJsonObject>> received;
    QObject receiver;
    nb::app::ServerRuntime runtime(f.connectionString(), 4);
    connect(&runtime.bus(), &nb::events::EventBus::auctionEvent, &receiver,
            [&](qint64 auctionId, const QJsonObject& e) {
                if (auctionId == auction)
                    received.emplace_back(clock.elapsed(), e);
            });
    runtime.start();
    pqxx::connection listenConn(f.connectionString());
    ChannelListener listener(listenConn);

    services::BiddingService bidding(runtime.pool());
    for (int i = 0; i < 3; ++i) {
        clock.restart();
        bidding.placeBid(bidder, auction, 10'000 + 1'000 * i, std::nullopt,
                         ConcurrencyFixture::newRequestId());
        QTRY_VERIFY_WITH_TIMEOUT(received.size() == std::size_t(i + 1), 3000);
        QVERIFY2(
            received.back().first < 500,
            qPrintable(QStringLiteral("bid event %1 arrived after %2 ms").arg(i).arg(received.back().first)));
        QCOMPARE(received.back().second.value(QStringLiteral("seq")).toInteger(), qint64(i + 1));
    }
    runtime.stop();
    listenConn.await_notification(0, 200'000);
    QCOMPARE(listener.received, 0);
}

// The slow poll is the backstop for a missed NOTIFY (and what re-establishes a lost LISTEN
// connection): an outbox row whose transaction sent no NOTIFY still goes out within a poll.
void TstOutbox::relayPollsWhenNoNotifyComes()
{
    ConcurrencyFixture f;
    const qint64 user = f.registerUser(QStringLiteral("quiet"));
    std::vector<QJsonObject> received;
    QObject receiver;
    nb::app::ServerRuntime runtime(f.connectionString(), 2);
    connect(&runtime.bus(), &nb::events::EventBus::userEvent, &receiver,
            [&](qint64 userId, const QJsonObject& e) {
                if (userId == user)
                    received.push_back(e);
            });
    runtime.start();
    // A deposit's wallet push coming through shows that the relay has started (and drained).
    f.deposit(user, 1'000);
    QTRY_VERIFY_WITH_TIMEOUT(received.size() == 1, 5000);
    QTest::qWait(100);

    TestDatabase::instance().exec(
        QStringLiteral("INSERT INTO outbox (user_id, payload) VALUES (%1, '{\"type\": \"probe\"}')")
            .arg(user));
    QTRY_VERIFY2_WITH_TIMEOUT(
        received.size() == 2,
        "an outbox row without NOTIFY was not relayed within 3 s: the 1 s poll is not running", 3000);
    QCOMPARE(received.back().value(QStringLiteral("type")).toString(), QStringLiteral("probe"));
    QCOMPARE(f.count(QStringLiteral("outbox")), qint64(0));
}

void TstOutbox::refusedBidEmitsNothing()
{
    ConcurrencyFixture f;
    const auto [bidders, auction] = twoBiddersOnAnAuction(f);
    services::BiddingService bidding(f.pool());
    bidding.placeBid(bidders[0], auction, 20'000, std::nullopt, ConcurrencyFixture::newRequestId());

    const QString before = databaseState();
    const qint64 outboxBefore = f.count(QStringLiteral("outbox"));
    try {
        bidding.placeBid(bidders[1], auction, 20'500, std::nullopt, ConcurrencyFixture::newRequestId());
        QFAIL("a bid under the minimum was accepted");
    } catch (const services::ServiceError& e) {
        QCOMPARE(nb::errorCodeName(e.code()), nb::errorCodeName(nb::ErrorCode::BidTooLow));
        QCOMPARE(e.error().details.value(QStringLiteral("min_amount")).toInteger(), qint64(21'000));
    }
    QCOMPARE(f.count(QStringLiteral("outbox")), outboxBefore);
    QCOMPARE(databaseState(), before);
}

// Taking a batch commits asynchronously (its events are handed on at least once anyway); the
// setting is the relay transaction's own and leaves the connection, and every bid, synchronous.
void TstOutbox::onlyTheRelaysTransactionSkipsWaitingForTheDisk()
{
    ConcurrencyFixture f;
    const qint64 seller = f.registerUser(QStringLiteral("seller"));
    const qint64 bidder = f.cloneUsers(seller, QStringLiteral("bidder"), 1).front();
    f.deposit(bidder, 100'000);
    const qint64 auction = f.createAuction(seller, 10'000);
    services::BiddingService(f.pool()).placeBid(bidder, auction, 10'000, std::nullopt,
                                                ConcurrencyFixture::newRequestId());

    pqxx::connection conn(f.connectionString());
    nb::storage::prepareStatements(conn);
    // The test cluster skips the disk for everything; this connection waits like a real one.
    pqxx::nontransaction(conn).exec0("SET synchronous_commit TO on");
    const auto setting = [](pqxx::transaction_base& tx) {
        return tx.exec1("SELECT current_setting('synchronous_commit')")[0].as<std::string>();
    };
    {
        pqxx::work tx(conn);
        QCOMPARE(setting(tx), std::string("on"));
        const auto batch = nb::storage::outbox::takeBatch(tx, 100);
        QVERIFY(batch && !batch->empty());
        QCOMPARE(setting(tx), std::string("off"));
        tx.commit();
    }
    pqxx::work after(conn);
    QCOMPARE(setting(after), std::string("on"));
}

// The events a bid hands back when it commits (for this instance's followers) are the auction
// events it queued in the outbox, in seq order: its own step, a proxy's answer, a soft
// close's extension. A refused bid hands over nothing.
void TstOutbox::committedBidHandsOverTheAuctionEventsItQueued()
{
    ConcurrencyFixture f;
    const auto [bidders, auction] = twoBiddersOnAnAuction(f);
    {
        pqxx::connection conn(f.connectionString());
        pqxx::work tx(conn);
        tx.exec_params0(
            "UPDATE auctions SET ends_at = now() + interval '20 seconds', soft_close_seconds = 60 "
            "WHERE id = $1",
            auction);
        tx.exec0("DELETE FROM outbox");
        tx.commit();
    }
    services::BiddingService bidding(f.pool());
    std::vector<QJsonObject> handed;
    std::vector<QJsonObject> events;
    bidding.placeBid(bidders[0], auction, 10'000, Won(15'000), ConcurrencyFixture::newRequestId(), nullptr,
                     &events);
    handed = events;
    bidding.placeBid(bidders[1], auction, 11'000, std::nullopt, ConcurrencyFixture::newRequestId(), nullptr,
                     &events);
    handed.insert(handed.end(), events.begin(), events.end());
    std::vector<QJsonObject> refused;
    QVERIFY_THROWS_EXCEPTION(services::ServiceError,
                             bidding.placeBid(bidders[1], auction, 11'000, std::nullopt,
                                              ConcurrencyFixture::newRequestId(), nullptr, &refused));
    QVERIFY(refused.empty());

    pqxx::connection conn(f.connectionString());
    nb::storage::prepareStatements(conn);
    pqxx::work tx(conn);
    const auto batch = nb::storage::outbox::takeBatch(tx, 100);
    QVERIFY(batch);
    std::vector<QJsonObject> queued;
    for (const auto& event : *batch)
        if (event.auctionId)
            queued.push_back(event.payload);
    QCOMPARE(handed, queued);
    QStringList types;
    for (const QJsonObject& event : handed)
        types << event.value(QStringLiteral("type")).toString() + QLatin1Char(' ') +
                     QString::number(event.value(QStringLiteral("seq")).toInteger());
    // The first bid extends the soft close (seq 2); the second is answered by the first's proxy.
    QCOMPARE(types, QStringList({QStringLiteral("auction.bid 1"), QStringLiteral("auction.extended 2"),
                                 QStringLiteral("auction.bid 3"), QStringLiteral("auction.bid 4"),
                                 QStringLiteral("auction.extended 5")}));
}

// A bid's writes after its decision go to the database in one batch, with the ids of its bids
// drawn when it opened and its time the transaction's: the rows must still be what the bidder's
// answer and the pushes say. Bids keep the order in which they happened when a proxy's step
// comes before the bidder's own.
void TstOutbox::acceptedBidsRowsAreWhatItsAnswerAndPushesSay()
{
    ConcurrencyFixture f;
    const auto [bidders, auction] = twoBiddersOnAnAuction(f);
    TestDatabase::instance().query(QStringLiteral("DELETE FROM outbox"));
    services::BiddingService bidding(f.pool());
    // The first leads with a maximum of 15,000; the second's 11,000 is answered by that proxy;
    // the second's 20,000 beats it (the proxy's step to 15,000 is recorded first).
    bidding.placeBid(bidders[0], auction, 10'000, Won(15'000), ConcurrencyFixture::newRequestId());
    const nb::BidResult answered =
        bidding.placeBid(bidders[1], auction, 11'000, std::nullopt, ConcurrencyFixture::newRequestId());
    QVERIFY(!answered.leading);
    const nb::BidResult leads =
        bidding.placeBid(bidders[1], auction, 20'000, std::nullopt, ConcurrencyFixture::newRequestId());
    QVERIFY(leads.leading);

    const pqxx::result bids = TestDatabase::instance().query(
        QStringLiteral("SELECT id, bidder_id, amount, is_proxy FROM bids WHERE auction_id = %1 ORDER BY id")
            .arg(auction));
    QStringList history;
    for (const auto& row : bids) {
        history << QStringLiteral("%1 %2%3")
                       .arg(row[1].as<qint64>() == bidders[0] ? QStringLiteral("first")
                                                              : QStringLiteral("second"))
                       .arg(row[2].as<qint64>())
                       .arg(row[3].as<bool>() ? QStringLiteral(" proxy") : QString());
        if (row[0].as<qint64>() == answered.bidId)
            QCOMPARE(row[2].as<qint64>(), qint64(11'000));
        if (row[0].as<qint64>() == leads.bidId)
            QCOMPARE(row[2].as<qint64>(), leads.currentPrice);
    }
    QCOMPARE(history, QStringList({QStringLiteral("first 10000"), QStringLiteral("second 11000"),
                                   QStringLiteral("first 12000 proxy"), QStringLiteral("first 15000 proxy"),
                                   QStringLiteral("second 20000")}));

    // Each notification's push carries the row's id and time; each auction.bid event the time
    // of its bid; the last wallet push of each bidder the wallet as it is.
    const pqxx::result pushes = TestDatabase::instance().query(QStringLiteral(
        "SELECT o.user_id, o.payload::text, n.id IS NOT NULL, epoch_ms(n.created_at) FROM outbox o "
        "LEFT JOIN notifications n ON n.id = (o.payload->>'id')::bigint AND o.payload->>'type' = "
        "'notification' "
        "WHERE o.user_id IS NOT NULL ORDER BY o.id"));
    int notifications = 0;
    std::map<qint64, QJsonObject> lastWallet;
    for (const auto& row : pushes) {
        const QJsonObject payload =
            QJsonDocument::fromJson(QByteArray::fromStdString(row[1].as<std::string>())).object();
        if (userEventName(payload).startsWith(QLatin1String("notification"))) {
            QVERIFY2(row[2].as<bool>(), row[1].c_str());
            const QDateTime at =
                QDateTime::fromString(payload.value(QStringLiteral("at")).toString(), Qt::ISODateWithMs);
            QCOMPARE(at.toMSecsSinceEpoch(), row[3].as<qint64>());
            ++notifications;
        } else {
            lastWallet[row[0].as<qint64>()] = payload;
        }
    }
    QVERIFY(notifications >= 5); // outbid and new_bid of each bid but the first's outbid
    for (const qint64 bidder : bidders) {
        const nb::Wallet wallet = f.wallet(bidder);
        QCOMPARE(lastWallet[bidder].value(QStringLiteral("balance")).toInteger(), wallet.balance);
        QCOMPARE(lastWallet[bidder].value(QStringLiteral("locked")).toInteger(), wallet.locked);
    }
    const pqxx::result events = TestDatabase::instance().query(
        QStringLiteral(
            "SELECT e.payload->>'at', epoch_ms(b.created_at) FROM auction_events e "
            "JOIN bids b ON b.auction_id = e.auction_id AND b.amount = (e.payload->>'amount')::bigint "
            "WHERE e.auction_id = %1 AND e.payload->>'type' = 'auction.bid'")
            .arg(auction));
    QCOMPARE(events.size(), bids.size());
    for (const auto& row : events)
        QCOMPARE(QDateTime::fromString(QString::fromStdString(row[0].as<std::string>()), Qt::ISODateWithMs)
                     .toMSecsSinceEpoch(),
                 row[1].as<qint64>());
    QVERIFY(f.auditViolations().isEmpty());
}

QTEST_GUILESS_MAIN(TstOutbox)
#include "tst_outbox.moc"
