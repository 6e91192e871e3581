#pragma once

#include "shared/protocol/Decoded.h"
#include "shared/protocol/Events.h"
#include "shared/protocol/JsonFields.h"
#include "shared/protocol/JsonReader.h"
#include "shared/protocol/Objects.h"
#include "shared/protocol/WireEnums.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>

#include <limits>
#include <optional>

namespace nb {

/// JSON encoders and decoders of every protocol object, with PROTOCOL.md's field names.
///
/// Encoding: money and ids are JSON integers, times toWireTime, enums their wire names.
/// A field PROTOCOL.md marks with '?' is omitted when absent; a field it lists without '?' is
/// always present and null when unknown (User.region_id, BidResult.high_bidder_id,
/// Region.parent_id, auction.ended's winner and final_price).
/// Decoding is strict about types and ranges and names the first bad field; unknown fields are
/// ignored so that v1 readers survive additions.

// Encoders.
QJsonObject toJson(const PartyRef& party);   // {id, display_name}
QJsonObject toJson(const SellerRef& seller); // {id, display_name, reputation, review_count}
QJsonObject toJson(const RegionRef& region); // {id, name}
QJsonObject toJson(const User& user);        // {id, username, display_name, region_id, reputation,
                                             //  review_count, is_admin, created_at}
QJsonObject toJson(const Wallet& wallet);    // {balance, locked, total}
QJsonObject
toJson(const LedgerEntry& entry); // {id, kind, amount, balance_after, locked_after, auction_id?, at}
QJsonObject toJson(const AuctionSummary& summary);
/// The summary's fields and the detail's own, flat in one object. reserve_price is written when
/// set: the server sets it only for the seller.
QJsonObject toJson(const AuctionDetail& detail);
QJsonObject toJson(const NewAuction& auction);
QJsonObject toJson(const Bid& bid);                   // {id, amount, bidder:{id, display_name}, at}
QJsonObject toJson(const BidResult& result);          // {bid_id, …, wallet:{…}}
QJsonObject toJson(const Notification& notification); // {id, kind, auction_id?, text, at, read}
QJsonObject toJson(const Region& region);             // {id, name, parent_id, depth}
QJsonObject toJson(const Category& category);         // {id, slug, name, name_ko?}
QJsonObject toJson(const AuctionBidEvent& event);
QJsonObject toJson(const AuctionExtendedEvent& event);
QJsonObject toJson(const AuctionEndedEvent& event);
QJsonObject toJson(const AuctionStartedEvent& event);

/// Reputation as shown: the average rounded to one decimal.
double roundedReputation(double average);

// Decoders: fromJson<User>(json) etc., defined for every type encoded above.
template <typename T>
Decoded<T> fromJson(const QJsonObject& json);

template <>
Decoded<PartyRef> fromJson<PartyRef>(const QJsonObject& json);
template <>
Decoded<SellerRef> fromJson<SellerRef>(const QJsonObject& json);
template <>
Decoded<RegionRef> fromJson<RegionRef>(const QJsonObject& json);
template <>
Decoded<User> fromJson<User>(const QJsonObject& json);
template <>
Decoded<Wallet> fromJson<Wallet>(const QJsonObject& json);
template <>
Decoded<LedgerEntry> fromJson<LedgerEntry>(const QJsonObject& json);
template <>
Decoded<AuctionSummary> fromJson<AuctionSummary>(const QJsonObject& json);
template <>
Decoded<AuctionDetail> fromJson<AuctionDetail>(const QJsonObject& json);
/// Validates as a POST /api/v1/auctions body must be: see NewAuctionJson.cpp for each rule.
template <>
Decoded<NewAuction> fromJson<NewAuction>(const QJsonObject& json);
template <>
Decoded<Bid> fromJson<Bid>(const QJsonObject& json);
template <>
Decoded<BidResult> fromJson<BidResult>(const QJsonObject& json);
template <>
Decoded<Notification> fromJson<Notification>(const QJsonObject& json);
template <>
Decoded<Region> fromJson<Region>(const QJsonObject& json);
template <>
Decoded<Category> fromJson<Category>(const QJsonObject& json);
template <>
Decoded<AuctionBidEvent> fromJson<AuctionBidEvent>(const QJsonObject& json);
template <>
Decoded<AuctionExtendedEvent> fromJson<AuctionExtendedEvent>(const QJsonObject& json);
template <>
Decoded<AuctionEndedEvent> fromJson<AuctionEndedEvent>(const QJsonObject& json);
template <>
Decoded<AuctionStartedEvent> fromJson<AuctionStartedEvent>(const QJsonObject& json);

// NewAuction's limits (PROTOCOL.md, RULES.md).
constexpr int kMaxTitleLength = 100;
constexpr int kMaxDescriptionLength = 5000;
constexpr int kMaxCategorySlugLength = 40;
constexpr int kDefaultSoftCloseSeconds = 60;
constexpr int kMaxSoftCloseSeconds = 3600;
/// The longest an auction may run: ends_at at most 30 days after starts_at.
constexpr qint64 kMaxAuctionDurationSecs = 30LL * 24 * 60 * 60;

/// The NewAuction rules that need the clock, for the server (and the client's pre-check):
/// ends_at after now and after starts_at (now when absent or past), and at most 30 days after
/// that start. nullopt when the schedule is fine.
std::optional<DecodeError> checkNewAuctionSchedule(const NewAuction& auction, const QDateTime& now);

/// [toJson(item), …]
template <typename T>
QJsonArray toJsonArray(const QList<T>& items)
{
    QJsonArray array;
    for (const T& item : items)
        array.append(toJson(item));
    return array;
}

/// Every element decoded; errors are named by index: "[2].amount".
template <typename T>
Decoded<QList<T>> listFromJson(const QJsonArray& array)
{
    QList<T> items;
    items.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString index = QStringLiteral("[%1]").arg(i);
        if (!array.at(i).isObject())
            return DecodeError{index, QStringLiteral("must be an object")};
        Decoded<T> item = fromJson<T>(array.at(i).toObject());
        if (!item)
            return item.error().inside(index);
        items.append(std::move(item).value());
    }
    return items;
}

/// {"items": [...], "total", "page", "page_size"}
template <typename T>
QJsonObject toJson(const Page<T>& page)
{
    return QJsonObject{{"items", toJsonArray(page.items)},
                       {"total", page.total},
                       {"page", page.page},
                       {"page_size", page.pageSize}};
}

template <typename T>
Decoded<Page<T>> pageFromJson(const QJsonObject& json)
{
    JsonReader in(json);
    Page<T> page;
    page.items = in.nested(listFromJson<T>(in.array("items")), QStringLiteral("items"));
    page.total = in.integer("total", 0, kMaxJsonInteger);
    page.page = static_cast<int>(in.integer("page", 1, std::numeric_limits<int>::max()));
    page.pageSize = static_cast<int>(in.integer("page_size", 1, std::numeric_limits<int>::max()));
    return in.result(std::move(page));
}

} // namespace nb
