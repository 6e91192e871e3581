#include "shared/protocol/Json.h"

#include "shared/protocol/JsonEncoding.h"

#include <cmath>

namespace nb {

using jsonencoding::insertIfPresent;
using jsonencoding::timeValue;
using jsonencoding::valueOrNull;

namespace {

constexpr double kMaxRating = 5.0;

} // namespace

double roundedReputation(double average)
{
    return std::round(average * 10.0) / 10.0;
}

QJsonObject toJson(const PartyRef& party)
{
    return QJsonObject{{"id", party.id}, {"display_name", party.displayName}};
}

QJsonObject toJson(const SellerRef& seller)
{
    return QJsonObject{{"id", seller.id},
                       {"display_name", seller.displayName},
                       {"reputation", roundedReputation(seller.reputation)},
                       {"review_count", seller.reviewCount}};
}

QJsonObject toJson(const RegionRef& region)
{
    return QJsonObject{{"id", region.id}, {"name", region.name}};
}

QJsonObject toJson(const User& user)
{
    return QJsonObject{{"id", user.id},
                       {"username", user.username},
                       {"display_name", user.displayName},
                       {"region_id", valueOrNull(user.regionId)},
                       {"reputation", roundedReputation(user.reputation)},
                       {"review_count", user.reviewCount},
                       {"is_admin", user.isAdmin},
                       {"created_at", timeValue(user.createdAt)}};
}

QJsonObject toJson(const Wallet& wallet)
{
    return QJsonObject{{"balance", wallet.balance}, {"locked", wallet.locked}, {"total", wallet.total()}};
}

QJsonObject toJson(const LedgerEntry& entry)
{
    QJsonObject json{{"id", entry.id},
                     {"kind", toWire(entry.kind)},
                     {"amount", entry.amount},
                     {"balance_after", entry.balanceAfter},
                     {"locked_after", entry.lockedAfter},
                     {"at", timeValue(entry.at)}};
    insertIfPresent(json, "auction_id", entry.auctionId);
    return json;
}

QJsonObject toJson(const Bid& bid)
{
    return QJsonObject{
        {"id", bid.id}, {"amount", bid.amount}, {"bidder", toJson(bid.bidder)}, {"at", timeValue(bid.at)}};
}

QJsonObject toJson(const BidResult& result)
{
    return QJsonObject{{"bid_id", result.bidId},
                       {"auction_id", result.auctionId},
                       {"accepted_amount", result.acceptedAmount},
                       {"current_price", result.currentPrice},
                       {"leading", result.leading},
                       {"high_bidder_id", valueOrNull(result.highBidderId)},
                       {"ends_at", timeValue(result.endsAt)},
                       {"seq", result.seq},
                       {"wallet", toJson(result.wallet)}};
}

QJsonObject toJson(const Notification& notification)
{
    QJsonObject json{{"id", notification.id},
                     {"kind", notification.kind},
                     {"text", notification.text},
                     {"at", timeValue(notification.at)},
                     {"read", notification.read}};
    insertIfPresent(json, "auction_id", notification.auctionId);
    return json;
}

QJsonObject toJson(const Region& region)
{
    return QJsonObject{{"id", region.id},
                       {"name", region.name},
                       {"parent_id", valueOrNull(region.parentId)},
                       {"depth", region.depth}};
}

QJsonObject toJson(const Category& category)
{
    QJsonObject json{{"id", category.id}, {"slug", category.slug}, {"name", category.name}};
    if (!category.nameKo.isEmpty())
        json.insert("name_ko", category.nameKo);
    return json;
}

template <>
Decoded<PartyRef> fromJson<PartyRef>(const QJsonObject& json)
{
    JsonReader in(json);
    PartyRef party;
    party.id = in.id("id");
    party.displayName = in.string("display_name");
    return in.result(std::move(party));
}

template <>
Decoded<SellerRef> fromJson<SellerRef>(const QJsonObject& json)
{
    JsonReader in(json);
    SellerRef seller;
    seller.id = in.id("id");
    seller.displayName = in.string("display_name");
    seller.reputation = in.number("reputation", 0.0, kMaxRating);
    seller.reviewCount = in.count("review_count");
    return in.result(std::move(seller));
}

template <>
Decoded<RegionRef> fromJson<RegionRef>(const QJsonObject& json)
{
    JsonReader in(json);
    RegionRef region;
    region.id = in.id("id");
    region.name = in.string("name");
    return in.result(std::move(region));
}

template <>
Decoded<User> fromJson<User>(const QJsonObject& json)
{
    JsonReader in(json);
    User user;
    user.id = in.id("id");
    user.username = in.string("username");
    user.displayName = in.string("display_name");
    user.regionId = in.optionalId("region_id");
    user.reputation = in.number("reputation", 0.0, kMaxRating);
    user.reviewCount = in.count("review_count");
    user.isAdmin = in.optionalBool("is_admin").value_or(false);
    user.createdAt = in.time("created_at");
    return in.result(std::move(user));
}

template <>
Decoded<Wallet> fromJson<Wallet>(const QJsonObject& json)
{
    JsonReader in(json);
    Wallet wallet;
    wallet.balance = in.nonNegativeWon("balance");
    wallet.locked = in.nonNegativeWon("locked");
    const Won total = in.nonNegativeWon("total");
    if (in.ok() && total != wallet.total())
        in.fail("total", QStringLiteral("must equal balance + locked"));
    return in.result(wallet);
}

template <>
Decoded<LedgerEntry> fromJson<LedgerEntry>(const QJsonObject& json)
{
    JsonReader in(json);
    LedgerEntry entry;
    entry.id = in.id("id");
    entry.kind = in.enumValue("kind", LedgerKind::Deposit);
    entry.amount = in.won("amount");
    entry.balanceAfter = in.nonNegativeWon("balance_after");
    entry.lockedAfter = in.nonNegativeWon("locked_after");
    entry.auctionId = in.optionalId("auction_id");
    entry.at = in.time("at");
    return in.result(std::move(entry));
}

template <>
Decoded<Bid> fromJson<Bid>(const QJsonObject& json)
{
    JsonReader in(json);
    Bid bid;
    bid.id = in.id("id");
    bid.amount = in.won("amount");
    bid.bidder = in.nested(fromJson<PartyRef>(in.objectField("bidder")), "bidder");
    bid.at = in.time("at");
    return in.result(std::move(bid));
}

template <>
Decoded<BidResult> fromJson<BidResult>(const QJsonObject& json)
{
    JsonReader in(json);
    BidResult result;
    result.bidId = in.id("bid_id");
    result.auctionId = in.id("auction_id");
    result.acceptedAmount = in.won("accepted_amount");
    result.currentPrice = in.won("current_price");
    result.leading = in.boolean("leading");
    result.highBidderId = in.optionalId("high_bidder_id");
    result.endsAt = in.time("ends_at");
    result.seq = in.integer("seq", 0, kMaxJsonInteger);
    result.wallet = in.nested(fromJson<Wallet>(in.objectField("wallet")), "wallet");
    return in.result(std::move(result));
}

template <>
Decoded<Notification> fromJson<Notification>(const QJsonObject& json)
{
    JsonReader in(json);
    Notification notification;
    notification.id = in.id("id");
    notification.kind = in.string("kind", 1);
    notification.auctionId = in.optionalId("auction_id");
    notification.text = in.string("text");
    notification.at = in.time("at");
    notification.read = in.boolean("read");
    return in.result(std::move(notification));
}

template <>
Decoded<Region> fromJson<Region>(const QJsonObject& json)
{
    JsonReader in(json);
    Region region;
    region.id = in.id("id");
    region.name = in.string("name", 1);
    region.parentId = in.optionalId("parent_id");
    region.depth = static_cast<int>(in.integer("depth", 1, 3));
    return in.result(std::move(region));
}

template <>
Decoded<Category> fromJson<Category>(const QJsonObject& json)
{
    JsonReader in(json);
    Category category;
    category.id = in.id("id");
    category.slug = in.string("slug", 1);
    category.name = in.string("name");
    category.nameKo = in.optionalString("name_ko");
    return in.result(std::move(category));
}

} // namespace nb
