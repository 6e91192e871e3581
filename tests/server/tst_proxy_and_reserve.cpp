// RULES.md "Proxy bidding" and "Reserve price" (services/BidRules.cpp), with the escrow moves.
#include "tests/server/ServiceFixture.h"

#include <QTest>

#include <memory>

using nb::AuctionDetail;
using nb::AuctionStatus;
using nb::BidResult;
using nb::EndReason;
using nb::NewAuction;
using nb::Won;
using nb::test::ServiceFixture;

class TstProxyAndReserve : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void maxBidHoldsTheMaximumAtTheBidPrice();
    void lowerCompetingBidIsAnsweredByProxyOneIncrementOver();
    void proxyAnswerIsCappedAtTheMaximum();
    void competingBidderMustBeAbleToHoldItsBid();
    void higherMaximumLeadsAtLowerMaximumPlusIncrement();
    void priceIsCappedAtTheHigherMaximum();
    void equalMaximaLeaveTheEarlierBidderLeading();
    void winnerGetsTheUnusedPartOfTheMaximumBack();
    void auctionBelowReserveEndsUnsold();
    void bidMeetingTheReserveLiftsThePriceToIt();
    void competingMaximumMeetingTheReserveLiftsThePriceToIt();
    void maximumBelowReserveLeavesThePriceAtTheBid();
    void reserveMetIsReportedInDetail();
    void reserveAmountIsShownOnlyToTheSeller();
    void buyNowStaysAvailableUntilTheReserveIsMet();
    void buyNowLapsesOnceTheReserveIsMet();

private:
    std::unique_ptr<ServiceFixture> m_fx;
};

void TstProxyAndReserve::initTestCase()
{
    m_fx = std::make_unique<ServiceFixture>();
}

void TstProxyAndReserve::init()
{
    m_fx->reset();
}

void TstProxyAndReserve::cleanup()
{
    NB_VERIFY_LEDGER(*m_fx);
}

void TstProxyAndReserve::cleanupTestCase()
{
    m_fx.reset();
}

void TstProxyAndReserve::maxBidHoldsTheMaximumAtTheBidPrice()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"), 100'000);
    const qint64 id = m_fx->makeAuction(seller);
    const BidResult r = m_fx->bid(alice, id, 10'000, 50'000);
    QVERIFY(r.leading);
    QCOMPARE(r.currentPrice, Won(10'000));
    QCOMPARE(r.wallet.balance, Won(50'000));
    QCOMPARE(r.wallet.locked, Won(50'000));
    QCOMPARE(m_fx->ledgerFor(alice, id), QStringList{QStringLiteral("lock 50000")});
    QCOMPARE(m_fx->hold(id), QStringLiteral("%1 50000").arg(alice));
    QCOMPARE(m_fx->auctions.detail(id).summary.currentPrice, Won(10'000));
    QCOMPARE(m_fx->scalar(QStringLiteral("SELECT max_amount FROM bids WHERE auction_id = %1").arg(id)),
             50'000);
}

void TstProxyAndReserve::lowerCompetingBidIsAnsweredByProxyOneIncrementOver()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"), 100'000);
    const qint64 bob = m_fx->makeUser(QStringLiteral("bob"), 100'000);
    const qint64 id = m_fx->makeAuction(seller);
    m_fx->bid(alice, id, 10'000, 50'000);

    const BidResult r = m_fx->bid(bob, id, 20'000);
    QVERIFY(!r.leading);
    QCOMPARE(r.highBidderId, std::optional<qint64>(alice));
    QCOMPARE(r.currentPrice, Won(21'000));
    QCOMPARE(r.wallet.locked, Won(0));
    QCOMPARE(m_fx->bids(id),
             (QStringList{QStringLiteral("%1 10000").arg(alice), QStringLiteral("%1 20000").arg(bob),
                          QStringLiteral("%1 21000 proxy").arg(alice)}));
    // No money moved for the loser; the leader's hold is still the maximum.
    QVERIFY(m_fx->ledgerFor(bob, id).isEmpty());
    QCOMPARE(m_fx->ledgerFor(alice, id), QStringList{QStringLiteral("lock 50000")});
    QCOMPARE(m_fx->hold(id), QStringLiteral("%1 50000").arg(alice));
    const AuctionDetail d = m_fx->auctions.detail(id);
    QCOMPARE(d.summary.currentPrice, Won(21'000));
    QCOMPARE(d.summary.bidCount, 3);
    QCOMPARE(d.minNextBid, Won(22'000));
    QCOMPARE(m_fx->auctionEvents(id),
             (QStringList{QStringLiteral("1 auction.bid"), QStringLiteral("2 auction.bid"),
                          QStringLiteral("3 auction.bid")}));
    QCOMPARE(m_fx->notifications(bob), QStringList{QStringLiteral("outbid")});
}

void TstProxyAndReserve::proxyAnswerIsCappedAtTheMaximum()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"), 100'000);
    const qint64 bob = m_fx->makeUser(QStringLiteral("bob"), 100'000);
    const qint64 id = m_fx->makeAuction(seller);
    m_fx->bid(alice, id, 10'000, 20'500);
    const BidResult r = m_fx->bid(bob, id, 20'000);
    QVERIFY(!r.leading);
    QCOMPARE(r.currentPrice, Won(20'500));
    QCOMPARE(m_fx->bids(id).last(), QStringLiteral("%1 20500 proxy").arg(alice));
    QCOMPARE(m_fx->hold(id), QStringLiteral("%1 20500").arg(alice));
}

void TstProxyAndReserve::competingBidderMustBeAbleToHoldItsBid()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"), 100'000);
    const qint64 bob = m_fx->makeUser(QStringLiteral("bob"), 15'000);
    const qint64 id = m_fx->makeAuction(seller);
    m_fx->bid(alice, id, 10'000, 50'000);
    // Bob would be outbid at once, but a bid is accepted only if its bidder could hold it.
    const auto outcome = ServiceFixture::outcomeOf([&] { m_fx->bid(bob, id, 20'000); });
    QCOMPARE(outcome.code, QStringLiteral("insufficient_funds"));
    QCOMPARE(outcome.details.value("available").toInteger(), 15'000);
    QCOMPARE(m_fx->bids(id).size(), 1);
    QCOMPARE(m_fx->auctions.detail(id).summary.currentPrice, Won(10'000));
}

void TstProxyAndReserve::higherMaximumLeadsAtLowerMaximumPlusIncrement()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"), 100'000);
    const qint64 bob = m_fx->makeUser(QStringLiteral("bob"), 100'000);
    const qint64 id = m_fx->makeAuction(seller);
    m_fx->bid(alice, id, 10'000, 50'000);

    const BidResult r = m_fx->bid(bob, id, 11'000, 80'000);
    QVERIFY(r.leading);
    // 50,000 + the increment at 50,000 (2,000).
    QCOMPARE(r.currentPrice, Won(52'000));
    QCOMPARE(r.acceptedAmount, Won(52'000));
    QCOMPARE(r.wallet.locked, Won(80'000));
    QCOMPARE(m_fx->bids(id),
             (QStringList{QStringLiteral("%1 10000").arg(alice), QStringLiteral("%1 50000 proxy").arg(alice),
                          QStringLiteral("%1 52000").arg(bob)}));
    QCOMPARE(m_fx->ledgerFor(alice, id),
             (QStringList{QStringLiteral("lock 50000"), QStringLiteral("unlock 50000")}));
    QCOMPARE(m_fx->wallet(alice).locked, Won(0));
    QCOMPARE(m_fx->hold(id), QStringLiteral("%1 80000").arg(bob));
    QCOMPARE(m_fx->auctions.detail(id).seq, qint64(3));
}

void TstProxyAndReserve::priceIsCappedAtTheHigherMaximum()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"), 100'000);
    const qint64 bob = m_fx->makeUser(QStringLiteral("bob"), 200'000);
    const qint64 id = m_fx->makeAuction(seller);
    m_fx->bid(alice, id, 10'000, 50'000);
    const BidResult r = m_fx->bid(bob, id, 11'000, 51'000);
    QVERIFY(r.leading);
    QCOMPARE(r.currentPrice, Won(51'000));
    QCOMPARE(m_fx->hold(id), QStringLiteral("%1 51000").arg(bob));

    // The same the other way round: the leader's higher maximum answers, capped at itself.
    const qint64 other = m_fx->makeAuction(seller);
    m_fx->bid(bob, other, 10'000, 51'000);
    const BidResult answered = m_fx->bid(alice, other, 11'000, 50'000);
    QVERIFY(!answered.leading);
    QCOMPARE(answered.currentPrice, Won(51'000));
    QCOMPARE(m_fx->bids(other).last(), QStringLiteral("%1 51000 proxy").arg(bob));
}

void TstProxyAndReserve::equalMaximaLeaveTheEarlierBidderLeading()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"), 100'000);
    const qint64 bob = m_fx->makeUser(QStringLiteral("bob"), 100'000);
    const qint64 id = m_fx->makeAuction(seller);
    m_fx->bid(alice, id, 10'000, 50'000);
    const BidResult r = m_fx->bid(bob, id, 11'000, 50'000);
    QVERIFY(!r.leading);
    QCOMPARE(r.highBidderId, std::optional<qint64>(alice));
    QCOMPARE(r.currentPrice, Won(50'000));
    QCOMPARE(m_fx->hold(id), QStringLiteral("%1 50000").arg(alice));
    QCOMPARE(m_fx->wallet(bob).locked, Won(0));
    QCOMPARE(m_fx->auctions.detail(id).summary.highBidderId, std::optional<qint64>(alice));
}

void TstProxyAndReserve::winnerGetsTheUnusedPartOfTheMaximumBack()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"), 100'000);
    const qint64 bob = m_fx->makeUser(QStringLiteral("bob"), 100'000);
    const qint64 id = m_fx->makeAuction(seller);
    m_fx->bid(alice, id, 10'000, 50'000);
    m_fx->bid(bob, id, 20'000);
    m_fx->makeOverdue(id);
    QCOMPARE(m_fx->settlement.settleDue(), 1);

    QCOMPARE(m_fx->auctions.detail(id).finalPrice, std::optional<Won>(21'000));
    QCOMPARE(m_fx->ledgerFor(alice, id),
             (QStringList{QStringLiteral("lock 50000"), QStringLiteral("settle_pay 21000"),
                          QStringLiteral("unlock 29000")}));
    QCOMPARE(m_fx->wallet(alice).balance, Won(79'000));
    QCOMPARE(m_fx->wallet(alice).locked, Won(0));
    QCOMPARE(m_fx->wallet(seller).balance, Won(21'000));
    QCOMPARE(m_fx->wallet(bob).balance, Won(100'000));
}

void TstProxyAndReserve::auctionBelowReserveEndsUnsold()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"), 100'000);
    const qint64 id = m_fx->makeAuction(seller, 3600, [](NewAuction& a) { a.reservePrice = 80'000; });
    m_fx->bid(alice, id, 10'000, 50'000);
    m_fx->makeOverdue(id);
    QCOMPARE(m_fx->settlement.settleDue(), 1);

    const AuctionDetail d = m_fx->auctions.detail(id);
    QCOMPARE(d.summary.status, AuctionStatus::Ended);
    QCOMPARE(d.endReason, std::optional<EndReason>(EndReason::Time));
    QVERIFY(!d.winner);
    QVERIFY(!d.finalPrice);
    QCOMPARE(d.reserveMet, std::optional<bool>(false));
    QCOMPARE(m_fx->ledgerFor(alice, id),
             (QStringList{QStringLiteral("lock 50000"), QStringLiteral("unlock 50000")}));
    QVERIFY(m_fx->ledgerFor(seller, id).isEmpty());
    QCOMPARE(m_fx->wallet(alice).balance, Won(100'000));
    QCOMPARE(m_fx->wallet(alice).locked, Won(0));
    QVERIFY(m_fx->hold(id).isEmpty());
    QCOMPARE(m_fx->notifications(alice), QStringList{QStringLiteral("ended_unsold")});
    QCOMPARE(m_fx->notifications(seller),
             (QStringList{QStringLiteral("new_bid"), QStringLiteral("ended_unsold")}));
    QCOMPARE(m_fx->scalar(
                 QStringLiteral("SELECT count(*) FROM auction_events WHERE auction_id = %1 AND "
                                "payload->>'type' = 'auction.ended' AND payload->'winner' = 'null'::jsonb "
                                "AND (payload->>'reserve_met')::boolean = false")
                     .arg(id)),
             1);
}

void TstProxyAndReserve::bidMeetingTheReserveLiftsThePriceToIt()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"), 150'000);
    const qint64 id = m_fx->makeAuction(seller, 3600, [](NewAuction& a) { a.reservePrice = 80'000; });
    const BidResult r = m_fx->bid(alice, id, 10'000, 100'000);
    QVERIFY(r.leading);
    QCOMPARE(r.currentPrice, Won(80'000));
    QCOMPARE(r.wallet.locked, Won(100'000));
    QCOMPARE(m_fx->auctions.detail(id).reserveMet, std::optional<bool>(true));

    m_fx->makeOverdue(id);
    QCOMPARE(m_fx->settlement.settleDue(), 1);
    const AuctionDetail d = m_fx->auctions.detail(id);
    QVERIFY(d.winner);
    QCOMPARE(d.winner->id, alice);
    QCOMPARE(d.finalPrice, std::optional<Won>(80'000));
    QCOMPARE(m_fx->ledgerFor(alice, id),
             (QStringList{QStringLiteral("lock 100000"), QStringLiteral("settle_pay 80000"),
                          QStringLiteral("unlock 20000")}));
    QCOMPARE(m_fx->ledgerFor(seller, id), QStringList{QStringLiteral("settle_receive 80000")});
}

void TstProxyAndReserve::competingMaximumMeetingTheReserveLiftsThePriceToIt()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"), 150'000);
    const qint64 bob = m_fx->makeUser(QStringLiteral("bob"), 150'000);
    const qint64 id = m_fx->makeAuction(seller, 3600, [](NewAuction& a) { a.reservePrice = 80'000; });
    m_fx->bid(alice, id, 10'000, 50'000);
    QCOMPARE(m_fx->auctions.detail(id).reserveMet, std::optional<bool>(false));
    // 52,000 by the proxy rule, lifted to the reserve because Bob's maximum allows it.
    const BidResult r = m_fx->bid(bob, id, 20'000, 90'000);
    QVERIFY(r.leading);
    QCOMPARE(r.currentPrice, Won(80'000));
    QCOMPARE(m_fx->auctions.detail(id).reserveMet, std::optional<bool>(true));
    QCOMPARE(m_fx->hold(id), QStringLiteral("%1 90000").arg(bob));
}

void TstProxyAndReserve::maximumBelowReserveLeavesThePriceAtTheBid()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"), 100'000);
    const qint64 id = m_fx->makeAuction(seller, 3600, [](NewAuction& a) { a.reservePrice = 80'000; });
    const BidResult r = m_fx->bid(alice, id, 10'000, 79'999);
    QCOMPARE(r.currentPrice, Won(10'000));
    QCOMPARE(r.wallet.locked, Won(79'999));
    QCOMPARE(m_fx->auctions.detail(id).reserveMet, std::optional<bool>(false));
}

void TstProxyAndReserve::reserveMetIsReportedInDetail()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"), 100'000);
    const qint64 id = m_fx->makeAuction(seller, 3600, [](NewAuction& a) { a.reservePrice = 30'000; });
    const qint64 plain = m_fx->makeAuction(seller);
    QCOMPARE(m_fx->auctions.detail(id).reserveMet, std::optional<bool>(false));
    QVERIFY(!m_fx->auctions.detail(plain).reserveMet); // no reserve: the field is absent

    m_fx->bid(alice, id, 10'000);
    QCOMPARE(m_fx->auctions.detail(id).reserveMet, std::optional<bool>(false));
    m_fx->bid(alice, id, 30'000);
    QCOMPARE(m_fx->auctions.detail(id).reserveMet, std::optional<bool>(true));
    QCOMPARE(m_fx->auctions.detail(id, alice).reserveMet, std::optional<bool>(true));
}

void TstProxyAndReserve::reserveAmountIsShownOnlyToTheSeller()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"));
    NewAuction spec = ServiceFixture::auctionSpec(3600);
    spec.reservePrice = 80'000;
    QCOMPARE(m_fx->auctions.create(seller, spec).reservePrice, std::optional<Won>(80'000));
    const qint64 id = m_fx->makeAuction(seller, 3600, [](NewAuction& a) { a.reservePrice = 80'000; });
    QCOMPARE(m_fx->auctions.detail(id, seller).reservePrice, std::optional<Won>(80'000));
    QVERIFY(!m_fx->auctions.detail(id, alice).reservePrice);
    QVERIFY(!m_fx->auctions.detail(id).reservePrice);
    QVERIFY(m_fx->auctions.detail(id, alice).reserveMet.has_value());
}

void TstProxyAndReserve::buyNowStaysAvailableUntilTheReserveIsMet()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"), 100'000);
    const qint64 buyer = m_fx->makeUser(QStringLiteral("buyer"), 200'000);
    const qint64 id = m_fx->makeAuction(seller, 3600, [](NewAuction& a) {
        a.reservePrice = 80'000;
        a.buyNowPrice = 150'000;
    });
    m_fx->bid(alice, id, 10'000, 50'000);
    QVERIFY(m_fx->auctions.detail(id).summary.buyNowPrice);

    const AuctionDetail d = m_fx->bidding.buyNow(buyer, id, QStringLiteral("buy-1"));
    QCOMPARE(d.summary.status, AuctionStatus::Ended);
    QCOMPARE(d.endReason, std::optional<EndReason>(EndReason::BuyNow));
    QVERIFY(d.winner);
    QCOMPARE(d.winner->id, buyer);
    QCOMPARE(d.finalPrice, std::optional<Won>(150'000));
    // The leader below the reserve gets the whole hold back; the buyer pays the seller.
    QCOMPARE(m_fx->ledgerFor(alice, id),
             (QStringList{QStringLiteral("lock 50000"), QStringLiteral("unlock 50000")}));
    QCOMPARE(m_fx->wallet(alice).balance, Won(100'000));
    QCOMPARE(m_fx->ledgerFor(buyer, id), QStringList{QStringLiteral("buy_now_pay 150000")});
    QCOMPARE(m_fx->ledgerFor(seller, id), QStringList{QStringLiteral("settle_receive 150000")});
    QVERIFY(m_fx->hold(id).isEmpty());
    QVERIFY(m_fx->notifications(alice).contains(QStringLiteral("outbid")));
}

void TstProxyAndReserve::buyNowLapsesOnceTheReserveIsMet()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"), 100'000);
    const qint64 buyer = m_fx->makeUser(QStringLiteral("buyer"), 200'000);
    const qint64 id = m_fx->makeAuction(seller, 3600, [](NewAuction& a) {
        a.reservePrice = 80'000;
        a.buyNowPrice = 150'000;
    });
    m_fx->bid(alice, id, 80'000);
    QCOMPARE(ServiceFixture::codeOf([&] { m_fx->bidding.buyNow(buyer, id, QStringLiteral("buy-1")); }),
             QStringLiteral("buy_now_unavailable"));
    QCOMPARE(m_fx->wallet(buyer).balance, Won(200'000));
    QCOMPARE(m_fx->hold(id), QStringLiteral("%1 80000").arg(alice));
    QCOMPARE(m_fx->auctions.detail(id).summary.status, AuctionStatus::Active);
}

QTEST_GUILESS_MAIN(TstProxyAndReserve)
#include "tst_proxy_and_reserve.moc"
