// Concurrent money movement against the real database: many connections racing for the same
// wallet, the same auction and the same request_id. Each worker thread has its own
// ConnectionPool of one connection (as separate server instances would), and StartGate lines
// the workers up so that their transactions overlap.
#include "server/services/AuctionService.h"
#include "server/services/BiddingService.h"
#include "server/services/SettlementService.h"
#include "server/services/WalletService.h"
#include "shared/BidIncrement.h"
#include "shared/protocol/Json.h"
#include "tests/server/ConcurrencyFixture.h"
#include "tests/server/StartGate.h"
#include "tests/support/TestDatabase.h"

#include <QJsonDocument>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <thread>

using nb::Won;
using nb::test::ConcurrencyFixture;
using nb::test::StartGate;
using nb::test::TestDatabase;
using namespace std::chrono_literals;

namespace services = nb::services;
namespace storage = nb::storage;

namespace {

using Clock = std::chrono::steady_clock;

QString nameOf(std::optional<nb::ErrorCode> code)
{
    return code ? nb::errorCodeName(*code) : QStringLiteral("success");
}

/// What many bidders saw, counted across threads. A refusal outside the rule errors a bidder
/// may meet (`allowed`) is kept verbatim for the failure message.
class Outcomes {
public:
    explicit Outcomes(std::set<nb::ErrorCode> allowed)
        : m_allowed(std::move(allowed))
    {}

    void accepted() { ++m_accepted; }
    void refused(const services::ServiceError& e)
    {
        ++m_refused;
        if (!m_allowed.count(e.code()))
            unexpected(nb::test::describe(e));
        std::lock_guard lock(m_mutex);
        ++m_byCode[nb::errorCodeName(e.code())];
    }
    void unexpected(const QString& what)
    {
        std::lock_guard lock(m_mutex);
        if (m_unexpected.size() < 20)
            m_unexpected << what;
        ++m_unexpectedCount;
    }

    int acceptedCount() const { return m_accepted; }
    int refusedCount() const { return m_refused; }
    QString unexpectedReport()
    {
        std::lock_guard lock(m_mutex);
        return QStringLiteral("%1 unexpected outcome(s), first ones:\n").arg(m_unexpectedCount) +
               m_unexpected.join(QLatin1Char('\n'));
    }
    bool anyUnexpected()
    {
        std::lock_guard lock(m_mutex);
        return m_unexpectedCount > 0;
    }
    QString summary()
    {
        std::lock_guard lock(m_mutex);
        QStringList parts{QStringLiteral("accepted %1").arg(m_accepted.load())};
        for (const auto& [code, n] : m_byCode)
            parts << QStringLiteral("%1 %2").arg(code).arg(n);
        return parts.join(QStringLiteral(", "));
    }

private:
    const std::set<nb::ErrorCode> m_allowed;
    std::atomic<int> m_accepted{0};
    std::atomic<int> m_refused{0};
    std::mutex m_mutex;
    std::map<QString, int> m_byCode;
    QStringList m_unexpected;
    int m_unexpectedCount = 0;
};

/// One bidder of the crowd: bids the minimum on randomly chosen auctions until the time is up.
/// After an accepted bid it leaves that auction alone until AuctionService::detail shows it
/// was outbid (then it bids the minimum shown there); after bid_too_low it takes the minimum
/// from the error.
class CrowdBidder {
public:
    CrowdBidder(const std::string& dsn, qint64 bidderId, std::vector<qint64> auctionIds, Won startPrice)
        : m_pool(dsn, 1)
        , m_bidding(m_pool)
        , m_auctions(m_pool)
        , m_bidderId(bidderId)
        , m_auctionIds(std::move(auctionIds))
        , m_rng(static_cast<unsigned>(bidderId))
    {
        for (const qint64 id : m_auctionIds)
            m_next[id] = startPrice;
    }

    /// Opens the connection (so that the race starts at the gate), waits there, then bids for length.
    void run(StartGate& gate, Clock::duration length, Outcomes& outcomes)
    {
        bool ready = false;
        try {
            services::WalletService(m_pool).wallet(m_bidderId);
            ready = true;
        } catch (const std::exception& e) {
            outcomes.unexpected(QStringLiteral("bidder %1 cannot start: %2").arg(m_bidderId).arg(e.what()));
        }
        gate.arriveAndWait();
        const auto deadline = Clock::now() + length;
        while (ready && Clock::now() < deadline) {
            try {
                bidOnce(outcomes);
            } catch (const services::ServiceError& e) {
                outcomes.unexpected(QStringLiteral("reading an auction: %1").arg(nb::test::describe(e)));
            } catch (const std::exception& e) {
                outcomes.unexpected(QStringLiteral("bidder %1: %2").arg(m_bidderId).arg(e.what()));
            }
        }
    }

private:
    void bidOnce(Outcomes& outcomes)
    {
        const qint64 auctionId = m_auctionIds[m_rng() % m_auctionIds.size()];
        if (m_leading.count(auctionId)) {
            const nb::AuctionDetail d = m_auctions.detail(auctionId);
            if (d.summary.highBidderId == m_bidderId) {
                std::this_thread::sleep_for(2ms);
                return;
            }
            m_leading.erase(auctionId);
            m_next[auctionId] = d.minNextBid;
        }
        try {
            const nb::BidResult r = m_bidding.placeBid(m_bidderId, auctionId, m_next[auctionId], std::nullopt,
                                                       ConcurrencyFixture::newRequestId());
            outcomes.accepted();
            m_leading.insert(auctionId);
            m_next[auctionId] = nb::minimumNextBid(r.currentPrice, r.currentPrice, 1);
        } catch (const services::ServiceError& e) {
            outcomes.refused(e);
            if (e.code() == nb::ErrorCode::BidTooLow)
                m_next[auctionId] = e.error().details.value(QStringLiteral("min_amount")).toInteger();
        }
    }

    storage::ConnectionPool m_pool;
    services::BiddingService m_bidding;
    services::AuctionService m_auctions;
    const qint64 m_bidderId;
    const std::vector<qint64> m_auctionIds;
    std::minstd_rand m_rng;
    std::map<qint64, Won> m_next;
    std::set<qint64> m_leading;
};

/// Runs every bidder on its own thread over auctionIds for length, all released together.
void runCrowd(const std::string& dsn, const std::vector<qint64>& bidders,
              const std::vector<qint64>& auctionIds, Won startPrice, Clock::duration length,
              Outcomes& outcomes)
{
    StartGate gate(static_cast<int>(bidders.size()));
    std::vector<std::thread> threads;
    threads.reserve(bidders.size());
    for (const qint64 bidderId : bidders) {
        threads.emplace_back([&, bidderId] {
            try {
                CrowdBidder(dsn, bidderId, auctionIds, startPrice).run(gate, length, outcomes);
            } catch (const std::exception& e) {
                outcomes.unexpected(QStringLiteral("bidder %1 failed: %2").arg(bidderId).arg(e.what()));
            }
        });
    }
    for (auto& t : threads)
        t.join();
}

/// Leader and price of each auction, as the database has them.
std::map<qint64, std::pair<std::optional<qint64>, Won>> leadersAndPrices()
{
    std::map<qint64, std::pair<std::optional<qint64>, Won>> out;
    for (const auto& r : TestDatabase::instance().query(
             QStringLiteral("SELECT id, high_bidder_id, current_price FROM auctions ORDER BY id"))) {
        std::optional<qint64> leader;
        if (!r[1].is_null())
            leader = r[1].as<qint64>();
        out[r[0].as<qint64>()] = {leader, r[2].as<qint64>()};
    }
    return out;
}

} // namespace

class TstConcurrency : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void doubleSpendIsImpossible();
    void hundredBiddersOnOneHotAuction();
    void oppositeLockOrderNeverSurfacesDatabaseErrors();
    void concurrentSameRequestIdMovesOnce();

private:
    void checkCrowdAftermath(ConcurrencyFixture& f, Outcomes& outcomes, qint64 bidsBefore);
    void closeEverythingAndCheckSettlement(ConcurrencyFixture& f, qint64 sellerId, Won deposits);
};

void TstConcurrency::initTestCase()
{
    TestDatabase::instance();
}

// One user with exactly 10,000 bids 10,000 on two auctions at once from two connections. On odd
// rounds every transaction waits 3 ms before COMMIT, holding its locks, so that the second
// transaction surely queues on the wallet and must re-read it; even rounds are a pure race.
void TstConcurrency::doubleSpendIsImpossible()
{
    ConcurrencyFixture f;
    const qint64 seller = f.registerUser(QStringLiteral("seller"));
    const qint64 spender = f.cloneUsers(seller, QStringLiteral("spender"), 1).front();
    f.deposit(spender, 10'000);
    storage::ConnectionPool pools[2] = {{f.connectionString(), 1}, {f.connectionString(), 1}};
    services::WalletService(pools[0]).wallet(spender);
    services::WalletService(pools[1]).wallet(spender);
    StartGate gate(2);
    services::SettlementService settlement(f.pool());

    for (int round = 0; round < 50; ++round) {
        const qint64 auctions[2] = {f.createAuction(seller, 10'000, QStringLiteral("Left %1").arg(round)),
                                    f.createAuction(seller, 10'000, QStringLiteral("Right %1").arg(round))};
        for (auto& pool : pools)
            pool.setBeforeCommitHook(round % 2
                                         ? std::function<void()>([] { std::this_thread::sleep_for(3ms); })
                                         : std::function<void()>());
        std::optional<nb::ErrorCode> outcome[2];
        QString crashed[2];
        auto bid = [&](int side) {
            services::BiddingService bidding(pools[side]);
            gate.arriveAndWait();
            try {
                outcome[side] = nb::test::errorOf([&] {
                    bidding.placeBid(spender, auctions[side], 10'000, std::nullopt,
                                     ConcurrencyFixture::newRequestId());
                });
            } catch (const std::exception& e) {
                crashed[side] = QString::fromUtf8(e.what());
            }
        };
        std::thread left(bid, 0);
        std::thread right(bid, 1);
        left.join();
        right.join();

        QVERIFY2(crashed[0].isEmpty() && crashed[1].isEmpty(), qPrintable(crashed[0] + crashed[1]));
        const int winners = (outcome[0] ? 0 : 1) + (outcome[1] ? 0 : 1);
        QVERIFY2(
            winners == 1,
            qPrintable(
                QStringLiteral("round %1: %2 / %3").arg(round).arg(nameOf(outcome[0]), nameOf(outcome[1]))));
        const int won = outcome[0] ? 1 : 0;
        QCOMPARE(nameOf(outcome[1 - won]), nb::errorCodeName(nb::ErrorCode::InsufficientFunds));
        const nb::Wallet w = f.wallet(spender);
        QCOMPARE(w.balance, Won(0));
        QCOMPARE(w.locked, Won(10'000));
        const QStringList violations = f.auditViolations() + f.holdViolations();
        QVERIFY2(violations.isEmpty(), qPrintable(violations.join(QLatin1Char('\n'))));

        // Give the money back for the next round: an operator cancels the won auction, the
        // seller the one without bids.
        settlement.cancel(auctions[won], std::nullopt, true);
        settlement.cancel(auctions[1 - won], seller, false);
        QCOMPARE(f.wallet(spender).balance, Won(10'000));
    }
    for (auto& pool : pools)
        pool.setBeforeCommitHook({});
    QCOMPARE(f.count(QStringLiteral("bids")), qint64(50));
    const QStringList violations = f.auditViolations() + f.sequenceViolations();
    QVERIFY2(violations.isEmpty(), qPrintable(violations.join(QLatin1Char('\n'))));
}

// 100 bidders, each on its own connection, first all on one auction, then spread over 50.
// Every tenth bidder is short of money, so insufficient_funds shows up beside bid_too_low.
void TstConcurrency::hundredBiddersOnOneHotAuction()
{
    ConcurrencyFixture f;
    const qint64 seller = f.registerUser(QStringLiteral("seller"));
    const qint64 firstBidder = f.registerUser(QStringLiteral("bidder000"));
    std::vector<qint64> bidders = f.cloneUsers(firstBidder, QStringLiteral("bidder"), 99);
    bidders.insert(bidders.begin(), firstBidder);
    QCOMPARE(int(bidders.size()), 100);
    for (std::size_t i = 0; i < bidders.size(); ++i)
        f.deposit(bidders[i], i % 10 == 9 ? Won(300'000) : Won(1'000'000'000));
    const Won deposits = f.sumOfDeposits();
    const Won startPrice = 10'000;

    Outcomes hot(
        {nb::ErrorCode::BidTooLow, nb::ErrorCode::InsufficientFunds, nb::ErrorCode::AuctionNotActive});
    const qint64 hotAuction = f.createAuction(seller, startPrice, QStringLiteral("The hot one"));
    runCrowd(f.connectionString(), bidders, {hotAuction}, startPrice, 4s, hot);
    qInfo("one hot auction: %s", qPrintable(hot.summary()));
    checkCrowdAftermath(f, hot, 0);
    QCOMPARE(f.sumOfWalletTotals(), deposits);

    std::vector<qint64> many;
    for (int i = 0; i < 50; ++i)
        many.push_back(f.createAuction(seller, startPrice, QStringLiteral("Item %1").arg(i)));
    Outcomes spread(
        {nb::ErrorCode::BidTooLow, nb::ErrorCode::InsufficientFunds, nb::ErrorCode::AuctionNotActive});
    runCrowd(f.connectionString(), bidders, many, startPrice, 4s, spread);
    qInfo("fifty auctions: %s", qPrintable(spread.summary()));
    checkCrowdAftermath(f, spread, hot.acceptedCount());
    QCOMPARE(f.sumOfWalletTotals(), deposits);

    closeEverythingAndCheckSettlement(f, seller, deposits);
}

void TstConcurrency::checkCrowdAftermath(ConcurrencyFixture& f, Outcomes& outcomes, qint64 bidsBefore)
{
    QVERIFY2(!outcomes.anyUnexpected(), qPrintable(outcomes.unexpectedReport()));
    QVERIFY(outcomes.acceptedCount() > 0);
    QVERIFY(outcomes.refusedCount() > 0);
    // No proxy bids here: every accepted call recorded exactly one bid.
    QCOMPARE(f.count(QStringLiteral("bids")), bidsBefore + outcomes.acceptedCount());
    QCOMPARE(TestDatabase::instance().scalar<qint64>(QStringLiteral("SELECT sum(bid_count) FROM auctions")),
             bidsBefore + outcomes.acceptedCount());
    const QStringList violations = f.auditViolations() + f.sequenceViolations() + f.holdViolations();
    QVERIFY2(violations.isEmpty(), qPrintable(violations.join(QLatin1Char('\n'))));
}

void TstConcurrency::closeEverythingAndCheckSettlement(ConcurrencyFixture& f, qint64 sellerId, Won deposits)
{
    const auto before = leadersAndPrices();
    services::SettlementService settlement(f.pool());
    Won expectedProceeds = 0;
    for (const auto& [auctionId, leaderAndPrice] : before) {
        settlement.closeNow(auctionId);
        if (leaderAndPrice.first)
            expectedProceeds += leaderAndPrice.second;
    }
    for (const auto& r : TestDatabase::instance().query(QStringLiteral(
             "SELECT id, status, winner_id, final_price, end_reason FROM auctions ORDER BY id"))) {
        const qint64 id = r[0].as<qint64>();
        const auto& [leader, price] = before.at(id);
        QCOMPARE(QString::fromStdString(r[1].as<std::string>()), QStringLiteral("ended"));
        QCOMPARE(QString::fromStdString(r[4].as<std::string>()), QStringLiteral("time"));
        QCOMPARE(r[2].is_null(), !leader);
        if (leader) {
            QCOMPARE(r[2].as<qint64>(), *leader);
            QCOMPARE(r[3].as<qint64>(), price);
        }
    }
    // The seller started with nothing: all they have is exactly the final prices.
    const nb::Wallet sellerWallet = f.wallet(sellerId);
    QCOMPARE(sellerWallet.balance, expectedProceeds);
    QCOMPARE(sellerWallet.locked, Won(0));
    QCOMPARE(TestDatabase::instance().scalar<qint64>(
                 QStringLiteral("SELECT COALESCE(sum(amount), 0)::bigint FROM ledger_entries WHERE kind = "
                                "'settle_pay'")),
             expectedProceeds);
    QCOMPARE(f.sumOfWalletTotals(), deposits);
    QCOMPARE(TestDatabase::instance().scalar<qint64>(
                 QStringLiteral("SELECT COALESCE(sum(locked), 0) FROM wallets")),
             qint64(0));
    QCOMPARE(f.count(QStringLiteral("holds")), qint64(0));
    const QStringList violations = f.auditViolations() + f.sequenceViolations();
    QVERIFY2(violations.isEmpty(), qPrintable(violations.join(QLatin1Char('\n'))));
}

// X and Y lead one auction each and outbid each other crosswise at the same moment, so both
// transactions lock the same two wallets after different auction rows.
void TstConcurrency::oppositeLockOrderNeverSurfacesDatabaseErrors()
{
    ConcurrencyFixture f;
    const qint64 seller = f.registerUser(QStringLiteral("seller"));
    const std::vector<qint64> xy = f.cloneUsers(seller, QStringLiteral("duelist"), 2);
    const qint64 x = xy[0];
    const qint64 y = xy[1];
    f.deposit(x, 100'000'000);
    f.deposit(y, 100'000'000);
    const qint64 a = f.createAuction(seller, 10'000, QStringLiteral("A"));
    const qint64 b = f.createAuction(seller, 10'000, QStringLiteral("B"));
    services::BiddingService bidding(f.pool());
    bidding.placeBid(y, a, 10'000, std::nullopt, ConcurrencyFixture::newRequestId());
    bidding.placeBid(x, b, 10'000, std::nullopt, ConcurrencyFixture::newRequestId());

    constexpr int kIterations = 150;
    Outcomes outcomes({nb::ErrorCode::BidTooLow, nb::ErrorCode::InsufficientFunds});
    StartGate gate(2);
    // Iteration i: X bids on (i even ? A : B), Y on the other one, which the other leads.
    auto duel = [&](qint64 me, qint64 first, qint64 second) {
        storage::ConnectionPool pool(f.connectionString(), 1);
        services::BiddingService myBidding(pool);
        services::AuctionService auctions(pool);
        for (int i = 0; i < kIterations; ++i) {
            const qint64 target = i % 2 ? second : first;
            gate.arriveAndWait(); // both bids of the previous iteration are done
            Won amount = 0;
            try {
                amount = auctions.detail(target).minNextBid;
            } catch (const std::exception& e) {
                outcomes.unexpected(QStringLiteral("detail: %1").arg(e.what()));
            }
            gate.arriveAndWait(); // and go
            try {
                myBidding.placeBid(me, target, amount, std::nullopt, ConcurrencyFixture::newRequestId());
                outcomes.accepted();
            } catch (const services::ServiceError& e) {
                outcomes.refused(e);
            } catch (const std::exception& e) {
                outcomes.unexpected(QString::fromUtf8(e.what()));
            }
        }
    };
    std::thread xThread(duel, x, a, b);
    std::thread yThread(duel, y, b, a);
    xThread.join();
    yThread.join();

    qInfo("crosswise outbidding: %s", qPrintable(outcomes.summary()));
    QVERIFY2(!outcomes.anyUnexpected(), qPrintable(outcomes.unexpectedReport()));
    // Each bid was the minimum read after the previous ones committed: none should be refused.
    QCOMPARE(outcomes.acceptedCount(), 2 * kIterations);
    const QStringList violations = f.auditViolations() + f.sequenceViolations() + f.holdViolations();
    QVERIFY2(violations.isEmpty(), qPrintable(violations.join(QLatin1Char('\n'))));
    QCOMPARE(f.sumOfWalletTotals(), f.sumOfDeposits());
}

// A client retrying one bid on eight connections at once: one lock, one answer.
void TstConcurrency::concurrentSameRequestIdMovesOnce()
{
    ConcurrencyFixture f;
    const qint64 seller = f.registerUser(QStringLiteral("seller"));
    const qint64 bidder = f.cloneUsers(seller, QStringLiteral("retrier"), 1).front();
    f.deposit(bidder, 50'000);
    const qint64 auction = f.createAuction(seller, 20'000);
    const QString requestId = ConcurrencyFixture::newRequestId();

    constexpr int kThreads = 8;
    StartGate gate(kThreads);
    QJsonObject answers[kThreads];
    QString failures[kThreads];
    std::vector<std::thread> threads;
    for (int i = 0; i < kThreads; ++i) {
        threads.emplace_back([&, i] {
            storage::ConnectionPool pool(f.connectionString(), 1);
            std::optional<services::BiddingService> bidding;
            try {
                services::WalletService(pool).wallet(bidder);
                bidding.emplace(pool);
            } catch (const std::exception& e) {
                failures[i] = QString::fromUtf8(e.what());
            }
            gate.arriveAndWait();
            if (!bidding)
                return;
            try {
                answers[i] = nb::toJson(bidding->placeBid(bidder, auction, 25'000, std::nullopt, requestId));
            } catch (const services::ServiceError& e) {
                failures[i] = nb::test::describe(e);
            } catch (const std::exception& e) {
                failures[i] = QString::fromUtf8(e.what());
            }
        });
    }
    for (auto& t : threads)
        t.join();

    for (int i = 0; i < kThreads; ++i) {
        QVERIFY2(failures[i].isEmpty(), qPrintable(QStringLiteral("call %1: %2").arg(i).arg(failures[i])));
        QCOMPARE(QJsonDocument(answers[i]).toJson(QJsonDocument::Compact),
                 QJsonDocument(answers[0]).toJson(QJsonDocument::Compact));
    }
    QCOMPARE(answers[0].value(QStringLiteral("current_price")).toInteger(), qint64(25'000));
    QCOMPARE(TestDatabase::instance().scalar<qint64>(
                 QStringLiteral("SELECT count(*) FROM ledger_entries WHERE kind = 'lock' AND user_id = %1")
                     .arg(bidder)),
             qint64(1));
    QCOMPARE(f.count(QStringLiteral("bids")), qint64(1));
    QCOMPARE(f.count(QStringLiteral("idempotency_keys")), qint64(2)); // the deposit's and the bid's
    const nb::Wallet w = f.wallet(bidder);
    QCOMPARE(w.balance, Won(25'000));
    QCOMPARE(w.locked, Won(25'000));
    const QStringList violations = f.auditViolations() + f.sequenceViolations() + f.holdViolations();
    QVERIFY2(violations.isEmpty(), qPrintable(violations.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TstConcurrency)
#include "tst_concurrency.moc"
