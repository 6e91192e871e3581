// RULES.md "Auctions" (listing, scheduling, cancelling) and "Buy now".
#include "tests/server/ServiceFixture.h"

#include <QTest>

#include <functional>
#include <memory>

using nb::AuctionDetail;
using nb::AuctionStatus;
using nb::EndReason;
using nb::NewAuction;
using nb::Won;
using nb::test::ServiceFixture;

class TstAuctionRules : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void newAuctionIsActiveInTheSellersRegion();
    void explicitRegionIsKept();
    void invalidFieldIsBadRequestNamingIt();
    void longestTitleIsAccepted();
    void thirtyDaysIsTheLongestAuction();
    void futureStartIsScheduled();
    void startInThePastMeansNow();
    void sellerCancelsAuctionWithoutBids();
    void cancelWithBidsIsConflict();
    void cancelByAnotherUserIsForbidden();
    void cancelTwiceIsConflict();
    void cancelUnknownAuctionIsNotFound();
    void unknownAuctionDetailIsNotFound();

    void buyNowPaysSellerFromBalanceAtOnce();
    void buyNowRefusedAfterABid();
    void buyNowRefusedWithoutBuyNowPrice();
    void buyNowWithoutEnoughBalanceIsInsufficientFunds();
    void sellerCannotBuyNow();
    void buyNowOnEndedAuctionIsNotActive();
    void replayedBuyNowPaysOnce();

private:
    std::unique_ptr<ServiceFixture> m_fx;
};

void TstAuctionRules::initTestCase()
{
    m_fx = std::make_unique<ServiceFixture>();
}

void TstAuctionRules::init()
{
    m_fx->reset();
}

void TstAuctionRules::cleanup()
{
    NB_VERIFY_LEDGER(*m_fx);
}

void TstAuctionRules::cleanupTestCase()
{
    m_fx.reset();
}

void TstAuctionRules::newAuctionIsActiveInTheSellersRegion()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    NewAuction spec = ServiceFixture::auctionSpec(3600);
    spec.title = QStringLiteral("  Camera  ");
    const AuctionDetail d = m_fx->auctions.create(seller, spec);
    QVERIFY(d.summary.id > 0);
    QCOMPARE(d.summary.status, AuctionStatus::Active);
    QCOMPARE(d.summary.title, QStringLiteral("Camera"));
    QCOMPARE(d.summary.seller.id, seller);
    QCOMPARE(d.summary.region.id, qint64(11));
    QCOMPARE(d.summary.category, QStringLiteral("electronics"));
    QCOMPARE(d.summary.startPrice, Won(10'000));
    QCOMPARE(d.summary.currentPrice, Won(10'000));
    QCOMPARE(d.summary.bidCount, 0);
    QVERIFY(!d.summary.highBidderId);
    QCOMPARE(d.minNextBid, Won(10'000));
    QCOMPARE(d.softCloseSeconds, 60);
    QCOMPARE(d.seq, qint64(0));
    QVERIFY(!d.reserveMet);
    QVERIFY(!d.winner);
    QVERIFY(!d.endReason);
    QVERIFY(qAbs(d.summary.endsAt.msecsTo(spec.endsAt)) <= 1);
    QVERIFY(qAbs(d.summary.startsAt.msecsTo(QDateTime::currentDateTimeUtc())) < 10'000);
    QVERIFY(m_fx->auctionEvents(d.summary.id).isEmpty());
}

void TstAuctionRules::explicitRegionIsKept()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const qint64 id = m_fx->makeAuction(seller, 3600, [](NewAuction& a) { a.regionId = 26; });
    QCOMPARE(m_fx->auctions.detail(id).summary.region.id, qint64(26));
}

void TstAuctionRules::invalidFieldIsBadRequestNamingIt()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    struct Case {
        const char* name;
        const char* field;
        std::function<void(NewAuction&)> spoil;
    };
    const Case cases[] = {
        {"empty title", "title", [](NewAuction& a) { a.title.clear(); }},
        {"blank title", "title", [](NewAuction& a) { a.title = QStringLiteral("   "); }},
        {"title over 100", "title", [](NewAuction& a) { a.title = QString(101, QLatin1Char('x')); }},
        {"description over 5000", "description",
         [](NewAuction& a) { a.description = QString(5001, QLatin1Char('d')); }},
        {"end before start", "ends_at",
         [&](NewAuction& a) {
             a.startsAt = now.addSecs(7200);
             a.endsAt = now.addSecs(3600);
         }},
        {"end equal to start", "ends_at",
         [&](NewAuction& a) {
             a.startsAt = now.addSecs(3600);
             a.endsAt = a.startsAt;
         }},
        {"end in the past", "ends_at", [&](NewAuction& a) { a.endsAt = now.addSecs(-60); }},
        {"no end", "ends_at", [](NewAuction& a) { a.endsAt = QDateTime(); }},
        {"over 30 days", "ends_at", [&](NewAuction& a) { a.endsAt = now.addDays(30).addSecs(3600); }},
        {"over 30 days after a later start", "ends_at",
         [&](NewAuction& a) {
             a.startsAt = now.addDays(2);
             a.endsAt = a.startsAt.addDays(30).addSecs(1);
         }},
        {"unknown category", "category", [](NewAuction& a) { a.category = QStringLiteral("spaceships"); }},
        {"unknown region", "region_id", [](NewAuction& a) { a.regionId = 999'999; }},
        {"start price zero", "start_price", [](NewAuction& a) { a.startPrice = 0; }},
        {"start price over 10^12", "start_price", [](NewAuction& a) { a.startPrice = nb::kMaxAmount + 1; }},
        {"bid increment zero", "bid_increment", [](NewAuction& a) { a.bidIncrement = 0; }},
        {"buy-now equal to start", "buy_now_price", [](NewAuction& a) { a.buyNowPrice = a.startPrice; }},
        {"buy-now below start", "buy_now_price", [](NewAuction& a) { a.buyNowPrice = a.startPrice - 1; }},
        {"reserve below start", "reserve_price", [](NewAuction& a) { a.reservePrice = a.startPrice - 1; }},
        {"negative soft close", "soft_close_seconds", [](NewAuction& a) { a.softCloseSeconds = -1; }},
        {"soft close over an hour", "soft_close_seconds", [](NewAuction& a) { a.softCloseSeconds = 3601; }},
    };
    for (const Case& c : cases) {
        NewAuction spec = ServiceFixture::auctionSpec(3600);
        c.spoil(spec);
        const auto outcome = ServiceFixture::outcomeOf([&] { m_fx->auctions.create(seller, spec); });
        const QString got = outcome.code + QLatin1Char(' ') + outcome.details.value("field").toString();
        QVERIFY2(
            got == QStringLiteral("bad_request ") + QLatin1String(c.field),
            qPrintable(QStringLiteral("%1: got %2 (%3)").arg(QLatin1String(c.name), got, outcome.message)));
    }
    QCOMPARE(m_fx->scalar(QStringLiteral("SELECT count(*) FROM auctions")), 0);
}

void TstAuctionRules::longestTitleIsAccepted()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const QString title(100, QLatin1Char('t'));
    const qint64 id = m_fx->makeAuction(seller, 3600, [&](NewAuction& a) { a.title = title; });
    QCOMPARE(m_fx->auctions.detail(id).summary.title, title);
}

void TstAuctionRules::thirtyDaysIsTheLongestAuction()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(3600);
    const qint64 id = m_fx->makeAuction(seller, 0, [&](NewAuction& a) {
        a.startsAt = start;
        a.endsAt = start.addDays(30);
    });
    const AuctionDetail d = m_fx->auctions.detail(id);
    QCOMPARE(d.summary.startsAt.msecsTo(d.summary.endsAt), 30LL * 24 * 3600 * 1000);
}

void TstAuctionRules::futureStartIsScheduled()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(3600);
    const qint64 id = m_fx->makeAuction(seller, 7200, [&](NewAuction& a) { a.startsAt = start; });
    const AuctionDetail d = m_fx->auctions.detail(id);
    QCOMPARE(d.summary.status, AuctionStatus::Scheduled);
    QVERIFY(qAbs(d.summary.startsAt.msecsTo(start)) <= 1);
    QCOMPARE(m_fx->settlement.startDue(), 0);
    QCOMPARE(m_fx->auctions.detail(id).summary.status, AuctionStatus::Scheduled);
}

void TstAuctionRules::startInThePastMeansNow()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const qint64 id = m_fx->makeAuction(seller, 3600, [&](NewAuction& a) { a.startsAt = now.addDays(-1); });
    const AuctionDetail d = m_fx->auctions.detail(id);
    QCOMPARE(d.summary.status, AuctionStatus::Active);
    QVERIFY(qAbs(d.summary.startsAt.msecsTo(now)) < 10'000);
}

void TstAuctionRules::sellerCancelsAuctionWithoutBids()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const qint64 id = m_fx->makeAuction(seller);
    m_fx->settlement.cancel(id, seller, false);

    const AuctionDetail d = m_fx->auctions.detail(id);
    QCOMPARE(d.summary.status, AuctionStatus::Cancelled);
    QCOMPARE(d.endReason, std::optional<EndReason>(EndReason::Cancelled));
    QVERIFY(!d.winner);
    QVERIFY(!d.finalPrice);
    QCOMPARE(d.seq, qint64(1));
    QCOMPARE(m_fx->auctionEvents(id), QStringList{QStringLiteral("1 auction.ended")});
    const auto rows =
        m_fx->db().query(QStringLiteral("SELECT payload->>'reason', payload->'winner' = 'null'::jsonb "
                                        "FROM outbox WHERE auction_id = %1 AND "
                                        "payload->>'type' = 'auction.ended'")
                             .arg(id));
    QCOMPARE(rows.size(), 1);
    QCOMPARE(QString::fromStdString(rows[0][0].c_str()), QStringLiteral("cancelled"));
    QVERIFY(rows[0][1].as<bool>());
    QCOMPARE(m_fx->scalar(QStringLiteral("SELECT count(*) FROM ledger_entries")), 0);
    // Never settled later.
    m_fx->makeOverdue(id);
    QCOMPARE(m_fx->settlement.settleDue(), 0);
}

void TstAuctionRules::cancelWithBidsIsConflict()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"), 50'000);
    const qint64 id = m_fx->makeAuction(seller);
    m_fx->bid(alice, id, 10'000);
    const auto outcome = ServiceFixture::outcomeOf([&] { m_fx->settlement.cancel(id, seller, false); });
    QCOMPARE(outcome.code, QStringLiteral("conflict"));
    QCOMPARE(outcome.details.value("bid_count").toInt(), 1);
    QCOMPARE(m_fx->auctions.detail(id).summary.status, AuctionStatus::Active);
    QCOMPARE(m_fx->hold(id), QStringLiteral("%1 10000").arg(alice));
    QCOMPARE(m_fx->wallet(alice).locked, Won(10'000));
    QCOMPARE(m_fx->auctionEvents(id), QStringList{QStringLiteral("1 auction.bid")});
}

void TstAuctionRules::cancelByAnotherUserIsForbidden()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const qint64 mallory = m_fx->makeUser(QStringLiteral("mallory"));
    const qint64 id = m_fx->makeAuction(seller);
    QCOMPARE(ServiceFixture::codeOf([&] { m_fx->settlement.cancel(id, mallory, false); }),
             QStringLiteral("forbidden"));
    QCOMPARE(ServiceFixture::codeOf([&] { m_fx->settlement.cancel(id, std::nullopt, false); }),
             QStringLiteral("forbidden"));
    QCOMPARE(m_fx->auctions.detail(id).summary.status, AuctionStatus::Active);
    QVERIFY(m_fx->auctionEvents(id).isEmpty());
}

void TstAuctionRules::cancelTwiceIsConflict()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const qint64 id = m_fx->makeAuction(seller);
    m_fx->settlement.cancel(id, seller, false);
    QCOMPARE(ServiceFixture::codeOf([&] { m_fx->settlement.cancel(id, seller, false); }),
             QStringLiteral("conflict"));
    QCOMPARE(m_fx->auctions.detail(id).seq, qint64(1));
}

void TstAuctionRules::cancelUnknownAuctionIsNotFound()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    QCOMPARE(ServiceFixture::codeOf([&] { m_fx->settlement.cancel(4'242, seller, false); }),
             QStringLiteral("not_found"));
}

void TstAuctionRules::unknownAuctionDetailIsNotFound()
{
    QCOMPARE(ServiceFixture::codeOf([&] { m_fx->auctions.detail(4'242); }), QStringLiteral("not_found"));
}

void TstAuctionRules::buyNowPaysSellerFromBalanceAtOnce()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const qint64 buyer = m_fx->makeUser(QStringLiteral("buyer"), 80'000);
    const qint64 id = m_fx->makeAuction(seller, 3600, [](NewAuction& a) { a.buyNowPrice = 50'000; });

    const AuctionDetail d = m_fx->bidding.buyNow(buyer, id, QStringLiteral("buy-1"));
    QCOMPARE(d.summary.status, AuctionStatus::Ended);
    QCOMPARE(d.endReason, std::optional<EndReason>(EndReason::BuyNow));
    QVERIFY(d.winner);
    QCOMPARE(d.winner->id, buyer);
    QCOMPARE(d.finalPrice, std::optional<Won>(50'000));

    QCOMPARE(m_fx->wallet(buyer).balance, Won(30'000));
    QCOMPARE(m_fx->wallet(buyer).locked, Won(0));
    QCOMPARE(m_fx->wallet(seller).balance, Won(50'000));
    QCOMPARE(m_fx->ledgerFor(buyer, id), QStringList{QStringLiteral("buy_now_pay 50000")});
    QCOMPARE(m_fx->ledgerFor(seller, id), QStringList{QStringLiteral("settle_receive 50000")});
    QVERIFY(m_fx->hold(id).isEmpty());
    QCOMPARE(m_fx->auctionEvents(id), QStringList{QStringLiteral("1 auction.ended")});
    QCOMPARE(
        m_fx->scalar(QStringLiteral("SELECT count(*) FROM auction_events WHERE auction_id = %1 AND "
                                    "payload->>'reason' = 'buy_now' AND (payload->>'final_price')::bigint = "
                                    "50000 AND (payload->'winner'->>'id')::bigint = %2")
                         .arg(id)
                         .arg(buyer)),
        1);
    QCOMPARE(m_fx->notifications(buyer), QStringList{QStringLiteral("won")});
    QCOMPARE(m_fx->notifications(seller), QStringList{QStringLiteral("sold")});

    // Settled already: the scheduler has nothing more to do with it.
    m_fx->makeOverdue(id);
    QCOMPARE(m_fx->settlement.settleDue(), 0);
    QCOMPARE(m_fx->wallet(seller).balance, Won(50'000));
}

void TstAuctionRules::buyNowRefusedAfterABid()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const qint64 alice = m_fx->makeUser(QStringLiteral("alice"), 80'000);
    const qint64 buyer = m_fx->makeUser(QStringLiteral("buyer"), 80'000);
    const qint64 id = m_fx->makeAuction(seller, 3600, [](NewAuction& a) { a.buyNowPrice = 50'000; });
    m_fx->bid(alice, id, 10'000);
    QCOMPARE(ServiceFixture::codeOf([&] { m_fx->bidding.buyNow(buyer, id, QStringLiteral("buy-1")); }),
             QStringLiteral("buy_now_unavailable"));
    QCOMPARE(m_fx->wallet(buyer).balance, Won(80'000));
    QCOMPARE(m_fx->hold(id), QStringLiteral("%1 10000").arg(alice));
    QCOMPARE(m_fx->auctions.detail(id).summary.status, AuctionStatus::Active);
}

void TstAuctionRules::buyNowRefusedWithoutBuyNowPrice()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const qint64 buyer = m_fx->makeUser(QStringLiteral("buyer"), 80'000);
    const qint64 id = m_fx->makeAuction(seller);
    QCOMPARE(ServiceFixture::codeOf([&] { m_fx->bidding.buyNow(buyer, id, QStringLiteral("buy-1")); }),
             QStringLiteral("buy_now_unavailable"));
    QCOMPARE(m_fx->wallet(buyer).balance, Won(80'000));
    QCOMPARE(m_fx->auctions.detail(id).summary.status, AuctionStatus::Active);
}

void TstAuctionRules::buyNowWithoutEnoughBalanceIsInsufficientFunds()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const qint64 buyer = m_fx->makeUser(QStringLiteral("buyer"), 49'999);
    const qint64 id = m_fx->makeAuction(seller, 3600, [](NewAuction& a) { a.buyNowPrice = 50'000; });
    const auto outcome =
        ServiceFixture::outcomeOf([&] { m_fx->bidding.buyNow(buyer, id, QStringLiteral("buy-1")); });
    QCOMPARE(outcome.code, QStringLiteral("insufficient_funds"));
    QCOMPARE(outcome.details.value("available").toInteger(), 49'999);
    QCOMPARE(m_fx->wallet(buyer).balance, Won(49'999));
    QCOMPARE(m_fx->wallet(seller).balance, Won(0));
    QCOMPARE(m_fx->auctions.detail(id).summary.status, AuctionStatus::Active);
    QVERIFY(m_fx->auctionEvents(id).isEmpty());
}

void TstAuctionRules::sellerCannotBuyNow()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"), 80'000);
    const qint64 id = m_fx->makeAuction(seller, 3600, [](NewAuction& a) { a.buyNowPrice = 50'000; });
    QCOMPARE(ServiceFixture::codeOf([&] { m_fx->bidding.buyNow(seller, id, QStringLiteral("buy-1")); }),
             QStringLiteral("seller_cannot_bid"));
    QCOMPARE(m_fx->wallet(seller).balance, Won(80'000));
    QCOMPARE(m_fx->auctions.detail(id).summary.status, AuctionStatus::Active);
}

void TstAuctionRules::buyNowOnEndedAuctionIsNotActive()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const qint64 buyer = m_fx->makeUser(QStringLiteral("buyer"), 80'000);
    const qint64 id = m_fx->makeAuction(seller, 3600, [](NewAuction& a) { a.buyNowPrice = 50'000; });
    m_fx->makeOverdue(id);
    QCOMPARE(ServiceFixture::codeOf([&] { m_fx->bidding.buyNow(buyer, id, QStringLiteral("buy-1")); }),
             QStringLiteral("auction_not_active"));
    QCOMPARE(m_fx->wallet(buyer).balance, Won(80'000));
}

void TstAuctionRules::replayedBuyNowPaysOnce()
{
    const qint64 seller = m_fx->makeUser(QStringLiteral("seller"));
    const qint64 buyer = m_fx->makeUser(QStringLiteral("buyer"), 150'000);
    const qint64 id = m_fx->makeAuction(seller, 3600, [](NewAuction& a) { a.buyNowPrice = 50'000; });
    m_fx->bidding.buyNow(buyer, id, QStringLiteral("buy-1"));
    const AuctionDetail again = m_fx->bidding.buyNow(buyer, id, QStringLiteral("buy-1"));
    QCOMPARE(again.summary.status, AuctionStatus::Ended);
    QCOMPARE(again.endReason, std::optional<EndReason>(EndReason::BuyNow));
    QCOMPARE(m_fx->wallet(buyer).balance, Won(100'000));
    QCOMPARE(m_fx->ledgerFor(buyer, id), QStringList{QStringLiteral("buy_now_pay 50000")});
    QCOMPARE(m_fx->ledgerFor(seller, id), QStringList{QStringLiteral("settle_receive 50000")});
    // A new request for the same auction is refused: it has ended.
    QCOMPARE(ServiceFixture::codeOf([&] { m_fx->bidding.buyNow(buyer, id, QStringLiteral("buy-2")); }),
             QStringLiteral("auction_not_active"));
}

QTEST_GUILESS_MAIN(TstAuctionRules)
#include "tst_auction_rules.moc"
