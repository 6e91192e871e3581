#include "shared/protocol/Json.h"
#include "shared/protocol/JsonEncoding.h"

namespace nb {

using jsonencoding::insertIfPresent;
using jsonencoding::timeValue;

namespace {

// AuctionDetail is the summary's fields plus its own, flat: both codecs share these two.
QJsonObject summaryJson(const AuctionSummary& summary)
{
    QJsonObject json{{"id", summary.id},
                     {"title", summary.title},
                     {"seller", toJson(summary.seller)},
                     {"category", summary.category},
                     {"region", toJson(summary.region)},
                     {"is_national", summary.isNational},
                     {"status", toWire(summary.status)},
                     {"start_price", summary.startPrice},
                     {"current_price", summary.currentPrice},
                     {"bid_count", summary.bidCount},
                     {"watchers", summary.watchers},
                     {"ends_at", timeValue(summary.endsAt)},
                     {"starts_at", timeValue(summary.startsAt)}};
    insertIfPresent(json, "high_bidder_id", summary.highBidderId);
    insertIfPresent(json, "buy_now_price", summary.buyNowPrice);
    if (!summary.thumbnailUrl.isEmpty())
        json.insert("thumbnail_url", summary.thumbnailUrl);
    insertIfPresent(json, "my_max", summary.myMax);
    insertIfPresent(json, "leading", summary.leading);
    return json;
}

AuctionSummary readSummary(JsonReader& in)
{
    AuctionSummary summary;
    summary.id = in.id("id");
    summary.title = in.string("title");
    summary.seller = in.nested(fromJson<SellerRef>(in.objectField("seller")), "seller");
    summary.category = in.string("category");
    summary.region = in.nested(fromJson<RegionRef>(in.objectField("region")), "region");
    summary.isNational = in.boolean("is_national");
    summary.status = in.enumValue("status", AuctionStatus::Scheduled);
    summary.startPrice = in.won("start_price");
    summary.currentPrice = in.won("current_price");
    summary.bidCount = in.count("bid_count");
    summary.watchers = in.count("watchers");
    summary.highBidderId = in.optionalId("high_bidder_id");
    summary.buyNowPrice = in.optionalWon("buy_now_price");
    summary.endsAt = in.time("ends_at");
    summary.startsAt = in.time("starts_at");
    summary.thumbnailUrl = in.optionalString("thumbnail_url");
    summary.myMax = in.optionalWon("my_max");
    summary.leading = in.optionalBool("leading");
    return summary;
}

} // namespace

QJsonObject toJson(const AuctionSummary& summary)
{
    return summaryJson(summary);
}

QJsonObject toJson(const AuctionDetail& detail)
{
    QJsonObject json = summaryJson(detail.summary);
    json.insert("description", detail.description);
    json.insert("condition", toWire(detail.condition));
    json.insert("shipping_payer", toWire(detail.shippingPayer));
    json.insert("bid_increment", detail.bidIncrement);
    json.insert("min_next_bid", detail.minNextBid);
    insertIfPresent(json, "reserve_met", detail.reserveMet);
    insertIfPresent(json, "reserve_price", detail.reservePrice);
    json.insert("soft_close_seconds", detail.softCloseSeconds);
    json.insert("images", QJsonArray::fromStringList(detail.images));
    if (detail.winner)
        json.insert("winner", toJson(*detail.winner));
    insertIfPresent(json, "final_price", detail.finalPrice);
    if (detail.endReason)
        json.insert("end_reason", toWire(*detail.endReason));
    json.insert("seq", detail.seq);
    return json;
}

template <>
Decoded<AuctionSummary> fromJson<AuctionSummary>(const QJsonObject& json)
{
    JsonReader in(json);
    AuctionSummary summary = readSummary(in);
    return in.result(std::move(summary));
}

template <>
Decoded<AuctionDetail> fromJson<AuctionDetail>(const QJsonObject& json)
{
    JsonReader in(json);
    AuctionDetail detail;
    detail.summary = readSummary(in);
    detail.description = in.string("description");
    detail.condition = in.enumValue("condition", ItemCondition::Good);
    detail.shippingPayer = in.enumValue("shipping_payer", ShippingPayer::Buyer);
    detail.bidIncrement = in.won("bid_increment");
    detail.minNextBid = in.won("min_next_bid");
    detail.reserveMet = in.optionalBool("reserve_met");
    detail.reservePrice = in.optionalWon("reserve_price");
    detail.softCloseSeconds = static_cast<int>(in.integer("soft_close_seconds", 0, kMaxSoftCloseSeconds));
    detail.images = in.stringList("images");
    if (const std::optional<QJsonObject> winner = in.optionalObjectField("winner"))
        detail.winner = in.nested(fromJson<PartyRef>(*winner), "winner");
    detail.finalPrice = in.optionalWon("final_price");
    detail.endReason = in.optionalEnum<EndReason>("end_reason");
    detail.seq = in.integer("seq", 0, kMaxJsonInteger);
    return in.result(std::move(detail));
}

} // namespace nb
