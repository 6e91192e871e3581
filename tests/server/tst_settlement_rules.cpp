// RULES.md "Ending": settlement on time, exactly once, without a winner, scheduled starts and
// overdue auctions settled at start-up.
#include "server/scheduler/AuctionScheduler.h"
#include "tests/server/ServiceFixture.h"

#include <QSignalSpy>
#include <QTest>

#include <atomic>
#include <memory>
#include <thread>

using nb::AuctionDetail;
using nb::AuctionStatus;
using nb::EndReason;
using nb::NewAuction;
using nb::Won;
using nb::test::ServiceFixture;

class TstSettlementRules : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void dueAuctionPaysWinnersHoldToSellerExactlyOnce();
    void losingBiddersKeepNoHoldAfterSettlement();
    void auctionWithoutBidsEndsUnsoldAndMovesNothing();
    void auctionNotYetDueIsLeftAlone();
    void scheduledAuctionStartsViaStartDue();
    void overdueAuctionSettlesAtSchedulerStartUp();
    void auctionWhoseStartAndEndPassedStartsThenEndsAtStartUp();
    void twoInstancesSettleEachAuctionOnce();
    void operatorCloseSettlesAtOnce();
    void operatorCancelWithBidsReleasesTheHold();

private:
    std::unique_ptr<ServiceFixture> m_fx;
};

void TstSettlementRules::initTestCase()
{
    m_fx = std::make_unique<ServiceFixture>();
}

void TstSettlementRules::init()
{
    m_fx->reset();
}

void TstSettlementRules::cleanup()
{
    NB_VERIFY_LEDGER(*m_fx);
}

void TstSettlementRules::cleanupTestCase()
{
    m_fx.reset();
}

void TstSettlementRules::dueAuctionPaysWinnersHoldToSellerExactlyOnce()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"), 100'000);
    const qint64 bob = m_fx->makeUser(QStringLiteral("bob"), 100'000);
    const qint64 id = m_fx->makeAuction(seller);
    m_fx->bid(alice, id, 10'000);
    m_fx->bid(bob, id, 12'000);
    m_fx->makeOverdue(id);

    QCOMPARE(m_fx->settlement.settleDue(), 1);
    QCOMPARE(m_fx->settlement.settleDue(), 0);

    const AuctionDetail d = m_fx->auctions.detail(id);
    QCOMPARE(d.summary.status, AuctionStatus::Ended);
    QCOMPARE(d.endReason, std::optional<EndReason>(EndReason::Time));
    QVERIFY(d.winner);
    QCOMPARE(d.winner->id, bob);
    QCOMPARE(d.finalPrice, std::optional<Won>(12'000));

    QCOMPARE(m_fx->ledgerFor(bob, id),
             (QStringList{QStringLiteral("lock 12000"), QStringLiteral("settle_pay 12000")}));
    QCOMPARE(m_fx->ledgerFor(seller, id), QStringList{QStringLiteral("settle_receive 12000")});
    QCOMPARE(m_fx->scalar(QStringLiteral("SELECT count(*) FROM ledger_entries WHERE auction_id = %1 AND "
                                         "kind IN ('settle_pay', 'settle_receive')")
                              .arg(id)),
             2);
    QCOMPARE(m_fx->wallet(bob).balance, Won(88'000));
    QCOMPARE(m_fx->wallet(bob).locked, Won(0));
    QCOMPARE(m_fx->wallet(seller).balance, Won(12'000));
    QVERIFY(m_fx->hold(id).isEmpty());

    QVERIFY(m_fx->notifications(bob).contains(QStringLiteral("won")));
    QCOMPARE(m_fx->notifications(seller).count(QStringLiteral("sold")), 1);
    QCOMPARE(m_fx->scalar(QStringLiteral("SELECT count(*) FROM notifications WHERE kind = 'won'")), 1);

    const QStringList events = m_fx->auctionEvents(id);
    QCOMPARE(events.last(), QStringLiteral("3 auction.ended"));
    QCOMPARE(
        m_fx->scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE auction_id = %1 AND "
                                    "payload->>'type' = 'auction.ended' AND payload->>'reason' = 'time' AND "
                                    "(payload->>'final_price')::bigint = 12000 AND "
                                    "(payload->'winner'->>'id')::bigint = %2")
                         .arg(id)
                         .arg(bob)),
        1);
}

void TstSettlementRules::losingBiddersKeepNoHoldAfterSettlement()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"), 100'000);
    const qint64 bob = m_fx->makeUser(QStringLiteral("bob"), 100'000);
    const qint64 id = m_fx->makeAuction(seller);
    m_fx->bid(alice, id, 10'000);
    m_fx->bid(bob, id, 11'000);
    m_fx->bid(alice, id, 13'000);
    m_fx->makeOverdue(id);
    QCOMPARE(m_fx->settlement.settleDue(), 1);

    QCOMPARE(m_fx->wallet(bob).balance, Won(100'000));
    QCOMPARE(m_fx->wallet(bob).locked, Won(0));
    QCOMPARE(m_fx->wallet(alice).balance, Won(87'000));
    QCOMPARE(m_fx->wallet(alice).locked, Won(0));
    QCOMPARE(m_fx->scalar(QStringLiteral("SELECT count(*) FROM holds")), 0);
}

void TstSettlementRules::auctionWithoutBidsEndsUnsoldAndMovesNothing()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const qint64 id = m_fx->makeAuction(seller);
    m_fx->makeOverdue(id);
    QCOMPARE(m_fx->settlement.settleDue(), 1);

    const AuctionDetail d = m_fx->auctions.detail(id);
    QCOMPARE(d.summary.status, AuctionStatus::Ended);
    QCOMPARE(d.endReason, std::optional<EndReason>(EndReason::Time));
    QVERIFY(!d.winner);
    QVERIFY(!d.finalPrice);
    QCOMPARE(m_fx->scalar(QStringLiteral("SELECT count(*) FROM ledger_entries")), 0);
    QCOMPARE(m_fx->wallet(seller).balance, Won(0));
    QCOMPARE(m_fx->notifications(seller), QStringList{QStringLiteral("ended_unsold")});
    QCOMPARE(m_fx->auctionEvents(id), QStringList{QStringLiteral("1 auction.ended")});
    QCOMPARE(m_fx->scalar(QStringLiteral("SELECT count(*) FROM auction_events WHERE auction_id = %1 AND "
                                         "payload->'winner' = 'null'::jsonb AND "
                                         "payload->'final_price' = 'null'::jsonb")
                              .arg(id)),
             1);
}

void TstSettlementRules::auctionNotYetDueIsLeftAlone()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"), 100'000);
    const qint64 id = m_fx->makeAuction(seller);
    m_fx->bid(alice, id, 10'000);
    QCOMPARE(m_fx->settlement.settleDue(), 0);
    QCOMPARE(m_fx->auctions.detail(id).summary.status, AuctionStatus::Active);
    QCOMPARE(m_fx->hold(id), QStringLiteral("%1 10000").arg(alice));
}

void TstSettlementRules::scheduledAuctionStartsViaStartDue()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"), 100'000);
    const qint64 id = m_fx->makeAuction(
        seller, 7200, [](NewAuction& a) { a.startsAt = QDateTime::currentDateTimeUtc().addSecs(3600); });
    QCOMPARE(m_fx->settlement.startDue(), 0);
    QCOMPARE(m_fx->auctions.detail(id).summary.status, AuctionStatus::Scheduled);

    m_fx->makeStartDue(id);
    QCOMPARE(m_fx->settlement.startDue(), 1);
    QCOMPARE(m_fx->settlement.startDue(), 0);
    const AuctionDetail d = m_fx->auctions.detail(id);
    QCOMPARE(d.summary.status, AuctionStatus::Active);
    QCOMPARE(d.seq, qint64(1));
    QCOMPARE(m_fx->auctionEvents(id), QStringList{QStringLiteral("1 auction.started")});
    QCOMPARE(
        m_fx->scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE auction_id = %1 AND "
                                    "payload->>'type' = 'auction.started' AND (payload->>'seq')::int = 1")
                         .arg(id)),
        1);
    // Now it takes bids, continuing the seq.
    QCOMPARE(m_fx->bid(alice, id, 10'000).seq, qint64(2));
}

void TstSettlementRules::overdueAuctionSettlesAtSchedulerStartUp()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"), 100'000);
    const qint64 id = m_fx->makeAuction(seller);
    m_fx->bid(alice, id, 15'000);
    // The end passed while no server was running.
    m_fx->makeOverdue(id);
    QCOMPARE(m_fx->auctions.detail(id).summary.status, AuctionStatus::Active);

    nb::scheduler::AuctionScheduler scheduler(m_fx->pool());
    QSignalSpy settled(&scheduler, &nb::scheduler::AuctionScheduler::settled);
    scheduler.start(); // the first tick runs at once

    QCOMPARE(settled.count(), 1);
    QCOMPARE(settled.at(0).at(0).toInt(), 1);
    const AuctionDetail d = m_fx->auctions.detail(id);
    QCOMPARE(d.summary.status, AuctionStatus::Ended);
    QVERIFY(d.winner);
    QCOMPARE(d.winner->id, alice);
    QCOMPARE(d.finalPrice, std::optional<Won>(15'000));
    QCOMPARE(m_fx->ledgerFor(alice, id),
             (QStringList{QStringLiteral("lock 15000"), QStringLiteral("settle_pay 15000")}));
    QCOMPARE(m_fx->ledgerFor(seller, id), QStringList{QStringLiteral("settle_receive 15000")});

    // Later ticks find nothing more to do.
    QCOMPARE(scheduler.tick(), (std::pair<int, int>(0, 0)));
}

void TstSettlementRules::auctionWhoseStartAndEndPassedStartsThenEndsAtStartUp()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const qint64 id = m_fx->makeAuction(
        seller, 7200, [](NewAuction& a) { a.startsAt = QDateTime::currentDateTimeUtc().addSecs(3600); });
    m_fx->db().exec(QStringLiteral("UPDATE auctions SET starts_at = now() - interval '2 hours', "
                                   "ends_at = now() - interval '1 hour' WHERE id = %1")
                        .arg(id));

    nb::scheduler::AuctionScheduler scheduler(m_fx->pool());
    scheduler.start();
    const AuctionDetail d = m_fx->auctions.detail(id);
    QCOMPARE(d.summary.status, AuctionStatus::Ended);
    QVERIFY(!d.winner);
    QCOMPARE(m_fx->auctionEvents(id),
             (QStringList{QStringLiteral("1 auction.started"), QStringLiteral("2 auction.ended")}));
}

void TstSettlementRules::twoInstancesSettleEachAuctionOnce()
{
    constexpr int kAuctions = 6;
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"), 1'000'000);
    QList<qint64> ids;
    for (int i = 0; i < kAuctions; ++i) {
        ids << m_fx->makeAuction(seller);
        m_fx->bid(alice, ids.last(), 10'000 + i * 1'000);
    }
    for (const qint64 id : ids)
        m_fx->makeOverdue(id);

    // Two server instances, each with its own pool, race to settle the same auctions.
    std::atomic<int> settled{0};
    std::atomic<int> failures{0};
    auto instance = [&] {
        try {
            nb::storage::ConnectionPool pool(m_fx->db().connectionString(), 2);
            nb::services::SettlementService service(pool);
            for (int round = 0; round < 3; ++round)
                settled += service.settleDue();
        } catch (const std::exception&) {
            ++failures;
        }
    };
    std::thread first(instance);
    std::thread second(instance);
    first.join();
    second.join();

    QCOMPARE(failures.load(), 0);
    QCOMPARE(settled.load(), kAuctions);
    QCOMPARE(m_fx->scalar(QStringLiteral("SELECT count(*) FROM ledger_entries WHERE kind = 'settle_pay'")),
             kAuctions);
    QCOMPARE(
        m_fx->scalar(QStringLiteral("SELECT count(*) FROM ledger_entries WHERE kind = 'settle_receive'")),
        kAuctions);
    QCOMPARE(m_fx->scalar(QStringLiteral("SELECT count(*) FROM auctions WHERE status = 'ended'")), kAuctions);
    QCOMPARE(m_fx->wallet(seller).balance, Won(kAuctions * 10'000 + 15'000));
}

void TstSettlementRules::operatorCloseSettlesAtOnce()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"), 100'000);
    const qint64 id = m_fx->makeAuction(seller);
    m_fx->bid(alice, id, 10'000);
    m_fx->settlement.closeNow(id);
    const AuctionDetail d = m_fx->auctions.detail(id);
    QCOMPARE(d.summary.status, AuctionStatus::Ended);
    QCOMPARE(d.finalPrice, std::optional<Won>(10'000));
    QCOMPARE(m_fx->ledgerFor(seller, id), QStringList{QStringLiteral("settle_receive 10000")});
    QCOMPARE(ServiceFixture::codeOf([&] { m_fx->settlement.closeNow(id); }), QStringLiteral("conflict"));
    QCOMPARE(ServiceFixture::codeOf([&] { m_fx->settlement.closeNow(4'242); }), QStringLiteral("not_found"));
}

void TstSettlementRules::operatorCancelWithBidsReleasesTheHold()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"), 100'000);
    const qint64 id = m_fx->makeAuction(seller);
    m_fx->bid(alice, id, 10'000);
    m_fx->settlement.cancel(id, std::nullopt, true);
    QCOMPARE(m_fx->auctions.detail(id).summary.status, AuctionStatus::Cancelled);
    QCOMPARE(m_fx->ledgerFor(alice, id),
             (QStringList{QStringLiteral("lock 10000"), QStringLiteral("unlock 10000")}));
    QCOMPARE(m_fx->wallet(alice).balance, Won(100'000));
    QVERIFY(m_fx->hold(id).isEmpty());
    QCOMPARE(m_fx->wallet(seller).balance, Won(0));
}

QTEST_GUILESS_MAIN(TstSettlementRules)
#include "tst_settlement_rules.moc"
