// RULES.md "Bidding": minimum bids, increments, escrow holds, idempotency, soft close and seq.
#include "server/services/BidGlances.h"
#include "server/services/BiddingService.h"
#include "shared/TimeFormat.h"
#include "tests/server/ServiceFixture.h"

#include <QHash>
#include <QScopeGuard>
#include <QTest>

#include <atomic>
#include <future>
#include <memory>
#include <pqxx/pqxx>

using nb::AuctionStatus;
using nb::BidResult;
using nb::NewAuction;
using nb::Wallet;
using nb::Won;
using nb::test::ServiceFixture;

class TstBiddingRules : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void firstBidMustReachStartPrice();
    void laterBidNeedsCurrentPlusIncrement_data();
    void laterBidNeedsCurrentPlusIncrement();
    void sellerSetIncrementReplacesTheTable();
    void invalidAmountIsBadRequest();
    void maxBelowAmountIsBadRequest();
    void sellerCannotBid();
    void bidOnScheduledAuctionIsNotActive();
    void bidAfterEndBeforeSettlementIsNotActive();
    void bidOnSettledAuctionIsNotActive();
    void bidOnCancelledAuctionIsNotActive();
    void bidOnUnknownAuctionIsNotFound();
    void bidOnUnknownAuctionWithAnotherOperationsRequestIdIsIdempotencyMismatch();
    void bidByUnknownUserIsNotFound();
    void firstBidLocksTheAmount();
    void raisingOwnBidLocksOnlyTheDifference();
    void raiseNeedsOnlyTheDifferenceAvailable();
    void outbidReleasesPreviousLeadersHold();
    void bidBeyondAvailableBalanceIsInsufficientFunds();
    void failedBidCanBeRetriedWithSameRequestId();
    void replayedBidReturnsSameResultAndMovesNothingTwice();
    void requestIdReusedWithOtherParametersIsIdempotencyMismatch();
    void bidWithinSoftCloseExtendsTheEnd();
    void bidBeforeSoftCloseDoesNotExtend();
    void customSoftCloseExtendsByItsOwnLength();
    void softCloseZeroNeverExtends();
    void seqGrowsByOnePerEvent();
    void refusedBidLeavesSeqAlone();
    void certainlyTooLowBidIsRefusedWithoutTheAuctionLock();
    void bidQueuedBehindACommitIsRefusedWithoutTheAuctionLock();
    void concurrentFirstLooksAnswerEachBidForItself();
    void tooLowOnAnAuctionWhoseBidsThisInstanceSawNeedsNoDatabase();
    void bidsCommittedByAnotherInstanceSendTheBoardBackToTheDatabase();
    void theBoardBoundsTheBidsItNeverSaw();
    void admitDecidesAtOnceWhatNeedsNoDatabase();
    void bidsWaitingInTheLaneHearTogetherWhenTheBidAheadCommits();
    void aRepeatWaitingBehindItsFirstRequestGetsItsFirstAnswer();

private:
    /// An auction where Alice leads at 10,000 (the next minimum is 11,000), bid through the
    /// fixture's service, whose board then knows the auction; Bob has money to bid.
    struct AliceLeads {
        qint64 alice = 0;
        qint64 bob = 0;
        qint64 auction = 0;
    };
    AliceLeads aliceLeadsAt10000();
    void expectRefused(qint64 bidderId, qint64 auctionId, Won amount, const QString& code,
                       const QString& detailStatus = QString());

    std::unique_ptr<ServiceFixture> m_fx;
};

void TstBiddingRules::initTestCase()
{
    m_fx = std::make_unique<ServiceFixture>();
}

void TstBiddingRules::init()
{
    m_fx->reset();
}

void TstBiddingRules::cleanup()
{
    NB_VERIFY_LEDGER(*m_fx);
}

void TstBiddingRules::cleanupTestCase()
{
    m_fx.reset();
}

// A refused bid answers code (and details.status when given) and moves nothing.
void TstBiddingRules::expectRefused(qint64 bidderId, qint64 auctionId, Won amount, const QString& code,
                                    const QString& detailStatus)
{
    const qint64 bidsBefore = m_fx->scalar(QStringLiteral("SELECT count(*) FROM bids"));
    const QStringList ledgerBefore = m_fx->ledger(bidderId);
    const auto outcome = ServiceFixture::outcomeOf([&] { m_fx->bid(bidderId, auctionId, amount); });
    QCOMPARE(outcome.code, code);
    if (!detailStatus.isEmpty())
        QCOMPARE(outcome.details.value("status").toString(), detailStatus);
    QCOMPARE(m_fx->scalar(QStringLiteral("SELECT count(*) FROM bids")), bidsBefore);
    QCOMPARE(m_fx->ledger(bidderId), ledgerBefore);
}

TstBiddingRules::AliceLeads TstBiddingRules::aliceLeadsAt10000()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    AliceLeads a;
    a.alice = m_fx->makeUser(QStringLiteral("alice"), 100'000);
    a.bob = m_fx->makeUser(QStringLiteral("bob"), 100'000);
    a.auction = m_fx->makeAuction(seller);
    m_fx->bidding.placeBid(a.alice, a.auction, 10'000, std::nullopt, ServiceFixture::newRequestId());
    return a;
}

void TstBiddingRules::firstBidMustReachStartPrice()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"), 100'000);
    const qint64 auction = m_fx->makeAuction(seller, 3600, [](NewAuction& a) { a.startPrice = 25'000; });
    QCOMPARE(m_fx->auctions.detail(auction).minNextBid, Won(25'000));

    const auto low = ServiceFixture::outcomeOf([&] { m_fx->bid(alice, auction, 24'999); });
    QCOMPARE(low.code, QStringLiteral("bid_too_low"));
    QCOMPARE(low.details.value("min_amount").toInteger(), 25'000);
    // A higher maximum does not make up for an amount below the minimum.
    QCOMPARE(ServiceFixture::codeOf([&] { m_fx->bid(alice, auction, 24'999, 90'000); }),
             QStringLiteral("bid_too_low"));
    QVERIFY(m_fx->bids(auction).isEmpty());
    QCOMPARE(m_fx->wallet(alice).locked, Won(0));

    const BidResult r = m_fx->bid(alice, auction, 25'000);
    QVERIFY(r.leading);
    QCOMPARE(r.currentPrice, Won(25'000));
    QCOMPARE(r.acceptedAmount, Won(25'000));
    QCOMPARE(m_fx->bids(auction), QStringList{QStringLiteral("%1 25000").arg(alice)});
}

void TstBiddingRules::laterBidNeedsCurrentPlusIncrement_data()
{
    QTest::addColumn<Won>("price");
    QTest::addColumn<Won>("increment");
    QTest::newRow("under 10,000") << Won(5'000) << Won(500);
    QTest::newRow("9,999") << Won(9'999) << Won(500);
    QTest::newRow("10,000") << Won(10'000) << Won(1'000);
    QTest::newRow("under 50,000") << Won(49'999) << Won(1'000);
    QTest::newRow("50,000") << Won(50'000) << Won(2'000);
    QTest::newRow("under 100,000") << Won(60'000) << Won(2'000);
    QTest::newRow("under 500,000") << Won(200'000) << Won(5'000);
    QTest::newRow("under 1,000,000") << Won(700'000) << Won(10'000);
    QTest::newRow("under 5,000,000") << Won(2'000'000) << Won(50'000);
    QTest::newRow("5,000,000") << Won(5'000'000) << Won(100'000);
    QTest::newRow("over 5,000,000") << Won(6'000'000) << Won(100'000);
}

void TstBiddingRules::laterBidNeedsCurrentPlusIncrement()
{
    QFETCH(Won, price);
    QFETCH(Won, increment);
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"), 10'000'000);
    const qint64 bob = m_fx->makeUser(QStringLiteral("bob"), 10'000'000);
    const qint64 auction = m_fx->makeAuction(seller, 3600, [&](NewAuction& a) { a.startPrice = price; });
    m_fx->bid(alice, auction, price);

    const auto detail = m_fx->auctions.detail(auction);
    QCOMPARE(detail.bidIncrement, increment);
    QCOMPARE(detail.minNextBid, price + increment);

    const auto low = ServiceFixture::outcomeOf([&] { m_fx->bid(bob, auction, price + increment - 1); });
    QCOMPARE(low.code, QStringLiteral("bid_too_low"));
    QCOMPARE(low.details.value("min_amount").toInteger(), price + increment);
    // The leader raising their own bid needs the same minimum.
    QCOMPARE(ServiceFixture::codeOf([&] { m_fx->bid(alice, auction, price + increment - 1); }),
             QStringLiteral("bid_too_low"));

    const BidResult r = m_fx->bid(bob, auction, price + increment);
    QVERIFY(r.leading);
    QCOMPARE(r.currentPrice, price + increment);
}

void TstBiddingRules::sellerSetIncrementReplacesTheTable()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"), 100'000);
    const qint64 bob = m_fx->makeUser(QStringLiteral("bob"), 100'000);
    const qint64 auction = m_fx->makeAuction(seller, 3600, [](NewAuction& a) { a.bidIncrement = 3'000; });
    m_fx->bid(alice, auction, 10'000);
    QCOMPARE(m_fx->auctions.detail(auction).bidIncrement, Won(3'000));
    QCOMPARE(m_fx->auctions.detail(auction).minNextBid, Won(13'000));

    const auto low = ServiceFixture::outcomeOf([&] { m_fx->bid(bob, auction, 12'999); });
    QCOMPARE(low.code, QStringLiteral("bid_too_low"));
    QCOMPARE(low.details.value("min_amount").toInteger(), 13'000);
    m_fx->bid(bob, auction, 13'000);

    // Still 3,000 in a band where the table would say 1,000.
    const auto next = ServiceFixture::outcomeOf([&] { m_fx->bid(alice, auction, 15'999); });
    QCOMPARE(next.code, QStringLiteral("bid_too_low"));
    QCOMPARE(next.details.value("min_amount").toInteger(), 16'000);
    QVERIFY(m_fx->bid(alice, auction, 16'000).leading);
}

void TstBiddingRules::invalidAmountIsBadRequest()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"), 100'000);
    const qint64 auction = m_fx->makeAuction(seller);
    for (const Won amount : {Won(0), Won(-10'000), nb::kMaxAmount + 1}) {
        const auto outcome = ServiceFixture::outcomeOf([&] { m_fx->bid(alice, auction, amount); });
        QCOMPARE(outcome.code, QStringLiteral("bad_request"));
        QCOMPARE(outcome.details.value("field").toString(), QStringLiteral("amount"));
    }
    const auto badMax = ServiceFixture::outcomeOf([&] { m_fx->bid(alice, auction, 10'000, Won(0)); });
    QCOMPARE(badMax.code, QStringLiteral("bad_request"));
    QCOMPARE(badMax.details.value("field").toString(), QStringLiteral("max_amount"));
    const auto badId = ServiceFixture::outcomeOf(
        [&] { m_fx->bidding.placeBid(alice, auction, 10'000, std::nullopt, QStringLiteral("not valid")); });
    QCOMPARE(badId.code, QStringLiteral("bad_request"));
    QCOMPARE(badId.details.value("field").toString(), QStringLiteral("request_id"));
    QVERIFY(m_fx->bids(auction).isEmpty());
}

void TstBiddingRules::maxBelowAmountIsBadRequest()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"), 100'000);
    const qint64 auction = m_fx->makeAuction(seller);
    const auto outcome = ServiceFixture::outcomeOf([&] { m_fx->bid(alice, auction, 20'000, 15'000); });
    QCOMPARE(outcome.code, QStringLiteral("bad_request"));
    QCOMPARE(outcome.details.value("field").toString(), QStringLiteral("max_amount"));
    QVERIFY(m_fx->bids(auction).isEmpty());
    QCOMPARE(m_fx->wallet(alice).locked, Won(0));
}

void TstBiddingRules::sellerCannotBid()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"), 100'000);
    const qint64 auction = m_fx->makeAuction(seller);
    expectRefused(seller, auction, 10'000, QStringLiteral("seller_cannot_bid"));
    QCOMPARE(m_fx->wallet(seller).balance, Won(100'000));
    QCOMPARE(m_fx->auctions.detail(auction).seq, qint64(0));
}

void TstBiddingRules::bidOnScheduledAuctionIsNotActive()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"), 100'000);
    const qint64 auction = m_fx->makeAuction(
        seller, 7200, [](NewAuction& a) { a.startsAt = QDateTime::currentDateTimeUtc().addSecs(3600); });
    QCOMPARE(m_fx->auctions.detail(auction).summary.status, AuctionStatus::Scheduled);
    expectRefused(alice, auction, 10'000, QStringLiteral("auction_not_active"), QStringLiteral("scheduled"));
}

void TstBiddingRules::bidAfterEndBeforeSettlementIsNotActive()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"), 100'000);
    const qint64 bob = m_fx->makeUser(QStringLiteral("bob"), 100'000);
    const qint64 auction = m_fx->makeAuction(seller);
    m_fx->bid(alice, auction, 10'000);
    m_fx->makeOverdue(auction);
    // Not settled yet: the row still says active, but the server clock says it is over.
    QCOMPARE(m_fx->auctions.detail(auction).summary.status, AuctionStatus::Active);
    expectRefused(bob, auction, 20'000, QStringLiteral("auction_not_active"), QStringLiteral("ended"));
    QCOMPARE(m_fx->hold(auction), QStringLiteral("%1 10000").arg(alice));
}

void TstBiddingRules::bidOnSettledAuctionIsNotActive()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"), 100'000);
    const qint64 auction = m_fx->makeAuction(seller);
    m_fx->makeOverdue(auction);
    QCOMPARE(m_fx->settlement.settleDue(), 1);
    QCOMPARE(m_fx->auctions.detail(auction).summary.status, AuctionStatus::Ended);
    expectRefused(alice, auction, 10'000, QStringLiteral("auction_not_active"), QStringLiteral("ended"));
}

void TstBiddingRules::bidOnCancelledAuctionIsNotActive()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"), 100'000);
    const qint64 auction = m_fx->makeAuction(seller);
    m_fx->settlement.cancel(auction, seller, false);
    expectRefused(alice, auction, 10'000, QStringLiteral("auction_not_active"), QStringLiteral("cancelled"));
}

void TstBiddingRules::bidOnUnknownAuctionIsNotFound()
{
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"), 100'000);
    expectRefused(alice, 987'654, 10'000, QStringLiteral("not_found"));
}

void TstBiddingRules::bidOnUnknownAuctionWithAnotherOperationsRequestIdIsIdempotencyMismatch()
{
    // The request_id is judged before the auction: a reused key is a mismatch wherever it points.
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"), 100'000);
    const QString rid = QStringLiteral("deposit-1");
    m_fx->wallets.deposit(alice, 5'000, rid);
    QCOMPARE(
        ServiceFixture::codeOf([&] { m_fx->bidding.placeBid(alice, 987'654, 10'000, std::nullopt, rid); }),
        QStringLiteral("idempotency_mismatch"));
    QCOMPARE(m_fx->wallet(alice).balance, Won(105'000));
    QCOMPARE(m_fx->wallet(alice).locked, Won(0));
}

void TstBiddingRules::bidByUnknownUserIsNotFound()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const qint64 auction = m_fx->makeAuction(seller);
    QCOMPARE(ServiceFixture::codeOf([&] {
                 m_fx->bidding.placeBid(987'654, auction, 10'000, std::nullopt, QStringLiteral("b-1"));
             }),
             QStringLiteral("not_found"));
    QVERIFY(m_fx->bids(auction).isEmpty());
}

void TstBiddingRules::firstBidLocksTheAmount()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"), 100'000);
    const qint64 auction = m_fx->makeAuction(seller);
    const BidResult r = m_fx->bid(alice, auction, 12'000);
    QCOMPARE(r.auctionId, auction);
    QVERIFY(r.bidId > 0);
    QVERIFY(r.leading);
    QCOMPARE(r.highBidderId, std::optional<qint64>(alice));
    QCOMPARE(r.wallet.balance, Won(88'000));
    QCOMPARE(r.wallet.locked, Won(12'000));
    QCOMPARE(m_fx->wallet(alice).locked, Won(12'000));
    QCOMPARE(m_fx->ledgerFor(alice, auction), QStringList{QStringLiteral("lock 12000")});
    QCOMPARE(m_fx->hold(auction), QStringLiteral("%1 12000").arg(alice));
    const auto detail = m_fx->auctions.detail(auction);
    QCOMPARE(detail.summary.currentPrice, Won(12'000));
    QCOMPARE(detail.summary.bidCount, 1);
    QCOMPARE(detail.summary.highBidderId, std::optional<qint64>(alice));
    QCOMPARE(m_fx->notifications(seller), QStringList{QStringLiteral("new_bid")});
}

void TstBiddingRules::raisingOwnBidLocksOnlyTheDifference()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"), 100'000);
    const qint64 auction = m_fx->makeAuction(seller);
    m_fx->bid(alice, auction, 10'000);
    const BidResult r = m_fx->bid(alice, auction, 15'000);
    QVERIFY(r.leading);
    QCOMPARE(r.currentPrice, Won(15'000));
    QCOMPARE(r.wallet.balance, Won(85'000));
    QCOMPARE(r.wallet.locked, Won(15'000));
    QCOMPARE(m_fx->ledgerFor(alice, auction),
             (QStringList{QStringLiteral("lock 10000"), QStringLiteral("lock 5000")}));
    QCOMPARE(m_fx->hold(auction), QStringLiteral("%1 15000").arg(alice));
}

void TstBiddingRules::raiseNeedsOnlyTheDifferenceAvailable()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"), 12'000);
    const qint64 auction = m_fx->makeAuction(seller);
    m_fx->bid(alice, auction, 10'000);
    // 11,000 is more than the 2,000 available, but only the 1,000 difference must be.
    const BidResult r = m_fx->bid(alice, auction, 11'000);
    QCOMPARE(r.wallet.balance, Won(1'000));
    QCOMPARE(r.wallet.locked, Won(11'000));

    const auto outcome = ServiceFixture::outcomeOf([&] { m_fx->bid(alice, auction, 13'000); });
    QCOMPARE(outcome.code, QStringLiteral("insufficient_funds"));
    QCOMPARE(outcome.details.value("available").toInteger(), 1'000);
    QCOMPARE(m_fx->hold(auction), QStringLiteral("%1 11000").arg(alice));
}

void TstBiddingRules::outbidReleasesPreviousLeadersHold()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"), 100'000);
    const qint64 bob = m_fx->makeUser(QStringLiteral("bob"), 100'000);
    const qint64 auction = m_fx->makeAuction(seller);
    m_fx->bid(alice, auction, 10'000);
    const BidResult r = m_fx->bid(bob, auction, 11'000);
    QVERIFY(r.leading);
    QCOMPARE(r.highBidderId, std::optional<qint64>(bob));

    const Wallet a = m_fx->wallet(alice);
    QCOMPARE(a.balance, Won(100'000));
    QCOMPARE(a.locked, Won(0));
    QCOMPARE(m_fx->ledgerFor(alice, auction),
             (QStringList{QStringLiteral("lock 10000"), QStringLiteral("unlock 10000")}));
    QCOMPARE(m_fx->ledgerFor(bob, auction), QStringList{QStringLiteral("lock 11000")});
    QCOMPARE(m_fx->hold(auction), QStringLiteral("%1 11000").arg(bob));
    QCOMPARE(m_fx->notifications(alice), QStringList{QStringLiteral("outbid")});
    QCOMPARE(m_fx->scalar(QStringLiteral("SELECT count(*) FROM holds")), 1);
}

void TstBiddingRules::bidBeyondAvailableBalanceIsInsufficientFunds()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"), 9'000);
    const qint64 auction = m_fx->makeAuction(seller);
    const auto outcome = ServiceFixture::outcomeOf([&] { m_fx->bid(alice, auction, 10'000); });
    QCOMPARE(outcome.code, QStringLiteral("insufficient_funds"));
    QCOMPARE(outcome.details.value("available").toInteger(), 9'000);
    QVERIFY(m_fx->bids(auction).isEmpty());
    QVERIFY(m_fx->hold(auction).isEmpty());
    QCOMPARE(m_fx->wallet(alice).balance, Won(9'000));
    QCOMPARE(m_fx->auctions.detail(auction).seq, qint64(0));
    QVERIFY(m_fx->notifications(seller).isEmpty());
}

void TstBiddingRules::failedBidCanBeRetriedWithSameRequestId()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"), 9'000);
    const qint64 auction = m_fx->makeAuction(seller);
    const QString rid = QStringLiteral("retry-me");
    QCOMPARE(
        ServiceFixture::codeOf([&] { m_fx->bidding.placeBid(alice, auction, 10'000, std::nullopt, rid); }),
        QStringLiteral("insufficient_funds"));
    m_fx->deposit(alice, 1'000);
    const BidResult r = m_fx->bidding.placeBid(alice, auction, 10'000, std::nullopt, rid);
    QVERIFY(r.leading);
    QCOMPARE(r.wallet.balance, Won(0));
}

void TstBiddingRules::replayedBidReturnsSameResultAndMovesNothingTwice()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"), 100'000);
    const qint64 bob = m_fx->makeUser(QStringLiteral("bob"), 100'000);
    const qint64 auction = m_fx->makeAuction(seller);
    const QString rid = QStringLiteral("bid-1");
    const BidResult first = m_fx->bidding.placeBid(alice, auction, 10'000, std::nullopt, rid);

    // Repeated at once, and again after someone else outbid: the first answer both times.
    for (int round = 0; round < 2; ++round) {
        const BidResult replay = m_fx->bidding.placeBid(alice, auction, 10'000, std::nullopt, rid);
        QCOMPARE(replay.bidId, first.bidId);
        QCOMPARE(replay.auctionId, first.auctionId);
        QCOMPARE(replay.acceptedAmount, first.acceptedAmount);
        QCOMPARE(replay.currentPrice, first.currentPrice);
        QCOMPARE(replay.leading, first.leading);
        QCOMPARE(replay.highBidderId, first.highBidderId);
        QCOMPARE(replay.endsAt, first.endsAt);
        QCOMPARE(replay.seq, first.seq);
        QCOMPARE(replay.wallet.balance, first.wallet.balance);
        QCOMPARE(replay.wallet.locked, first.wallet.locked);
        if (round == 0)
            m_fx->bid(bob, auction, 11'000);
    }
    QCOMPARE(m_fx->bids(auction),
             (QStringList{QStringLiteral("%1 10000").arg(alice), QStringLiteral("%1 11000").arg(bob)}));
    QCOMPARE(m_fx->ledgerFor(alice, auction),
             (QStringList{QStringLiteral("lock 10000"), QStringLiteral("unlock 10000")}));
    QCOMPARE(m_fx->wallet(alice).locked, Won(0));
    QCOMPARE(m_fx->auctions.detail(auction).seq, qint64(2));
}

void TstBiddingRules::requestIdReusedWithOtherParametersIsIdempotencyMismatch()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"), 100'000);
    const qint64 auction = m_fx->makeAuction(seller);
    const qint64 other = m_fx->makeAuction(seller);
    const QString rid = QStringLiteral("bid-1");
    m_fx->bidding.placeBid(alice, auction, 10'000, std::nullopt, rid);

    const auto otherAmount =
        ServiceFixture::outcomeOf([&] { m_fx->bidding.placeBid(alice, auction, 12'000, std::nullopt, rid); });
    QCOMPARE(otherAmount.code, QStringLiteral("idempotency_mismatch"));
    QCOMPARE(otherAmount.details.value("request_id").toString(), rid);
    QCOMPARE(
        ServiceFixture::codeOf([&] { m_fx->bidding.placeBid(alice, auction, 10'000, Won(20'000), rid); }),
        QStringLiteral("idempotency_mismatch"));
    QCOMPARE(ServiceFixture::codeOf([&] { m_fx->bidding.placeBid(alice, other, 10'000, std::nullopt, rid); }),
             QStringLiteral("idempotency_mismatch"));
    QCOMPARE(ServiceFixture::codeOf([&] { m_fx->wallets.deposit(alice, 10'000, rid); }),
             QStringLiteral("idempotency_mismatch"));

    QCOMPARE(m_fx->bids(auction), QStringList{QStringLiteral("%1 10000").arg(alice)});
    QVERIFY(m_fx->bids(other).isEmpty());
    QCOMPARE(m_fx->wallet(alice).balance, Won(90'000));
    QCOMPARE(m_fx->wallet(alice).locked, Won(10'000));
}

void TstBiddingRules::bidWithinSoftCloseExtendsTheEnd()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"), 100'000);
    const qint64 auction = m_fx->makeAuction(seller, 30); // default soft close: 60 s
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const BidResult r = m_fx->bid(alice, auction, 10'000);
    const QDateTime after = QDateTime::currentDateTimeUtc();

    QVERIFY2(r.endsAt >= before.addSecs(60).addMSecs(-1'000) && r.endsAt <= after.addSecs(60).addMSecs(1'000),
             qPrintable(nb::toWireTime(r.endsAt)));
    const auto detail = m_fx->auctions.detail(auction);
    QCOMPARE(detail.summary.endsAt, r.endsAt);
    QCOMPARE(r.seq, qint64(2));
    QCOMPARE(detail.seq, qint64(2));
    QCOMPARE(m_fx->auctionEvents(auction),
             (QStringList{QStringLiteral("1 auction.bid"), QStringLiteral("2 auction.extended")}));
    // The extension is in the outbox too, for live subscribers, with the new end.
    const auto rows =
        m_fx->db().query(QStringLiteral("SELECT payload->>'ends_at', (payload->>'seq')::bigint FROM outbox "
                                        "WHERE auction_id = %1 AND payload->>'type' = 'auction.extended'")
                             .arg(auction));
    QCOMPARE(rows.size(), 1);
    QCOMPARE(QString::fromStdString(rows[0][0].c_str()), nb::toWireTime(r.endsAt));
    QCOMPARE(rows[0][1].as<qint64>(), qint64(2));
}

void TstBiddingRules::bidBeforeSoftCloseDoesNotExtend()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"), 100'000);
    const qint64 auction = m_fx->makeAuction(seller, 120);
    const QDateTime endsAt = m_fx->auctions.detail(auction).summary.endsAt;
    const BidResult r = m_fx->bid(alice, auction, 10'000);
    QCOMPARE(r.endsAt, endsAt);
    QCOMPARE(m_fx->auctions.detail(auction).summary.endsAt, endsAt);
    QCOMPARE(r.seq, qint64(1));
    QCOMPARE(m_fx->auctionEvents(auction), QStringList{QStringLiteral("1 auction.bid")});
    QCOMPARE(m_fx->scalar(
                 QStringLiteral("SELECT count(*) FROM outbox WHERE payload->>'type' = 'auction.extended'")),
             0);
}

void TstBiddingRules::customSoftCloseExtendsByItsOwnLength()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"), 100'000);
    const qint64 auction = m_fx->makeAuction(seller, 90, [](NewAuction& a) { a.softCloseSeconds = 120; });
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const BidResult r = m_fx->bid(alice, auction, 10'000);
    const QDateTime after = QDateTime::currentDateTimeUtc();
    QVERIFY2(r.endsAt >= before.addSecs(120).addMSecs(-1'000) &&
                 r.endsAt <= after.addSecs(120).addMSecs(1'000),
             qPrintable(nb::toWireTime(r.endsAt)));
    QCOMPARE(m_fx->auctionEvents(auction),
             (QStringList{QStringLiteral("1 auction.bid"), QStringLiteral("2 auction.extended")}));
}

void TstBiddingRules::softCloseZeroNeverExtends()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"), 100'000);
    const qint64 auction = m_fx->makeAuction(seller, 30, [](NewAuction& a) { a.softCloseSeconds = 0; });
    const QDateTime endsAt = m_fx->auctions.detail(auction).summary.endsAt;
    QCOMPARE(m_fx->auctions.detail(auction).softCloseSeconds, 0);
    const BidResult r = m_fx->bid(alice, auction, 10'000);
    QCOMPARE(r.endsAt, endsAt);
    QCOMPARE(m_fx->auctionEvents(auction), QStringList{QStringLiteral("1 auction.bid")});
}

void TstBiddingRules::seqGrowsByOnePerEvent()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"), 100'000);
    const qint64 bob = m_fx->makeUser(QStringLiteral("bob"), 100'000);
    const qint64 auction = m_fx->makeAuction(seller);
    QCOMPARE(m_fx->auctions.detail(auction).seq, qint64(0));

    // Each step is one event: a plain bid is one; a bid answered by a proxy is two.
    QCOMPARE(m_fx->bid(alice, auction, 10'000, 30'000).seq, qint64(1));
    QCOMPARE(m_fx->bid(bob, auction, 15'000).seq, qint64(3));
    QCOMPARE(m_fx->bid(bob, auction, 40'000).seq, qint64(5));
    QCOMPARE(m_fx->bid(alice, auction, 42'000).seq, qint64(6));
    QCOMPARE(m_fx->auctions.detail(auction).seq, qint64(6));

    // The replay log holds seq 1..6, once each, every one of them an auction.bid with its seq.
    const auto rows =
        m_fx->db().query(QStringLiteral("SELECT seq, (payload->>'seq')::bigint, payload->>'type' FROM "
                                        "auction_events WHERE auction_id = %1 "
                                        "ORDER BY seq")
                             .arg(auction));
    QCOMPARE(rows.size(), 6);
    for (int i = 0; i < 6; ++i) {
        QCOMPARE(rows[i][0].as<qint64>(), qint64(i + 1));
        QCOMPARE(rows[i][1].as<qint64>(), qint64(i + 1));
        QCOMPARE(QString::fromStdString(rows[i][2].c_str()), QStringLiteral("auction.bid"));
    }
    QCOMPARE(m_fx->scalar(QStringLiteral("SELECT count(*) FROM outbox WHERE auction_id = %1").arg(auction)),
             6);
    QCOMPARE(m_fx->scalar(QStringLiteral("SELECT count(*) FROM bids WHERE auction_id = %1").arg(auction)), 6);
}

void TstBiddingRules::refusedBidLeavesSeqAlone()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"), 100'000);
    const qint64 auction = m_fx->makeAuction(seller);
    m_fx->bid(alice, auction, 10'000);
    expectRefused(alice, auction, 10'500, QStringLiteral("bid_too_low"));
    QCOMPARE(m_fx->auctions.detail(auction).seq, qint64(1));
    QCOMPARE(m_fx->auctionEvents(auction), QStringList{QStringLiteral("1 auction.bid")});
}

void TstBiddingRules::certainlyTooLowBidIsRefusedWithoutTheAuctionLock()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"), 100'000);
    const qint64 bob = m_fx->makeUser(QStringLiteral("bob"), 100'000);
    const qint64 auction = m_fx->makeAuction(seller);
    m_fx->bid(alice, auction, 10'000);

    // Declared before the lock holder: should a check fail, the holder rolls back first and the
    // bids still in flight can finish.
    std::future<nb::test::Outcome> refused;
    std::future<BidResult> accepted;
    // Another transaction holds the auction's row lock (as a bid in flight would).
    pqxx::connection other(m_fx->db().connectionString());
    pqxx::work holder(other);
    holder.exec("SELECT id FROM auctions WHERE id = " + std::to_string(auction) + " FOR UPDATE");

    // Bob's 10,500 is below the committed minimum of 11,000: refused at once, with the minimum.
    refused = std::async(std::launch::async,
                         [&] { return ServiceFixture::outcomeOf([&] { m_fx->bid(bob, auction, 10'500); }); });
    QVERIFY2(refused.wait_for(std::chrono::seconds(5)) == std::future_status::ready,
             "a certainly too low bid waited for the auction's row lock");
    const auto outcome = refused.get();
    QCOMPARE(outcome.code, QStringLiteral("bid_too_low"));
    QCOMPARE(outcome.details.value("min_amount").toInteger(), 11'000);

    // A bid at the minimum needs the lock, and gets it once the other transaction ends.
    accepted = std::async(std::launch::async, [&] { return m_fx->bid(bob, auction, 11'000); });
    QVERIFY(accepted.wait_for(std::chrono::milliseconds(300)) == std::future_status::timeout);
    holder.abort();
    QVERIFY(accepted.wait_for(std::chrono::seconds(10)) == std::future_status::ready);
    QVERIFY(accepted.get().leading);
    QCOMPARE(m_fx->bids(auction),
             (QStringList{QStringLiteral("%1 10000").arg(alice), QStringLiteral("%1 11000").arg(bob)}));
    QCOMPARE(m_fx->wallet(bob).locked, Won(11'000));
}

// Bob's bid passed the first check while Alice's, at the same amount, was committing; in the
// auction's lane it learns what Alice committed and is refused without locking the row (which a
// third transaction holds by then).
void TstBiddingRules::bidQueuedBehindACommitIsRefusedWithoutTheAuctionLock()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"), 100'000);
    const qint64 bob = m_fx->makeUser(QStringLiteral("bob"), 100'000);
    const qint64 auction = m_fx->makeAuction(seller);

    std::promise<void> aliceCommitting;
    std::promise<void> letAliceCommit;
    std::shared_future<void> go = letAliceCommit.get_future().share();
    std::atomic<bool> first{true};
    m_fx->pool().setBeforeCommitHook([&] {
        if (first.exchange(false)) {
            aliceCommitting.set_value();
            go.wait();
        }
    });
    std::future<BidResult> aliceBid;
    std::future<nb::test::Outcome> bobBid;
    std::future<void> locker;
    std::promise<void> releaseLock;
    auto cleanUp = qScopeGuard([&] {
        m_fx->pool().setBeforeCommitHook({});
        if (first.exchange(false) || go.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
            letAliceCommit.set_value();
        releaseLock.set_value();
    });

    aliceBid = std::async(std::launch::async, [&] { return m_fx->bid(alice, auction, 10'000); });
    aliceCommitting.get_future().wait();
    bobBid = std::async(std::launch::async,
                        [&] { return ServiceFixture::outcomeOf([&] { m_fx->bid(bob, auction, 10'000); }); });
    // A third transaction queues for the row lock behind Alice's, and keeps it once she commits.
    const std::string dsn = m_fx->db().connectionString();
    const std::string lockSql =
        "SELECT id FROM auctions WHERE id = " + std::to_string(auction) + " FOR UPDATE";
    std::shared_future<void> release = releaseLock.get_future().share();
    locker = std::async(std::launch::async, [dsn, lockSql, release] {
        pqxx::connection conn(dsn);
        pqxx::work tx(conn);
        tx.exec(lockSql);
        release.wait_for(std::chrono::seconds(20));
    });
    QTest::qWait(300); // Bob waits in the lane, the locker in PostgreSQL's lock queue
    letAliceCommit.set_value();

    QVERIFY(aliceBid.wait_for(std::chrono::seconds(10)) == std::future_status::ready);
    QVERIFY(aliceBid.get().leading);
    QVERIFY2(bobBid.wait_for(std::chrono::seconds(5)) == std::future_status::ready,
             "the bid behind a commit waited for the auction's row lock");
    const auto outcome = bobBid.get();
    QCOMPARE(outcome.code, QStringLiteral("bid_too_low"));
    QCOMPARE(outcome.details.value("min_amount").toInteger(), 11'000);
    QCOMPARE(m_fx->bids(auction), QStringList{QStringLiteral("%1 10000").arg(alice)});
    QCOMPARE(m_fx->wallet(bob).locked, Won(0));
}

// Looks at one auction made at the same moment are combined, and each bid still learns whether
// its own request_id was used before (and the committed state), never another's.
void TstBiddingRules::concurrentFirstLooksAnswerEachBidForItself()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"), 100'000);
    const qint64 auction = m_fx->makeAuction(seller);
    m_fx->bidding.placeBid(alice, auction, 10'000, std::nullopt, QStringLiteral("used-0"));
    m_fx->bidding.placeBid(alice, auction, 11'000, std::nullopt, QStringLiteral("used-1"));

    nb::services::BidGlances glances(m_fx->pool());
    constexpr int kThreads = 24;
    std::vector<std::future<nb::services::BidGlances::Outcome>> looks;
    for (int i = 0; i < kThreads; ++i) {
        // Every third asks about a used request_id (of alice's; of the seller's, the same name is new).
        const QString requestId =
            i % 3 == 0 ? QStringLiteral("used-%1").arg(i % 2) : QStringLiteral("new-%1").arg(i);
        const qint64 user = i % 6 == 3 ? seller : alice;
        looks.push_back(std::async(std::launch::async, [&glances, auction, user, requestId] {
            return glances.look(auction, user, requestId);
        }));
    }
    for (int i = 0; i < kThreads; ++i) {
        const auto outcome = looks[i].get();
        QVERIFY(outcome.auction);
        QCOMPARE(outcome.auction->currentPrice, Won(11'000));
        QCOMPARE(outcome.auction->bidCount, 2);
        const bool used = i % 3 == 0 && i % 6 != 3;
        QVERIFY2(outcome.requestSeen == used, qPrintable(QStringLiteral("look %1").arg(i)));
    }
    QVERIFY(!glances.look(auction + 1000, alice, QStringLiteral("x")).auction);
}

// This service committed every bid of the auction, so it refuses a certainly too low bid from
// memory: it answers while the pool's only connection is taken, where a bid that needs the
// database waits for it.
void TstBiddingRules::tooLowOnAnAuctionWhoseBidsThisInstanceSawNeedsNoDatabase()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"), 100'000);
    const qint64 bob = m_fx->makeUser(QStringLiteral("bob"), 100'000);
    const qint64 auction = m_fx->makeAuction(seller);
    nb::storage::ConnectionPool onePool(m_fx->db().connectionString(), 1);
    nb::services::BiddingService bidding(onePool);
    bidding.placeBid(alice, auction, 10'000, std::nullopt, ServiceFixture::newRequestId());

    std::future<nb::test::Outcome> refused;
    std::future<BidResult> accepted;
    std::optional<nb::storage::ConnectionPool::Lease> taken(onePool.acquire());
    auto release = qScopeGuard([&] { taken.reset(); });
    refused = std::async(std::launch::async, [&] {
        return ServiceFixture::outcomeOf(
            [&] { bidding.placeBid(bob, auction, 10'500, std::nullopt, ServiceFixture::newRequestId()); });
    });
    QVERIFY2(refused.wait_for(std::chrono::seconds(3)) == std::future_status::ready,
             "a certainly too low bid waited for a database connection");
    const auto outcome = refused.get();
    QCOMPARE(outcome.code, QStringLiteral("bid_too_low"));
    QCOMPARE(outcome.details.value("min_amount").toInteger(), 11'000);
    accepted = std::async(std::launch::async, [&] {
        return bidding.placeBid(bob, auction, 11'000, std::nullopt, ServiceFixture::newRequestId());
    });
    QVERIFY(accepted.wait_for(std::chrono::milliseconds(300)) == std::future_status::timeout);
    taken.reset();
    QVERIFY(accepted.wait_for(std::chrono::seconds(10)) == std::future_status::ready);
    QVERIFY(accepted.get().leading);
    QCOMPARE(m_fx->bids(auction),
             (QStringList{QStringLiteral("%1 10000").arg(alice), QStringLiteral("%1 11000").arg(bob)}));
}

// Two instances bid on one auction. Bob's bid went through the other one, so this one has not
// seen every accepted bid any more: when Bob repeats his request here, now below the price, he
// gets his first answer, not a refusal.
void TstBiddingRules::bidsCommittedByAnotherInstanceSendTheBoardBackToTheDatabase()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"), 100'000);
    const qint64 bob = m_fx->makeUser(QStringLiteral("bob"), 100'000);
    const qint64 carol = m_fx->makeUser(QStringLiteral("carol"), 100'000);
    const qint64 auction = m_fx->makeAuction(seller);
    nb::storage::ConnectionPool otherPool(m_fx->db().connectionString(), 2);
    nb::services::BiddingService other(otherPool);

    m_fx->bidding.placeBid(alice, auction, 10'000, std::nullopt, ServiceFixture::newRequestId());
    const QString bobsRequest = ServiceFixture::newRequestId();
    const BidResult bobs = other.placeBid(bob, auction, 11'000, std::nullopt, bobsRequest);
    m_fx->bidding.placeBid(carol, auction, 12'000, std::nullopt, ServiceFixture::newRequestId());

    const BidResult repeated = m_fx->bidding.placeBid(bob, auction, 11'000, std::nullopt, bobsRequest);
    QCOMPARE(repeated.bidId, bobs.bidId);
    QCOMPARE(repeated.currentPrice, Won(11'000));
    QVERIFY(repeated.leading);
    // A new request at that amount is refused, with the minimum of the newest state.
    const auto low = ServiceFixture::outcomeOf(
        [&] { m_fx->bidding.placeBid(bob, auction, 11'000, std::nullopt, ServiceFixture::newRequestId()); });
    QCOMPARE(low.code, QStringLiteral("bid_too_low"));
    QCOMPARE(low.details.value("min_amount").toInteger(), 13'000);
    QCOMPARE(m_fx->bids(auction).size(), 3);
}

// A server that starts again meets auctions with bids it never saw. Its board bounds them (none
// was above the leader's maximum then): a bid too low above that bound is refused from memory,
// while the pool's only connection is taken; a repeat of an earlier request, at or below the
// bound, still gets its first answer from the database.
void TstBiddingRules::theBoardBoundsTheBidsItNeverSaw()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"), 100'000);
    const qint64 bob = m_fx->makeUser(QStringLiteral("bob"), 100'000);
    const qint64 carol = m_fx->makeUser(QStringLiteral("carol"), 100'000);
    const qint64 dave = m_fx->makeUser(QStringLiteral("dave"), 100'000);
    const qint64 auction = m_fx->makeAuction(seller);
    // Before the restart.
    m_fx->bidding.placeBid(alice, auction, 10'000, std::nullopt, ServiceFixture::newRequestId());
    const QString bobsRequest = ServiceFixture::newRequestId();
    const BidResult bobs = m_fx->bidding.placeBid(bob, auction, 11'000, std::nullopt, bobsRequest);

    nb::storage::ConnectionPool onePool(m_fx->db().connectionString(), 1);
    nb::services::BiddingService restarted(onePool);
    QVERIFY(restarted.placeBid(carol, auction, 12'000, std::nullopt, ServiceFixture::newRequestId()).leading);

    std::optional<nb::storage::ConnectionPool::Lease> taken(onePool.acquire());
    auto release = qScopeGuard([&] { taken.reset(); });
    auto refused = std::async(std::launch::async, [&] {
        return ServiceFixture::outcomeOf(
            [&] { restarted.placeBid(dave, auction, 12'500, std::nullopt, ServiceFixture::newRequestId()); });
    });
    QVERIFY2(refused.wait_for(std::chrono::seconds(3)) == std::future_status::ready,
             "a bid too low above every bid the board never saw waited for a database connection");
    const auto outcome = refused.get();
    QCOMPARE(outcome.code, QStringLiteral("bid_too_low"));
    QCOMPARE(outcome.details.value("min_amount").toInteger(), 13'000);

    auto repeated = std::async(std::launch::async, [&] {
        return restarted.placeBid(bob, auction, 11'000, std::nullopt, bobsRequest);
    });
    QVERIFY2(repeated.wait_for(std::chrono::milliseconds(300)) == std::future_status::timeout,
             "a repeat at the bound was answered without the database");
    taken.reset();
    QVERIFY(repeated.wait_for(std::chrono::seconds(10)) == std::future_status::ready);
    const BidResult first = repeated.get();
    QCOMPARE(first.bidId, bobs.bidId);
    QVERIFY(first.leading);
    QCOMPARE(m_fx->bids(auction).size(), 3);
    QCOMPARE(m_fx->wallet(dave).locked, Won(0));
}

// For a thread that serves sockets, with nothing thrown and nothing waited for: a bad request or
// a bid the board knows too low is refused; one that can win takes the free turn of its lane.
void TstBiddingRules::admitDecidesAtOnceWhatNeedsNoDatabase()
{
    using Admission = nb::services::BiddingService::Admission;
    const auto [alice, bob, auction] = aliceLeadsAt10000();
    nb::services::BiddingService& bidding = m_fx->bidding;
    int laterCalls = 0;
    const auto later = [&laterCalls](const Admission&) { ++laterCalls; };

    const auto low = bidding.admit(bob, auction, 10'500, std::nullopt, ServiceFixture::newRequestId(), later);
    QVERIFY(low && low->refusal && !low->turn);
    QCOMPARE(low->refusal->code, nb::ErrorCode::BidTooLow);
    QCOMPARE(low->refusal->details.value("min_amount").toInteger(), 11'000);
    const auto bad = bidding.admit(bob, auction, 11'000, std::nullopt, QStringLiteral("not valid"), later);
    QVERIFY(bad && bad->refusal && bad->refusal->code == nb::ErrorCode::BadRequest);
    auto plausible = bidding.admit(bob, auction, 11'000, std::nullopt, ServiceFixture::newRequestId(), later);
    QVERIFY(plausible && !plausible->refusal && plausible->turn);
    plausible.reset(); // the turn passes on unused
    // An auction the board does not know is for placeBid() and its first look.
    const qint64 unseen = m_fx->makeAuction(m_fx->makeUser(QStringLiteral("another_seller")));
    const auto unknown =
        bidding.admit(bob, unseen, 10'000, std::nullopt, ServiceFixture::newRequestId(), later);
    QVERIFY(unknown && !unknown->refusal && !unknown->turn);
    QCOMPARE(laterCalls, 0);
    QCOMPARE(m_fx->bids(auction), QStringList{QStringLiteral("%1 10000").arg(alice)});
}

// Bob holds the auction's turn; Carol and Dave wait behind him at his amount, Erin above it, and
// Frank at his amount behind her. When Bob's bid commits, Carol and Dave are refused together
// and Erin gets the turn in the same moment; Frank hears only once Erin's bid committed.
void TstBiddingRules::bidsWaitingInTheLaneHearTogetherWhenTheBidAheadCommits()
{
    using Admission = nb::services::BiddingService::Admission;
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    QHash<QString, qint64> ids;
    for (const char* name : {"alice", "bob", "carol", "dave", "erin", "frank"})
        ids.insert(QString::fromLatin1(name), m_fx->makeUser(QString::fromLatin1(name), 100'000));
    const qint64 auction = m_fx->makeAuction(seller);
    nb::services::BiddingService& bidding = m_fx->bidding;
    bidding.placeBid(ids["alice"], auction, 10'000, std::nullopt, ServiceFixture::newRequestId());

    QHash<QString, std::optional<Admission>> heard;
    const auto enter = [&](const QString& who, Won amount) {
        const QString request = ServiceFixture::newRequestId();
        auto now = bidding.admit(ids[who], auction, amount, std::nullopt, request,
                                 [&heard, who](Admission a) { heard[who] = std::move(a); });
        return std::make_pair(std::move(now), request);
    };
    auto [bobs, bobsRequest] = enter(QStringLiteral("bob"), 11'000);
    QVERIFY(bobs && bobs->turn);
    const std::pair<const char*, Won> behindBob[] = {{"carol", 11'000}, {"dave", 11'000}, {"erin", 12'000}};
    for (const auto& [who, amount] : behindBob)
        QVERIFY2(!enter(QString::fromLatin1(who), amount).first, who); // waiting
    auto [franks, franksRequest] = enter(QStringLiteral("frank"), 11'000);
    QVERIFY(!franks);
    QVERIFY(heard.isEmpty());

    const BidResult bob =
        bidding.placeBid(ids["bob"], auction, 11'000, std::nullopt, bobsRequest, std::move(bobs->turn));
    QVERIFY(bob.leading);
    for (const char* who : {"carol", "dave"}) {
        const std::optional<Admission>& a = heard.value(QString::fromLatin1(who));
        QVERIFY2(a && a->refusal && !a->turn, who);
        QCOMPARE(a->refusal->code, nb::ErrorCode::BidTooLow);
        QCOMPARE(a->refusal->details.value("min_amount").toInteger(), 12'000);
    }
    std::optional<Admission> erin = heard.take(QStringLiteral("erin"));
    QVERIFY(erin && !erin->refusal && erin->turn);
    QVERIFY(!heard.contains(QStringLiteral("frank")));

    const BidResult erins = bidding.placeBid(ids["erin"], auction, 12'000, std::nullopt,
                                             ServiceFixture::newRequestId(), std::move(erin->turn));
    QVERIFY(erins.leading);
    const std::optional<Admission>& frank = heard.value(QStringLiteral("frank"));
    QVERIFY(frank && frank->refusal);
    QCOMPARE(frank->refusal->details.value("min_amount").toInteger(), 13'000);
    QCOMPARE(m_fx->bids(auction), (QStringList{QStringLiteral("%1 10000").arg(ids["alice"]),
                                               QStringLiteral("%1 11000").arg(ids["bob"]),
                                               QStringLiteral("%1 12000").arg(ids["erin"])}));
    QCOMPARE(m_fx->wallet(ids["carol"]).locked, Won(0));
    QCOMPARE(m_fx->wallet(ids["frank"]).locked, Won(0));
}

// Bob sent the same request twice; the copy waits in the lane behind the first. Once the first
// committed, the copy is below the price, but it is not refused: it goes on to the first answer.
void TstBiddingRules::aRepeatWaitingBehindItsFirstRequestGetsItsFirstAnswer()
{
    using Admission = nb::services::BiddingService::Admission;
    const auto [alice, bob, auction] = aliceLeadsAt10000();
    nb::services::BiddingService& bidding = m_fx->bidding;

    const QString request = ServiceFixture::newRequestId();
    std::optional<Admission> copy;
    const auto hear = [&copy](Admission a) { copy = std::move(a); };
    auto first = bidding.admit(bob, auction, 11'000, std::nullopt, request, hear);
    QVERIFY(first && first->turn);
    QVERIFY(!bidding.admit(bob, auction, 11'000, std::nullopt, request, hear));
    const BidResult answer =
        bidding.placeBid(bob, auction, 11'000, std::nullopt, request, std::move(first->turn));

    QVERIFY(copy && !copy->refusal && !copy->turn); // for placeBid() and the database
    const BidResult repeated = bidding.placeBid(bob, auction, 11'000, std::nullopt, request);
    QCOMPARE(repeated.bidId, answer.bidId);
    QVERIFY(repeated.leading);
    QCOMPARE(m_fx->bids(auction).size(), 2);
    QCOMPARE(m_fx->wallet(bob).locked, Won(11'000));
}

QTEST_GUILESS_MAIN(TstBiddingRules)
#include "tst_bidding_rules.moc"
