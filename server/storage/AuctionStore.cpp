#include "server/storage/AuctionStore.h"

#include "server/storage/ImageStore.h"
#include "shared/BidIncrement.h"
#include "shared/protocol/Json.h"

#include <QTimeZone>

#include <set>

namespace nb::storage::auctions {

namespace {

QString text(const pqxx::field& f)
{
    return QString::fromStdString(f.as<std::string>());
}

template <typename T>
std::optional<T> optionalOf(const pqxx::field& f)
{
    if (f.is_null())
        return std::nullopt;
    return f.as<T>();
}

QDateTime timeOf(const pqxx::field& f)
{
    return QDateTime::fromMSecsSinceEpoch(f.as<qint64>(), Qt::UTC);
}

std::optional<AuctionRow> readRow(const pqxx::row& r)
{
    if (r["id"].is_null())
        return std::nullopt; // the auction side of an outer join
    AuctionRow row;
    row.id = r["id"].as<qint64>();
    row.sellerId = r["seller_id"].as<qint64>();
    row.title = text(r["title"]);
    row.status = auctionStatusFromWire(text(r["status"])).value_or(AuctionStatus::Cancelled);
    row.isNational = r["is_national"].as<bool>();
    row.startPrice = r["start_price"].as<qint64>();
    row.bidIncrement = optionalOf<qint64>(r["bid_increment"]);
    row.reservePrice = optionalOf<qint64>(r["reserve_price"]);
    row.buyNowPrice = optionalOf<qint64>(r["buy_now_price"]);
    row.currentPrice = r["current_price"].as<qint64>();
    row.bidCount = r["bid_count"].as<int>();
    row.highBidderId = optionalOf<qint64>(r["high_bidder_id"]);
    if (row.highBidderId)
        row.highBidderName = text(r["high_bidder_name"]);
    row.highMax = optionalOf<qint64>(r["high_max"]);
    row.startsAtMs = r["starts_at_ms"].as<qint64>();
    row.endsAtMs = r["ends_at_ms"].as<qint64>();
    row.softCloseSeconds = r["soft_close_seconds"].as<int>();
    row.seq = r["seq"].as<qint64>();
    row.nowMs = r["now_ms"].as<qint64>();
    return row;
}

std::optional<AuctionRow> readRow(const pqxx::result& result)
{
    if (result.empty())
        return std::nullopt;
    return readRow(result[0]);
}

} // namespace

AuctionSummary summaryFromRow(const pqxx::row& r)
{
    AuctionSummary s;
    s.id = r["id"].as<qint64>();
    s.title = text(r["title"]);
    s.seller.id = r["seller_id"].as<qint64>();
    s.seller.displayName = text(r["seller_name"]);
    s.seller.reputation = r["seller_reputation"].as<double>();
    s.seller.reviewCount = r["seller_reviews"].as<int>();
    s.category = text(r["category"]);
    s.region.id = r["region_id"].as<qint64>();
    s.region.name = text(r["region_name"]);
    s.isNational = r["is_national"].as<bool>();
    s.status = auctionStatusFromWire(text(r["status"])).value_or(AuctionStatus::Cancelled);
    s.startPrice = r["start_price"].as<qint64>();
    s.currentPrice = r["current_price"].as<qint64>();
    s.bidCount = r["bid_count"].as<int>();
    s.watchers = r["watchers"].as<int>();
    s.highBidderId = optionalOf<qint64>(r["high_bidder_id"]);
    s.buyNowPrice = optionalOf<qint64>(r["buy_now_price"]);
    s.startsAt = timeOf(r["starts_at_ms"]);
    s.endsAt = timeOf(r["ends_at_ms"]);
    if (const auto first = optionalOf<int>(r["first_image"]))
        s.thumbnailUrl = images::url(s.id, *first);
    return s;
}

std::optional<AuctionRow> lock(pqxx::work& tx, qint64 auctionId)
{
    return readRow(tx.exec_prepared("auction_lock", auctionId));
}

BidOpening openBid(pqxx::transaction_base& tx, qint64 auctionId, qint64 bidderId, const QString& requestId,
                   const QString& operation, const QString& params, int bidIds)
{
    BidOpening opening;
    pqxx::row r;
    try {
        // As text, so that a LazyBeginTransaction's BEGIN travels with it.
        StatementBatch statement(tx);
        statement.add("auction_lock_for_bid", auctionId, bidderId, requestId.toStdString(),
                      operation.toStdString(), params.toStdString(), bidIds);
        const pqxx::result rows = statement.send();
        if (rows.size() != 1)
            throw pqxx::unexpected_rows("auction_lock_for_bid returned " + std::to_string(rows.size()) +
                                        " rows");
        r = rows[0];
    } catch (const pqxx::foreign_key_violation&) {
        opening.claim.state = idempotency::Claim::State::NoSuchUser;
        return opening;
    }
    opening.auction = readRow(r);
    auto ids = r["bid_ids"].as_array();
    for (auto item = ids.get_next(); item.first != pqxx::array_parser::done; item = ids.get_next())
        if (item.first == pqxx::array_parser::string_value)
            opening.bidIds.push_back(std::stoll(item.second));
    if (!r["bidder_name"].is_null())
        opening.bidderName = text(r["bidder_name"]);
    if (!r["claimed"].as<bool>())
        opening.claim = idempotency::stored(tx, bidderId, requestId, operation, params);
    return opening;
}

std::optional<BidGlance> glanceForBids(pqxx::transaction_base& tx, qint64 auctionId,
                                       const std::vector<BidKey>& bids)
{
    // Array literals: user ids are numbers and request ids only [A-Za-z0-9_-] (checked before).
    std::string users = "{";
    std::string requests = "{";
    for (const BidKey& b : bids) {
        if (users.size() > 1) {
            users += ',';
            requests += ',';
        }
        users += std::to_string(b.userId);
        requests += b.requestId.toStdString();
    }
    users += '}';
    requests += '}';
    const pqxx::result result = tx.exec_prepared("auction_peek_for_bids", auctionId, users, requests);
    auto row = readRow(result);
    if (!row)
        return std::nullopt;
    std::set<std::string> seen;
    auto items = result[0]["requests_seen"].as_array();
    for (auto item = items.get_next(); item.first != pqxx::array_parser::done; item = items.get_next())
        if (item.first == pqxx::array_parser::string_value)
            seen.insert(item.second);
    BidGlance glance{std::move(*row), {}};
    glance.requestSeen.reserve(bids.size());
    for (const BidKey& b : bids)
        glance.requestSeen.push_back(seen.count(std::to_string(b.userId) + ':' + b.requestId.toStdString()) >
                                     0);
    return glance;
}

std::optional<AuctionRow> tryLock(pqxx::work& tx, qint64 auctionId)
{
    return readRow(tx.exec_prepared("auction_try_lock", auctionId));
}

qint64 insert(pqxx::work& tx, const NewAuctionRow& row)
{
    const NewAuction& a = row.spec;
    const std::optional<qint64> startsAtMs =
        a.startsAt.isValid() ? std::optional<qint64>(a.startsAt.toMSecsSinceEpoch()) : std::nullopt;
    return tx
        .exec_prepared1("auction_insert", row.sellerId, a.title.toStdString(), a.description.toStdString(),
                        row.categoryId, row.regionId, toWire(a.condition).toStdString(),
                        toWire(a.shippingPayer).toStdString(), a.isNational, a.startPrice, a.bidIncrement,
                        a.reservePrice, a.buyNowPrice, startsAtMs, a.endsAt.toMSecsSinceEpoch(),
                        a.softCloseSeconds.value_or(60))[0]
        .as<qint64>();
}

void updateAfterBid(StatementBatch& writes, const AuctionRow& after)
{
    writes.add("auction_update_after_bid", after.id, after.currentPrice, after.bidCount,
               after.highBidderId.value(), after.highMax.value(), after.endsAtMs, after.seq);
}

void markStarted(pqxx::work& tx, qint64 auctionId, qint64 seq)
{
    tx.exec_prepared0("auction_mark_started", auctionId, seq);
}

void markEnded(pqxx::work& tx, qint64 auctionId, EndReason reason, std::optional<qint64> winnerId,
               std::optional<Won> finalPrice, qint64 seq)
{
    const char* status = reason == EndReason::Cancelled ? "cancelled" : "ended";
    tx.exec_prepared0("auction_mark_ended", auctionId, status, toWire(reason).toStdString(), winnerId,
                      finalPrice, seq);
}

void insertBid(StatementBatch& writes, qint64 id, qint64 auctionId, qint64 bidderId, Won amount,
               std::optional<Won> maxAmount, bool isProxy)
{
    writes.add("bid_insert", id, auctionId, bidderId, amount, maxAmount, isProxy);
}

std::optional<Hold> hold(pqxx::work& tx, qint64 auctionId)
{
    const auto result = tx.exec_prepared("hold_get", auctionId);
    if (result.empty())
        return std::nullopt;
    return Hold{result[0][0].as<qint64>(), result[0][1].as<qint64>()};
}

void dropHold(pqxx::work& tx, qint64 auctionId)
{
    tx.exec_prepared0("hold_drop", auctionId);
}

namespace {
std::vector<qint64> ids(const pqxx::result& result)
{
    std::vector<qint64> out;
    out.reserve(result.size());
    for (const auto& row : result)
        out.push_back(row[0].as<qint64>());
    return out;
}
} // namespace

std::vector<qint64> dueToStart(pqxx::work& tx, int limit)
{
    return ids(tx.exec_prepared("auction_due_start", limit));
}

std::vector<qint64> dueToEnd(pqxx::work& tx, int limit)
{
    return ids(tx.exec_prepared("auction_due_end", limit));
}

std::optional<AuctionDetail> detail(pqxx::work& tx, qint64 auctionId, std::optional<qint64> viewerId)
{
    const auto result = tx.exec_prepared("auction_detail", auctionId);
    if (result.empty())
        return std::nullopt;
    const auto r = result[0];
    AuctionDetail d;
    d.summary = summaryFromRow(r);
    d.description = text(r["description"]);
    d.condition = itemConditionFromWire(text(r["condition"])).value_or(ItemCondition::Good);
    d.shippingPayer = shippingPayerFromWire(text(r["shipping_payer"])).value_or(ShippingPayer::Buyer);
    const auto sellerIncrement = optionalOf<qint64>(r["bid_increment"]);
    d.bidIncrement = bidIncrementFor(d.summary.currentPrice, sellerIncrement);
    d.minNextBid =
        minimumNextBid(d.summary.startPrice, d.summary.currentPrice, d.summary.bidCount, sellerIncrement);
    if (const auto reserve = optionalOf<qint64>(r["reserve_price"])) {
        d.reserveMet = d.summary.bidCount > 0 && d.summary.currentPrice >= *reserve;
        if (viewerId && *viewerId == d.summary.seller.id)
            d.reservePrice = reserve;
    }
    d.softCloseSeconds = r["soft_close_seconds"].as<int>();
    if (!r["image_indexes"].is_null()) {
        for (const QString& index : text(r["image_indexes"]).split(QLatin1Char(',')))
            d.images.append(images::url(d.summary.id, index.toInt()));
    }
    if (!r["winner_id"].is_null())
        d.winner = PartyRef{r["winner_id"].as<qint64>(), text(r["winner_name"])};
    d.finalPrice = optionalOf<qint64>(r["final_price"]);
    if (!r["end_reason"].is_null())
        d.endReason = endReasonFromWire(text(r["end_reason"]));
    d.seq = r["seq"].as<qint64>();
    return d;
}

std::vector<AuctionSummary> listByStatus(pqxx::work& tx, std::optional<AuctionStatus> status, int limit)
{
    const std::optional<std::string> statusName =
        status ? std::optional<std::string>(toWire(*status).toStdString()) : std::nullopt;
    std::vector<AuctionSummary> out;
    for (const auto& row : tx.exec_prepared("auction_list_by_status", statusName, limit))
        out.push_back(summaryFromRow(row));
    return out;
}

QString displayName(pqxx::work& tx, qint64 userId)
{
    const auto result = tx.exec_prepared("user_display_name", userId);
    return result.empty() ? QString() : text(result[0][0]);
}

} // namespace nb::storage::auctions
