#include "shared/protocol/Json.h"
#include "shared/protocol/JsonEncoding.h"

#include <algorithm>

namespace nb {

using jsonencoding::insertIfPresent;
using jsonencoding::timeValue;

namespace {

// The categories table's CHECK: ^[a-z0-9-]{1,40}$.
bool isCategorySlug(const QString& slug)
{
    if (slug.isEmpty() || slug.size() > kMaxCategorySlugLength)
        return false;
    return std::all_of(slug.cbegin(), slug.cend(), [](QChar c) {
        const char16_t u = c.unicode();
        return (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u == '-';
    });
}

// Prices: each a valid amount, then the rules between them, each reported on the later field.
void readPrices(JsonReader& in, NewAuction& auction)
{
    auction.startPrice = in.won("start_price");
    auction.bidIncrement = in.optionalWon("bid_increment");
    auction.reservePrice = in.optionalWon("reserve_price");
    if (auction.reservePrice && *auction.reservePrice < auction.startPrice)
        in.fail("reserve_price", QStringLiteral("must be at least start_price"));
    auction.buyNowPrice = in.optionalWon("buy_now_price");
    if (auction.buyNowPrice && *auction.buyNowPrice <= auction.startPrice)
        in.fail("buy_now_price", QStringLiteral("must be greater than start_price"));
    // Buying now below the reserve would sell for less than the seller said they accept.
    if (auction.buyNowPrice && auction.reservePrice && *auction.buyNowPrice < *auction.reservePrice)
        in.fail("buy_now_price", QStringLiteral("must be at least reserve_price"));
}

// The schedule rules that need no clock; checkNewAuctionSchedule adds those that do.
void readSchedule(JsonReader& in, NewAuction& auction)
{
    auction.startsAt = in.optionalTime("starts_at");
    auction.endsAt = in.time("ends_at");
    if (in.ok() && auction.startsAt.isValid()) {
        if (auction.endsAt <= auction.startsAt)
            in.fail("ends_at", QStringLiteral("must be after starts_at"));
        else if (auction.startsAt.msecsTo(auction.endsAt) > kMaxAuctionDurationSecs * 1000)
            in.fail("ends_at", QStringLiteral("must be at most 30 days after starts_at"));
    }
    const std::optional<qint64> softClose = in.optionalInteger("soft_close_seconds", 0, kMaxSoftCloseSeconds);
    if (softClose)
        auction.softCloseSeconds = static_cast<int>(*softClose);
}

} // namespace

QJsonObject toJson(const NewAuction& auction)
{
    QJsonObject json{{"title", auction.title},
                     {"description", auction.description},
                     {"category", auction.category},
                     {"condition", toWire(auction.condition)},
                     {"shipping_payer", toWire(auction.shippingPayer)},
                     {"is_national", auction.isNational},
                     {"start_price", auction.startPrice},
                     {"ends_at", timeValue(auction.endsAt)}};
    insertIfPresent(json, "region_id", auction.regionId);
    insertIfPresent(json, "bid_increment", auction.bidIncrement);
    insertIfPresent(json, "reserve_price", auction.reservePrice);
    insertIfPresent(json, "buy_now_price", auction.buyNowPrice);
    if (auction.startsAt.isValid())
        json.insert("starts_at", toWireTime(auction.startsAt));
    insertIfPresent(json, "soft_close_seconds", auction.softCloseSeconds);
    return json;
}

template <>
Decoded<NewAuction> fromJson<NewAuction>(const QJsonObject& json)
{
    JsonReader in(json);
    NewAuction auction;
    auction.title = in.trimmedString("title", 1, kMaxTitleLength);
    auction.description = in.string("description", 0, kMaxDescriptionLength);
    auction.category = in.string("category");
    if (in.ok() && !isCategorySlug(auction.category)) {
        in.fail("category", QStringLiteral("must be a category slug: 1 to %1 characters of a-z, 0-9 and '-'")
                                .arg(kMaxCategorySlugLength));
    }
    auction.regionId = in.optionalId("region_id");
    auction.condition = in.enumValue("condition", ItemCondition::Good);
    auction.shippingPayer = in.enumValue("shipping_payer", ShippingPayer::Buyer);
    auction.isNational = in.boolean("is_national");
    readPrices(in, auction);
    readSchedule(in, auction);
    return in.result(std::move(auction));
}

std::optional<DecodeError> checkNewAuctionSchedule(const NewAuction& auction, const QDateTime& now)
{
    // A start in the past means "now": the auction cannot have run already.
    const QDateTime start = auction.startsAt.isValid() ? std::max(auction.startsAt, now) : now;
    if (!auction.endsAt.isValid())
        return DecodeError{QStringLiteral("ends_at"), QStringLiteral("is missing")};
    if (auction.endsAt <= start) {
        return DecodeError{QStringLiteral("ends_at"), auction.startsAt.isValid()
                                                          ? QStringLiteral("must be after starts_at and now")
                                                          : QStringLiteral("must be in the future")};
    }
    if (start.msecsTo(auction.endsAt) > kMaxAuctionDurationSecs * 1000)
        return DecodeError{QStringLiteral("ends_at"),
                           QStringLiteral("must be at most 30 days after starts_at")};
    return std::nullopt;
}

} // namespace nb
