#include "shared/TimeFormat.h"
#include "shared/protocol/Json.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>
#include <QTimeZone>

using nb::Won;

/// The JSON codecs of every protocol object (PROTOCOL.md, "Objects" and the WebSocket events).
class TestJson : public QObject {
    Q_OBJECT

private slots:
    void everyObjectRoundTripsThroughText();
    void objectsWithoutOptionalFieldsRoundTrip();
    void fieldsAreNamedAsProtocolSays();
    void optionalFieldsAreOmittedWhenAbsent();
    void unknownValuesAreNullNotOmitted();
    void auctionEndedWithoutSaleHasNullWinnerAndPrice();
    void detailIsSummaryPlusItsOwnFieldsFlat();
    void timesAreWireTimes();
    void reputationIsANumberWithOneDecimal();
    void enumsUseTheirWireNames();
    void unknownEnumNamesAreRefused();

    void moneyRoundTripsExactlyUpToTenToTheTwelfth_data();
    void moneyRoundTripsExactlyUpToTenToTheTwelfth();
    void wonRefusesFloatsStringsNegativesAndTooLarge_data();
    void wonRefusesFloatsStringsNegativesAndTooLarge();
    void integralNumbersReadAsIntegersInAnyNotation();
    void missingWonSaysMissing();
    void optionalWonAcceptsAbsentAndNull();
    void idsAreExactBelowTwoToThe53();
    void stringLengthsCountCharactersNotUtf16Units();

    void newAuctionValidBodyDecodes();
    void newAuctionLimitsAreInclusive();
    void newAuctionTrimsTheTitle();
    void newAuctionErrorNamesTheField_data();
    void newAuctionErrorNamesTheField();
    void newAuctionScheduleNeedsAFutureEndWithin30Days();

    void nestedErrorsNameTheirPath();
    void walletTotalMustEqualBalancePlusLocked();
    void eventTypeMustMatch();
    void unknownFieldsAreIgnored();
    void decodeErrorBecomesBadRequest();
    void malformedOrNonObjectBodyIsRefused();
};

namespace {

const QDateTime kEnds(QDate(2026, 11, 21), QTime(9, 30, 0, 125), QTimeZone::utc());
const QDateTime kStarts(QDate(2026, 11, 14), QTime(9, 30), QTimeZone::utc());
const QDateTime kCreated(QDate(2025, 3, 1), QTime(12, 0, 0, 1), QTimeZone::utc());

QJsonObject parse(const QByteArray& text)
{
    const nb::Decoded<QJsonObject> parsed = nb::parseJsonObject(text);
    if (!parsed)
        qFatal("test JSON does not parse: %s", qPrintable(parsed.error().message()));
    return *parsed;
}

QSet<QString> keysOf(const QJsonObject& json)
{
    const QStringList keys = json.keys();
    return QSet<QString>(keys.cbegin(), keys.cend());
}

QSet<QString> setOf(const QStringList& keys)
{
    return QSet<QString>(keys.cbegin(), keys.cend());
}

// Encodes, goes through JSON text, decodes, and encodes again: every field must survive.
template <typename T>
void checkRoundTrip(const T& value)
{
    const QJsonObject encoded = nb::toJson(value);
    const QByteArray text = QJsonDocument(encoded).toJson(QJsonDocument::Compact);
    const nb::Decoded<T> decoded = nb::fromJson<T>(parse(text));
    QVERIFY2(decoded.ok(), qPrintable(decoded.error().message() + " in " + QString::fromUtf8(text)));
    QCOMPARE(nb::toJson(*decoded), encoded);
}

nb::User sampleUser()
{
    nb::User user;
    user.id = 42;
    user.username = "minji";
    user.displayName = "민지";
    user.regionId = 1168010100;
    user.reputation = 4.5;
    user.reviewCount = 12;
    user.isAdmin = true;
    user.createdAt = kCreated;
    return user;
}

nb::AuctionSummary sampleSummary()
{
    nb::AuctionSummary summary;
    summary.id = 1001;
    summary.title = "자전거 (거의 새것)";
    summary.seller = nb::SellerRef{7, "Seller Kim", 4.8, 31};
    summary.category = "bikes";
    summary.region = nb::RegionRef{1168010100, "역삼동"};
    summary.isNational = true;
    summary.status = nb::AuctionStatus::Active;
    summary.startPrice = 10'000;
    summary.currentPrice = 1'000'000'000'000;
    summary.bidCount = 3;
    summary.watchers = 9;
    summary.highBidderId = 42;
    summary.buyNowPrice = 999'999'999'999;
    summary.endsAt = kEnds;
    summary.startsAt = kStarts;
    summary.thumbnailUrl = "/api/v1/auctions/1001/images/0";
    summary.myMax = 1'000'000'000'000;
    summary.leading = true;
    return summary;
}

nb::AuctionDetail sampleDetail()
{
    nb::AuctionDetail detail;
    detail.summary = sampleSummary();
    detail.summary.status = nb::AuctionStatus::Ended;
    detail.description = "Ridden twice.\n두 번 탔어요.";
    detail.condition = nb::ItemCondition::LikeNew;
    detail.shippingPayer = nb::ShippingPayer::Seller;
    detail.bidIncrement = 100'000;
    detail.minNextBid = 1'000'000'000'000;
    detail.reserveMet = true;
    detail.reservePrice = 50'000;
    detail.softCloseSeconds = 120;
    detail.images = {"/api/v1/auctions/1001/images/0", "/api/v1/auctions/1001/images/1"};
    detail.winner = nb::PartyRef{42, "민지"};
    detail.finalPrice = 1'000'000'000'000;
    detail.endReason = nb::EndReason::BuyNow;
    detail.seq = 77;
    return detail;
}

nb::NewAuction sampleNewAuction()
{
    nb::NewAuction auction;
    auction.title = "Road bike";
    auction.description = "Shimano 105";
    auction.category = "bikes";
    auction.regionId = 1168010100;
    auction.condition = nb::ItemCondition::Fair;
    auction.shippingPayer = nb::ShippingPayer::Seller;
    auction.isNational = true;
    auction.startPrice = 10'000;
    auction.bidIncrement = 1'500;
    auction.reservePrice = 20'000;
    auction.buyNowPrice = 90'000;
    auction.startsAt = kStarts;
    auction.endsAt = kEnds;
    auction.softCloseSeconds = 90;
    return auction;
}

nb::BidResult sampleBidResult()
{
    nb::BidResult result;
    result.bidId = 5;
    result.auctionId = 1001;
    result.acceptedAmount = 12'000;
    result.currentPrice = 12'000;
    result.leading = true;
    result.highBidderId = 42;
    result.endsAt = kEnds;
    result.seq = 8;
    result.wallet = nb::Wallet{3'000, 20'000};
    return result;
}

nb::AuctionEndedEvent sampleEnded()
{
    nb::AuctionEndedEvent ended;
    ended.auctionId = 1001;
    ended.seq = 12;
    ended.reason = nb::EndReason::Time;
    ended.winner = nb::PartyRef{42, "민지"};
    ended.finalPrice = 120'000;
    ended.reserveMet = true;
    return ended;
}

// A NewAuction body every validation row starts from.
QJsonObject validNewAuctionBody()
{
    return parse(R"({"title": "Road bike", "description": "", "category": "bikes", "condition": "good",
                     "shipping_payer": "buyer", "is_national": false, "start_price": 10000,
                     "starts_at": "2026-11-14T09:30:00.000Z", "ends_at": "2026-11-21T09:30:00.000Z"})");
}

} // namespace

void TestJson::everyObjectRoundTripsThroughText()
{
    checkRoundTrip(nb::PartyRef{42, "민지"});
    checkRoundTrip(nb::SellerRef{7, "Seller Kim", 4.8, 31});
    checkRoundTrip(nb::RegionRef{11, "서울특별시"});
    checkRoundTrip(sampleUser());
    checkRoundTrip(nb::Wallet{1'000'000'000'000, 1'000'000'000'000});
    checkRoundTrip(nb::LedgerEntry{9, nb::LedgerKind::SettleReceive, 120'000, 500'000, 20'000, 1001, kEnds});
    checkRoundTrip(sampleSummary());
    checkRoundTrip(sampleDetail());
    checkRoundTrip(sampleNewAuction());
    checkRoundTrip(nb::Bid{5, 12'000, nb::PartyRef{42, "민지"}, kEnds});
    checkRoundTrip(sampleBidResult());
    checkRoundTrip(nb::Notification{3, "outbid", 1001, "You were outbid", kEnds, true});
    checkRoundTrip(nb::Region{1168010100, "역삼동", 11680, 3});
    checkRoundTrip(nb::Category{2, "bikes", "Bicycles"});
    checkRoundTrip(
        nb::AuctionBidEvent{1001, 9, 13'000, 13'000, 4, nb::PartyRef{42, "민지"}, 14'000, kEnds, kStarts});
    checkRoundTrip(nb::AuctionExtendedEvent{1001, 10, kEnds});
    checkRoundTrip(sampleEnded());
    checkRoundTrip(nb::AuctionStartedEvent{1001, 1});

    nb::Page<nb::AuctionSummary> page;
    page.items = {sampleSummary(), sampleSummary()};
    page.total = 41;
    page.page = 3;
    page.pageSize = 2;
    const QByteArray text = QJsonDocument(nb::toJson(page)).toJson();
    const auto decoded = nb::pageFromJson<nb::AuctionSummary>(parse(text));
    QVERIFY2(decoded.ok(), qPrintable(decoded.error().message()));
    QCOMPARE(decoded->items.size(), 2);
    QCOMPARE(decoded->total, qint64{41});
    QCOMPARE(decoded->page, 3);
    QCOMPARE(decoded->pageSize, 2);
    QCOMPARE(nb::toJson(*decoded), nb::toJson(page));
}

void TestJson::objectsWithoutOptionalFieldsRoundTrip()
{
    nb::User user = sampleUser();
    user.regionId.reset();
    checkRoundTrip(user);
    checkRoundTrip(nb::LedgerEntry{9, nb::LedgerKind::Deposit, 5'000, 5'000, 0, std::nullopt, kEnds});
    checkRoundTrip(nb::Notification{3, "won", std::nullopt, "You won", kEnds, false});
    checkRoundTrip(nb::Region{11, "서울특별시", std::nullopt, 1});

    nb::AuctionDetail detail;
    detail.summary.id = 1;
    detail.summary.title = "t";
    detail.summary.seller = nb::SellerRef{7, "s", 0.0, 0};
    detail.summary.category = "misc";
    detail.summary.region = nb::RegionRef{11, "r"};
    detail.summary.startPrice = 1;
    detail.summary.currentPrice = 1;
    detail.summary.endsAt = kEnds;
    detail.summary.startsAt = kStarts;
    detail.bidIncrement = 500;
    detail.minNextBid = 1;
    checkRoundTrip(detail);

    nb::NewAuction minimal;
    minimal.title = "t";
    minimal.category = "misc";
    minimal.startPrice = 1;
    minimal.endsAt = kEnds;
    checkRoundTrip(minimal);

    nb::BidResult result = sampleBidResult();
    result.highBidderId.reset();
    checkRoundTrip(result);

    nb::AuctionEndedEvent unsold = sampleEnded();
    unsold.winner.reset();
    unsold.finalPrice.reset();
    unsold.reserveMet = false;
    checkRoundTrip(unsold);
}

void TestJson::fieldsAreNamedAsProtocolSays()
{
    QCOMPARE(keysOf(nb::toJson(nb::PartyRef{1, "a"})), setOf({"id", "display_name"}));
    QCOMPARE(keysOf(nb::toJson(nb::SellerRef{1, "a", 4.0, 2})),
             setOf({"id", "display_name", "reputation", "review_count"}));
    QCOMPARE(keysOf(nb::toJson(nb::RegionRef{1, "a"})), setOf({"id", "name"}));
    QCOMPARE(keysOf(nb::toJson(sampleUser())),
             setOf({"id", "username", "display_name", "region_id", "reputation", "review_count", "is_admin",
                    "created_at"}));
    QCOMPARE(keysOf(nb::toJson(nb::Wallet{1, 2})), setOf({"balance", "locked", "total"}));
    QCOMPARE(keysOf(nb::toJson(nb::LedgerEntry{9, nb::LedgerKind::Lock, 1, 1, 1, 1001, kEnds})),
             setOf({"id", "kind", "amount", "balance_after", "locked_after", "auction_id", "at"}));
    const QStringList summaryKeys{
        "id",          "title",         "seller",    "category", "region",         "is_national",   "status",
        "start_price", "current_price", "bid_count", "watchers", "high_bidder_id", "buy_now_price", "ends_at",
        "starts_at",   "thumbnail_url", "my_max",    "leading"};
    QCOMPARE(keysOf(nb::toJson(sampleSummary())), setOf(summaryKeys));
    QCOMPARE(keysOf(nb::toJson(sampleNewAuction())),
             setOf({"title", "description", "category", "region_id", "condition", "shipping_payer",
                    "is_national", "start_price", "bid_increment", "reserve_price", "buy_now_price",
                    "starts_at", "ends_at", "soft_close_seconds"}));
    QCOMPARE(keysOf(nb::toJson(nb::Bid{5, 12'000, nb::PartyRef{42, "a"}, kEnds})),
             setOf({"id", "amount", "bidder", "at"}));
    QCOMPARE(keysOf(nb::toJson(sampleBidResult())),
             setOf({"bid_id", "auction_id", "accepted_amount", "current_price", "leading", "high_bidder_id",
                    "ends_at", "seq", "wallet"}));
    QCOMPARE(keysOf(nb::toJson(nb::Notification{3, "sold", 1001, "x", kEnds, false})),
             setOf({"id", "kind", "auction_id", "text", "at", "read"}));
    QCOMPARE(keysOf(nb::toJson(nb::Region{1, "a", 2, 2})), setOf({"id", "name", "parent_id", "depth"}));
    QCOMPARE(keysOf(nb::toJson(nb::Category{1, "a", "A"})), setOf({"id", "slug", "name"}));
    QCOMPARE(keysOf(nb::toJson(nb::AuctionBidEvent{1, 2, 3, 3, 1, nb::PartyRef{4, "a"}, 500, kEnds, kEnds})),
             setOf({"type", "auction_id", "seq", "amount", "current_price", "bid_count", "high_bidder",
                    "min_next_bid", "ends_at", "at"}));
    QCOMPARE(keysOf(nb::toJson(nb::AuctionExtendedEvent{1, 2, kEnds})),
             setOf({"type", "auction_id", "seq", "ends_at"}));
    QCOMPARE(keysOf(nb::toJson(sampleEnded())),
             setOf({"type", "auction_id", "seq", "reason", "winner", "final_price", "reserve_met"}));
    QCOMPARE(keysOf(nb::toJson(nb::AuctionStartedEvent{1, 2})), setOf({"type", "auction_id", "seq"}));
    QCOMPARE(nb::toJson(nb::AuctionStartedEvent{1, 2}).value("type").toString(), QString("auction.started"));
    QCOMPARE(nb::toJson(sampleEnded()).value("type").toString(), QString("auction.ended"));
    QCOMPARE(nb::toJson(nb::AuctionExtendedEvent{1, 2, kEnds}).value("type").toString(),
             QString("auction.extended"));
}

void TestJson::optionalFieldsAreOmittedWhenAbsent()
{
    nb::AuctionDetail detail = sampleDetail();
    detail.summary.highBidderId.reset();
    detail.summary.buyNowPrice.reset();
    detail.summary.thumbnailUrl.clear();
    detail.summary.myMax.reset();
    detail.summary.leading.reset();
    detail.reserveMet.reset();
    detail.reservePrice.reset();
    detail.winner.reset();
    detail.finalPrice.reset();
    detail.endReason.reset();
    const QJsonObject json = nb::toJson(detail);
    for (const char* key : {"high_bidder_id", "buy_now_price", "thumbnail_url", "my_max", "leading",
                            "reserve_met", "reserve_price", "winner", "final_price", "end_reason"}) {
        QVERIFY2(!json.contains(key), key);
    }

    const QJsonObject entry =
        nb::toJson(nb::LedgerEntry{1, nb::LedgerKind::Deposit, 1, 1, 0, std::nullopt, kEnds});
    QVERIFY(!entry.contains("auction_id"));
    const QJsonObject notification = nb::toJson(nb::Notification{1, "won", std::nullopt, "x", kEnds, false});
    QVERIFY(!notification.contains("auction_id"));

    nb::NewAuction auction = sampleNewAuction();
    auction.regionId.reset();
    auction.bidIncrement.reset();
    auction.reservePrice.reset();
    auction.buyNowPrice.reset();
    auction.startsAt = QDateTime();
    auction.softCloseSeconds.reset();
    const QJsonObject body = nb::toJson(auction);
    for (const char* key : {"region_id", "bid_increment", "reserve_price", "buy_now_price", "starts_at",
                            "soft_close_seconds"}) {
        QVERIFY2(!body.contains(key), key);
    }
}

void TestJson::unknownValuesAreNullNotOmitted()
{
    nb::User user = sampleUser();
    user.regionId.reset();
    QVERIFY(nb::toJson(user).value("region_id").isNull());

    nb::BidResult result = sampleBidResult();
    result.highBidderId.reset();
    QVERIFY(nb::toJson(result).value("high_bidder_id").isNull());

    QVERIFY(nb::toJson(nb::Region{11, "서울특별시", std::nullopt, 1}).value("parent_id").isNull());
}

void TestJson::auctionEndedWithoutSaleHasNullWinnerAndPrice()
{
    nb::AuctionEndedEvent ended = sampleEnded();
    ended.reason = nb::EndReason::Cancelled;
    ended.winner.reset();
    ended.finalPrice.reset();
    ended.reserveMet = false;
    const QJsonObject json = nb::toJson(ended);
    QVERIFY(json.contains("winner"));
    QVERIFY(json.value("winner").isNull());
    QVERIFY(json.contains("final_price"));
    QVERIFY(json.value("final_price").isNull());
    QCOMPARE(json.value("reason").toString(), QString("cancelled"));
    QCOMPARE(json.value("reserve_met").toBool(true), false);

    const QJsonObject sold = nb::toJson(sampleEnded());
    QCOMPARE(sold.value("winner").toObject().value("display_name").toString(), QString("민지"));
    QCOMPARE(sold.value("final_price").toInteger(), qint64{120'000});
}

void TestJson::detailIsSummaryPlusItsOwnFieldsFlat()
{
    const nb::AuctionDetail detail = sampleDetail();
    const QJsonObject summary = nb::toJson(detail.summary);
    const QJsonObject json = nb::toJson(detail);
    for (auto it = summary.begin(); it != summary.end(); ++it)
        QCOMPARE(json.value(it.key()), it.value());
    QCOMPARE(keysOf(json) - keysOf(summary),
             setOf({"description", "condition", "shipping_payer", "bid_increment", "min_next_bid",
                    "reserve_met", "reserve_price", "soft_close_seconds", "images", "winner", "final_price",
                    "end_reason", "seq"}));
    QCOMPARE(json.value("images").toArray().size(), 2);
    QCOMPARE(json.value("winner").toObject(), (QJsonObject{{"id", 42}, {"display_name", "민지"}}));

    // An AuctionDetail also reads as an AuctionSummary.
    const auto asSummary = nb::fromJson<nb::AuctionSummary>(json);
    QVERIFY(asSummary.ok());
    QCOMPARE(nb::toJson(*asSummary), summary);
}

void TestJson::timesAreWireTimes()
{
    const QJsonObject json = nb::toJson(sampleSummary());
    QCOMPARE(json.value("ends_at").toString(), QString("2026-11-21T09:30:00.125Z"));
    QCOMPARE(json.value("starts_at").toString(), QString("2026-11-14T09:30:00.000Z"));
    QCOMPARE(nb::toJson(sampleUser()).value("created_at").toString(), QString("2025-03-01T12:00:00.001Z"));

    // A time sent with an offset decodes to the same instant.
    QJsonObject bid = nb::toJson(nb::Bid{5, 12'000, nb::PartyRef{42, "a"}, kEnds});
    bid.insert("at", "2026-11-21T18:30:00.125+09:00");
    const auto decoded = nb::fromJson<nb::Bid>(bid);
    QVERIFY(decoded.ok());
    QCOMPARE(decoded->at, kEnds);

    bid.insert("at", "2026-11-21T18:30:00.125");
    const auto zoneless = nb::fromJson<nb::Bid>(bid);
    QVERIFY(!zoneless.ok());
    QCOMPARE(zoneless.error().field, QString("at"));
}

void TestJson::reputationIsANumberWithOneDecimal()
{
    nb::User user = sampleUser();
    user.reputation = 14.0 / 3.0;
    const QJsonValue reputation = nb::toJson(user).value("reputation");
    QVERIFY(reputation.isDouble());
    QCOMPARE(reputation.toDouble(), 4.7);
    QCOMPARE(nb::toJson(user).value("review_count").toInt(), 12);
    QCOMPARE(nb::toJson(nb::SellerRef{1, "a", 4.25, 4}).value("reputation").toDouble(), 4.3);
    QCOMPARE(nb::roundedReputation(0.0), 0.0);
    QCOMPARE(nb::roundedReputation(5.0), 5.0);
    QCOMPARE(
        QJsonDocument(nb::toJson(nb::SellerRef{1, "a", 3.0 + 1.0 / 7.0, 7})).toJson(QJsonDocument::Compact),
        QByteArray(R"({"display_name":"a","id":1,"reputation":3.1,"review_count":7})"));
}

void TestJson::enumsUseTheirWireNames()
{
    using namespace nb;
    const QList<std::pair<AuctionStatus, QString>> statuses{{AuctionStatus::Scheduled, "scheduled"},
                                                            {AuctionStatus::Active, "active"},
                                                            {AuctionStatus::Ended, "ended"},
                                                            {AuctionStatus::Cancelled, "cancelled"}};
    for (const auto& [value, name] : statuses) {
        QCOMPARE(toWire(value), name);
        QCOMPARE(auctionStatusFromWire(name), std::optional<AuctionStatus>(value));
        QCOMPARE(fromWire<AuctionStatus>(name), std::optional<AuctionStatus>(value));
    }
    const QList<std::pair<ItemCondition, QString>> conditions{{ItemCondition::New, "new"},
                                                              {ItemCondition::LikeNew, "like_new"},
                                                              {ItemCondition::Good, "good"},
                                                              {ItemCondition::Fair, "fair"},
                                                              {ItemCondition::Poor, "poor"}};
    for (const auto& [value, name] : conditions) {
        QCOMPARE(toWire(value), name);
        QCOMPARE(itemConditionFromWire(name), std::optional<ItemCondition>(value));
    }
    QCOMPARE(toWire(ShippingPayer::Seller), QString("seller"));
    QCOMPARE(toWire(ShippingPayer::Buyer), QString("buyer"));
    QCOMPARE(shippingPayerFromWire("seller"), std::optional<ShippingPayer>(ShippingPayer::Seller));
    QCOMPARE(shippingPayerFromWire("buyer"), std::optional<ShippingPayer>(ShippingPayer::Buyer));
    const QList<std::pair<EndReason, QString>> reasons{
        {EndReason::Time, "time"}, {EndReason::BuyNow, "buy_now"}, {EndReason::Cancelled, "cancelled"}};
    for (const auto& [value, name] : reasons) {
        QCOMPARE(toWire(value), name);
        QCOMPARE(endReasonFromWire(name), std::optional<EndReason>(value));
    }
    const QList<std::pair<LedgerKind, QString>> kinds{{LedgerKind::Deposit, "deposit"},
                                                      {LedgerKind::Withdraw, "withdraw"},
                                                      {LedgerKind::Lock, "lock"},
                                                      {LedgerKind::Unlock, "unlock"},
                                                      {LedgerKind::SettlePay, "settle_pay"},
                                                      {LedgerKind::SettleReceive, "settle_receive"},
                                                      {LedgerKind::BuyNowPay, "buy_now_pay"}};
    for (const auto& [value, name] : kinds) {
        QCOMPARE(toWire(value), name);
        QCOMPARE(ledgerKindFromWire(name), std::optional<LedgerKind>(value));
    }
    QCOMPARE(wireNames<LedgerKind>().size(), 7);
    QCOMPARE(wireNames<ItemCondition>(), (QStringList{"new", "like_new", "good", "fair", "poor"}));
}

void TestJson::unknownEnumNamesAreRefused()
{
    QCOMPARE(nb::auctionStatusFromWire("Active"), std::nullopt);
    QCOMPARE(nb::auctionStatusFromWire("canceled"), std::nullopt);
    QCOMPARE(nb::itemConditionFromWire("like new"), std::nullopt);
    QCOMPARE(nb::shippingPayerFromWire(""), std::nullopt);
    QCOMPARE(nb::endReasonFromWire("buy-now"), std::nullopt);
    QCOMPARE(nb::ledgerKindFromWire("refund"), std::nullopt);

    QJsonObject summary = nb::toJson(sampleSummary());
    summary.insert("status", "paused");
    const auto decoded = nb::fromJson<nb::AuctionSummary>(summary);
    QVERIFY(!decoded.ok());
    QCOMPARE(decoded.error().message(),
             QString("field 'status' must be one of scheduled, active, ended, cancelled"));
}

void TestJson::moneyRoundTripsExactlyUpToTenToTheTwelfth_data()
{
    QTest::addColumn<Won>("amount");
    QTest::newRow("1") << Won{1};
    QTest::newRow("999") << Won{999};
    QTest::newRow("123,456,789,013") << Won{123'456'789'013};
    QTest::newRow("10^12 - 1") << Won{999'999'999'999};
    QTest::newRow("10^12") << Won{1'000'000'000'000};
}

void TestJson::moneyRoundTripsExactlyUpToTenToTheTwelfth()
{
    QFETCH(Won, amount);
    const QByteArray text = QJsonDocument(nb::toJson(nb::Bid{1, amount, nb::PartyRef{2, "a"}, kEnds}))
                                .toJson(QJsonDocument::Compact);
    // Written as a plain integer: no exponent, no fraction.
    QVERIFY2(text.contains("\"amount\":" + QByteArray::number(amount)), text.constData());
    const auto decoded = nb::fromJson<nb::Bid>(parse(text));
    QVERIFY(decoded.ok());
    QCOMPARE(decoded->amount, amount);
    QCOMPARE(*nb::readWon(parse("{\"amount\": " + QByteArray::number(amount) + "}"), "amount"), amount);
}

void TestJson::wonRefusesFloatsStringsNegativesAndTooLarge_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::newRow("fraction") << QByteArray("1000.5");
    QTest::newRow("small fraction") << QByteArray("0.5");
    QTest::newRow("fraction near 10^12") << QByteArray("999999999999.5");
    QTest::newRow("string") << QByteArray("\"1000\"");
    QTest::newRow("negative") << QByteArray("-1000");
    QTest::newRow("zero") << QByteArray("0");
    QTest::newRow("10^12 + 1") << QByteArray("1000000000001");
    QTest::newRow("10^13 as exponent") << QByteArray("1e13");
    QTest::newRow("2^63") << QByteArray("9223372036854775808");
    QTest::newRow("1e300") << QByteArray("1e300");
    QTest::newRow("true") << QByteArray("true");
    QTest::newRow("null") << QByteArray("null");
    QTest::newRow("array") << QByteArray("[1000]");
    QTest::newRow("object") << QByteArray("{\"won\": 1000}");
}

void TestJson::wonRefusesFloatsStringsNegativesAndTooLarge()
{
    QFETCH(QByteArray, value);
    const QJsonObject body = parse("{\"amount\": " + value + "}");
    const nb::Decoded<Won> amount = nb::readWon(body, "amount");
    QVERIFY(!amount.ok());
    QCOMPARE(amount.error().field, QString("amount"));
    QCOMPARE(amount.error().message(), QString("field 'amount' must be an integer between 1 and 10^12"));

    const nb::Decoded<std::optional<Won>> optional = nb::readOptionalWon(body, "amount");
    if (value != "null") {
        QVERIFY(!optional.ok());
        QCOMPARE(optional.error().field, QString("amount"));
    }
}

void TestJson::integralNumbersReadAsIntegersInAnyNotation()
{
    // QJsonDocument keeps no trace of how a number was written: 1.0 and 1e3 arrive as the integers
    // 1 and 1000, so they are accepted; only a fraction reveals a float.
    QCOMPARE(*nb::readWon(parse(R"({"amount": 1.0})"), "amount"), Won{1});
    QCOMPARE(*nb::readWon(parse(R"({"amount": 1e3})"), "amount"), Won{1'000});
    QCOMPARE(*nb::readWon(parse(R"({"amount": 1000000000000.0})"), "amount"), nb::kMaxAmount);
    QVERIFY(!nb::readWon(parse(R"({"amount": 1000000000000.0001})"), "amount").ok());
}

void TestJson::missingWonSaysMissing()
{
    const nb::Decoded<Won> amount = nb::readWon(QJsonObject{{"max_amount", 5}}, "amount");
    QVERIFY(!amount.ok());
    QCOMPARE(amount.error().message(), QString("field 'amount' is missing"));
}

void TestJson::optionalWonAcceptsAbsentAndNull()
{
    const auto absent = nb::readOptionalWon(QJsonObject{}, "max_amount");
    QVERIFY(absent.ok());
    QVERIFY(!absent->has_value());
    const auto null = nb::readOptionalWon(parse(R"({"max_amount": null})"), "max_amount");
    QVERIFY(null.ok());
    QVERIFY(!null->has_value());
    const auto present = nb::readOptionalWon(parse(R"({"max_amount": 25000})"), "max_amount");
    QVERIFY(present.ok());
    QCOMPARE(present->value(), Won{25'000});
}

void TestJson::idsAreExactBelowTwoToThe53()
{
    const auto largest = nb::readId(parse(R"({"id": 9007199254740991})"), "id");
    QVERIFY(largest.ok());
    QCOMPARE(*largest, qint64{9'007'199'254'740'991});
    for (const QByteArray value : {"0", "-3", "9007199254740992", "1.5", "\"7\"", "null"}) {
        const auto refused = nb::readId(parse("{\"auction_id\": " + value + "}"), "auction_id");
        QVERIFY2(!refused.ok(), value.constData());
        QCOMPARE(refused.error().message(), QString("field 'auction_id' must be a positive integer id"));
    }
}

void TestJson::stringLengthsCountCharactersNotUtf16Units()
{
    // U+1F6B2 (bicycle) is two UTF-16 units but one character, as PostgreSQL's length() counts it.
    const QString bicycle = QString::fromUtf8("\xF0\x9F\x9A\xB2");
    QString hundred;
    for (int i = 0; i < 100; ++i)
        hundred += bicycle;
    QCOMPARE(hundred.size(), 200);
    QVERIFY(nb::readString(QJsonObject{{"title", hundred}}, "title", 1, 100).ok());
    QVERIFY(!nb::readString(QJsonObject{{"title", hundred + "x"}}, "title", 1, 100).ok());
    QCOMPARE(nb::readString(QJsonObject{{"title", ""}}, "title", 1, 100).error().message(),
             QString("field 'title' must be a string of 1 to 100 characters"));
}

void TestJson::newAuctionValidBodyDecodes()
{
    const auto decoded = nb::fromJson<nb::NewAuction>(validNewAuctionBody());
    QVERIFY2(decoded.ok(), qPrintable(decoded.error().message()));
    QCOMPARE(decoded->title, QString("Road bike"));
    QCOMPARE(decoded->category, QString("bikes"));
    QCOMPARE(decoded->condition, nb::ItemCondition::Good);
    QCOMPARE(decoded->shippingPayer, nb::ShippingPayer::Buyer);
    QCOMPARE(decoded->isNational, false);
    QCOMPARE(decoded->startPrice, Won{10'000});
    QCOMPARE(decoded->startsAt, kStarts);
    QCOMPARE(decoded->endsAt, QDateTime(QDate(2026, 11, 21), QTime(9, 30), QTimeZone::utc()));
    QVERIFY(!decoded->regionId && !decoded->bidIncrement && !decoded->reservePrice && !decoded->buyNowPrice &&
            !decoded->softCloseSeconds);

    QJsonObject full = validNewAuctionBody();
    full.insert("region_id", 1168010100);
    full.insert("bid_increment", 1'000);
    full.insert("reserve_price", 10'000);
    full.insert("buy_now_price", 10'001);
    full.insert("soft_close_seconds", 0);
    full.remove("starts_at");
    const auto all = nb::fromJson<nb::NewAuction>(full);
    QVERIFY2(all.ok(), qPrintable(all.error().message()));
    QCOMPARE(all->regionId, std::optional<qint64>(1168010100));
    QCOMPARE(all->bidIncrement, std::optional<Won>(1'000));
    QCOMPARE(all->reservePrice, std::optional<Won>(10'000));
    QCOMPARE(all->buyNowPrice, std::optional<Won>(10'001));
    QCOMPARE(all->softCloseSeconds, std::optional<int>(0));
    QVERIFY(!all->startsAt.isValid());
}

void TestJson::newAuctionLimitsAreInclusive()
{
    QJsonObject body = validNewAuctionBody();
    body.insert("title", QString(100, QChar(0xC790))); // 100 Hangul syllables
    body.insert("description", QString(5000, QLatin1Char('d')));
    body.insert("category", QString(40, QLatin1Char('a')));
    body.insert("start_price", Won{999'999'999'999});
    body.insert("buy_now_price", 1'000'000'000'000LL);
    body.insert("soft_close_seconds", 3600);
    body.insert("ends_at", nb::toWireTime(kStarts.addDays(30)));
    const auto decoded = nb::fromJson<nb::NewAuction>(body);
    QVERIFY2(decoded.ok(), qPrintable(decoded.error().message()));
    QCOMPARE(decoded->title.size(), 100);
    QCOMPARE(decoded->softCloseSeconds, std::optional<int>(3600));
}

void TestJson::newAuctionTrimsTheTitle()
{
    QJsonObject body = validNewAuctionBody();
    body.insert("title", "  Road bike \n");
    const auto decoded = nb::fromJson<nb::NewAuction>(body);
    QVERIFY(decoded.ok());
    QCOMPARE(decoded->title, QString("Road bike"));
}

void TestJson::newAuctionErrorNamesTheField_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QJsonValue>("value"); // undefined: the key is removed
    QTest::addColumn<QString>("field");

    const QJsonValue remove(QJsonValue::Undefined);
    QTest::newRow("title missing") << "title" << remove << "title";
    QTest::newRow("title empty") << "title" << QJsonValue("") << "title";
    QTest::newRow("title blank") << "title" << QJsonValue("   ") << "title";
    QTest::newRow("title 101 chars") << "title" << QJsonValue(QString(101, QLatin1Char('t'))) << "title";
    QTest::newRow("title number") << "title" << QJsonValue(5) << "title";
    QTest::newRow("description missing") << "description" << remove << "description";
    QTest::newRow("description 5001 chars")
        << "description" << QJsonValue(QString(5001, QLatin1Char('d'))) << "description";
    QTest::newRow("description array") << "description" << QJsonValue(QJsonArray{"a"}) << "description";
    QTest::newRow("category missing") << "category" << remove << "category";
    QTest::newRow("category empty") << "category" << QJsonValue("") << "category";
    QTest::newRow("category uppercase") << "category" << QJsonValue("Bikes") << "category";
    QTest::newRow("category space") << "category" << QJsonValue("road bikes") << "category";
    QTest::newRow("category 41 chars")
        << "category" << QJsonValue(QString(41, QLatin1Char('a'))) << "category";
    QTest::newRow("region_id zero") << "region_id" << QJsonValue(0) << "region_id";
    QTest::newRow("region_id string") << "region_id" << QJsonValue("11") << "region_id";
    QTest::newRow("region_id fraction") << "region_id" << QJsonValue(1.5) << "region_id";
    QTest::newRow("condition missing") << "condition" << remove << "condition";
    QTest::newRow("condition unknown") << "condition" << QJsonValue("mint") << "condition";
    QTest::newRow("condition upper case") << "condition" << QJsonValue("NEW") << "condition";
    QTest::newRow("shipping_payer missing") << "shipping_payer" << remove << "shipping_payer";
    QTest::newRow("shipping_payer unknown") << "shipping_payer" << QJsonValue("both") << "shipping_payer";
    QTest::newRow("is_national missing") << "is_national" << remove << "is_national";
    QTest::newRow("is_national string") << "is_national" << QJsonValue("true") << "is_national";
    QTest::newRow("is_national number") << "is_national" << QJsonValue(1) << "is_national";
    QTest::newRow("start_price missing") << "start_price" << remove << "start_price";
    QTest::newRow("start_price zero") << "start_price" << QJsonValue(0) << "start_price";
    QTest::newRow("start_price negative") << "start_price" << QJsonValue(-1) << "start_price";
    QTest::newRow("start_price fraction") << "start_price" << QJsonValue(10000.5) << "start_price";
    QTest::newRow("start_price string") << "start_price" << QJsonValue("10000") << "start_price";
    QTest::newRow("start_price too large")
        << "start_price" << QJsonValue(1'000'000'000'001LL) << "start_price";
    QTest::newRow("bid_increment zero") << "bid_increment" << QJsonValue(0) << "bid_increment";
    QTest::newRow("bid_increment fraction") << "bid_increment" << QJsonValue(0.5) << "bid_increment";
    QTest::newRow("reserve_price zero") << "reserve_price" << QJsonValue(0) << "reserve_price";
    QTest::newRow("reserve_price below start") << "reserve_price" << QJsonValue(9'999) << "reserve_price";
    QTest::newRow("buy_now_price equal to start") << "buy_now_price" << QJsonValue(10'000) << "buy_now_price";
    QTest::newRow("buy_now_price below start") << "buy_now_price" << QJsonValue(5'000) << "buy_now_price";
    QTest::newRow("buy_now_price string") << "buy_now_price" << QJsonValue("x") << "buy_now_price";
    QTest::newRow("starts_at without zone")
        << "starts_at" << QJsonValue("2026-11-14T09:30:00") << "starts_at";
    QTest::newRow("starts_at words") << "starts_at" << QJsonValue("tomorrow") << "starts_at";
    QTest::newRow("starts_at epoch number") << "starts_at" << QJsonValue(1795253400) << "starts_at";
    QTest::newRow("ends_at missing") << "ends_at" << remove << "ends_at";
    QTest::newRow("ends_at without zone") << "ends_at" << QJsonValue("2026-11-21T09:30:00.000") << "ends_at";
    QTest::newRow("ends_at before starts_at")
        << "ends_at" << QJsonValue("2026-11-13T09:30:00.000Z") << "ends_at";
    QTest::newRow("ends_at equal to starts_at")
        << "ends_at" << QJsonValue("2026-11-14T09:30:00.000Z") << "ends_at";
    QTest::newRow("ends_at over 30 days after starts_at")
        << "ends_at" << QJsonValue("2026-12-14T09:30:00.001Z") << "ends_at";
    QTest::newRow("soft_close_seconds negative")
        << "soft_close_seconds" << QJsonValue(-1) << "soft_close_seconds";
    QTest::newRow("soft_close_seconds 3601")
        << "soft_close_seconds" << QJsonValue(3601) << "soft_close_seconds";
    QTest::newRow("soft_close_seconds fraction")
        << "soft_close_seconds" << QJsonValue(1.5) << "soft_close_seconds";
    QTest::newRow("soft_close_seconds string")
        << "soft_close_seconds" << QJsonValue("60") << "soft_close_seconds";
}

void TestJson::newAuctionErrorNamesTheField()
{
    QFETCH(QString, key);
    QFETCH(QJsonValue, value);
    QFETCH(QString, field);
    QJsonObject body = validNewAuctionBody();
    if (value.isUndefined())
        body.remove(key);
    else
        body.insert(key, value);
    // Through text, as a request body arrives.
    const QJsonObject received = parse(QJsonDocument(body).toJson());
    const nb::Decoded<nb::NewAuction> decoded = nb::fromJson<nb::NewAuction>(received);
    QVERIFY(!decoded.ok());
    QCOMPARE(decoded.error().field, field);
    QVERIFY2(decoded.error().message().startsWith("field '" + field + "' "),
             qPrintable(decoded.error().message()));
}

void TestJson::newAuctionScheduleNeedsAFutureEndWithin30Days()
{
    const QDateTime now(QDate(2026, 11, 10), QTime(12, 0), QTimeZone::utc());
    nb::NewAuction auction;
    auction.endsAt = now.addDays(7);
    QCOMPARE(nb::checkNewAuctionSchedule(auction, now), std::nullopt);

    auction.endsAt = now.addSecs(-1);
    auto error = nb::checkNewAuctionSchedule(auction, now);
    QVERIFY(error);
    QCOMPARE(error->field, QString("ends_at"));

    auction.endsAt = now.addDays(30);
    QCOMPARE(nb::checkNewAuctionSchedule(auction, now), std::nullopt);
    auction.endsAt = now.addDays(30).addMSecs(1);
    error = nb::checkNewAuctionSchedule(auction, now);
    QVERIFY(error);
    QCOMPARE(error->field, QString("ends_at"));

    // A later start moves the 30-day window with it.
    auction.startsAt = now.addDays(5);
    auction.endsAt = now.addDays(35);
    QCOMPARE(nb::checkNewAuctionSchedule(auction, now), std::nullopt);
    auction.endsAt = now.addDays(4);
    error = nb::checkNewAuctionSchedule(auction, now);
    QVERIFY(error);
    QCOMPARE(error->field, QString("ends_at"));

    // A start in the past counts from now: the end must still be ahead.
    auction.startsAt = now.addDays(-3);
    auction.endsAt = now.addSecs(-60);
    error = nb::checkNewAuctionSchedule(auction, now);
    QVERIFY(error);
    QCOMPARE(error->field, QString("ends_at"));
}

void TestJson::nestedErrorsNameTheirPath()
{
    QJsonObject bid = nb::toJson(nb::Bid{5, 12'000, nb::PartyRef{42, "a"}, kEnds});
    bid.insert("bidder", QJsonObject{{"display_name", "a"}});
    auto decodedBid = nb::fromJson<nb::Bid>(bid);
    QVERIFY(!decodedBid.ok());
    QCOMPARE(decodedBid.error().field, QString("bidder.id"));
    QCOMPARE(decodedBid.error().message(), QString("field 'bidder.id' is missing"));

    bid.insert("bidder", "someone");
    decodedBid = nb::fromJson<nb::Bid>(bid);
    QCOMPARE(decodedBid.error().message(), QString("field 'bidder' must be an object"));

    QJsonObject result = nb::toJson(sampleBidResult());
    QJsonObject wallet = result.value("wallet").toObject();
    wallet.insert("locked", -5);
    result.insert("wallet", wallet);
    QCOMPARE(nb::fromJson<nb::BidResult>(result).error().field, QString("wallet.locked"));

    nb::Page<nb::Bid> page;
    page.items = {nb::Bid{1, 1'000, nb::PartyRef{2, "a"}, kEnds},
                  nb::Bid{2, 2'000, nb::PartyRef{3, "b"}, kEnds}};
    page.total = 2;
    QJsonObject pageJson = nb::toJson(page);
    QJsonArray items = pageJson.value("items").toArray();
    QJsonObject second = items.at(1).toObject();
    second.insert("amount", 2'000.5);
    items.replace(1, second);
    pageJson.insert("items", items);
    const auto decodedPage = nb::pageFromJson<nb::Bid>(pageJson);
    QVERIFY(!decodedPage.ok());
    QCOMPARE(decodedPage.error().field, QString("items[1].amount"));

    items.replace(0, 5);
    pageJson.insert("items", items);
    QCOMPARE(nb::pageFromJson<nb::Bid>(pageJson).error().field, QString("items[0]"));
}

void TestJson::walletTotalMustEqualBalancePlusLocked()
{
    QCOMPARE(nb::toJson(nb::Wallet{300, 200}).value("total").toInteger(), qint64{500});
    const auto zero = nb::fromJson<nb::Wallet>(parse(R"({"balance": 0, "locked": 0, "total": 0})"));
    QVERIFY(zero.ok());
    const auto wrong = nb::fromJson<nb::Wallet>(parse(R"({"balance": 300, "locked": 200, "total": 400})"));
    QVERIFY(!wrong.ok());
    QCOMPARE(wrong.error().field, QString("total"));
}

void TestJson::eventTypeMustMatch()
{
    QJsonObject extended = nb::toJson(nb::AuctionExtendedEvent{1001, 10, kEnds});
    QVERIFY(nb::fromJson<nb::AuctionExtendedEvent>(extended).ok());
    QCOMPARE(nb::fromJson<nb::AuctionStartedEvent>(extended).error().field, QString("type"));
    extended.remove("type");
    QCOMPARE(nb::fromJson<nb::AuctionExtendedEvent>(extended).error().field, QString("type"));
}

void TestJson::unknownFieldsAreIgnored()
{
    QJsonObject json = nb::toJson(sampleUser());
    json.insert("favourite_colour", "green");
    json.insert("v2_badges", QJsonArray{1, 2});
    const auto decoded = nb::fromJson<nb::User>(json);
    QVERIFY(decoded.ok());
    QCOMPARE(nb::toJson(*decoded), nb::toJson(sampleUser()));
}

void TestJson::decodeErrorBecomesBadRequest()
{
    const nb::DecodeError error = nb::readWon(parse(R"({"amount": 1.5})"), "amount").error();
    const nb::ApiError api = error.toApiError();
    QCOMPARE(api.code, nb::ErrorCode::BadRequest);
    QCOMPARE(nb::httpStatusFor(api.code), 400);
    QCOMPARE(api.message, QString("field 'amount' must be an integer between 1 and 10^12"));
    QCOMPARE(api.details.value("field").toString(), QString("amount"));

    nb::JsonReader in(parse(R"({"amount": 5000, "request_id": "bad id!"})"));
    QCOMPARE(in.won("amount"), Won{5'000});
    QCOMPARE(in.requestId(), QString());
    QCOMPARE(in.optionalWon("max_amount"), std::nullopt);
    QVERIFY(!in.ok());
    QCOMPARE(in.error().field, QString("request_id"));
}

void TestJson::malformedOrNonObjectBodyIsRefused()
{
    const auto malformed = nb::parseJsonObject(R"({"amount": )");
    QVERIFY(!malformed.ok());
    QVERIFY(malformed.error().field.isEmpty());
    QVERIFY(malformed.error().message().startsWith("malformed JSON"));
    QVERIFY(!malformed.error().toApiError().details.contains("field"));

    const auto array = nb::parseJsonObject("[1, 2]");
    QVERIFY(!array.ok());
    QCOMPARE(array.error().message(), QString("the body must be a JSON object"));

    QVERIFY(!nb::parseJsonObject("").ok());
    QVERIFY(nb::parseJsonObject("{}").ok());
}

// Not QTEST_APPLESS_MAIN: under clang -Wpedantic its expansion warns about an empty variadic argument.
int main(int argc, char** argv)
{
    TestJson test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_json.moc"
