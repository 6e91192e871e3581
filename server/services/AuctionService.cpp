#include "server/services/AuctionService.h"

#include "server/services/AuctionGuards.h"
#include "server/services/ServiceError.h"
#include "server/services/TransactionScope.h"
#include "server/storage/AuctionStore.h"
#include "server/storage/UserStore.h"

namespace nb::services {

namespace sa = storage::auctions;

namespace {

constexpr qint64 kMaxDurationMs = 30LL * 24 * 3600 * 1000;
// A start time a little in the past (clock skew, a slow form) means "now".
constexpr qint64 kStartSkewMs = 5 * 60 * 1000;

[[noreturn]] void badField(const char* field, const QString& message)
{
    fail(ErrorCode::BadRequest, message, QJsonObject{{"field", QLatin1String(field)}});
}

void validateSpec(const NewAuction& s, qint64 nowMs)
{
    const QString title = s.title.trimmed();
    if (title.isEmpty() || title.size() > 100)
        badField("title", QStringLiteral("The title must be 1 to 100 characters."));
    if (s.description.size() > 5000)
        badField("description", QStringLiteral("The description must be at most 5,000 characters."));
    requireAmount(s.startPrice, "start_price");
    if (s.bidIncrement)
        requireAmount(*s.bidIncrement, "bid_increment");
    if (s.reservePrice) {
        requireAmount(*s.reservePrice, "reserve_price");
        if (*s.reservePrice < s.startPrice)
            badField("reserve_price", QStringLiteral("The reserve price cannot be below the start price."));
    }
    if (s.buyNowPrice) {
        requireAmount(*s.buyNowPrice, "buy_now_price");
        if (*s.buyNowPrice <= s.startPrice)
            badField("buy_now_price", QStringLiteral("The buy-now price must be above the start price."));
        if (s.reservePrice && *s.buyNowPrice < *s.reservePrice)
            badField("buy_now_price", QStringLiteral("The buy-now price cannot be below the reserve price."));
    }
    if (s.softCloseSeconds && (*s.softCloseSeconds < 0 || *s.softCloseSeconds > 3600))
        badField("soft_close_seconds", QStringLiteral("Soft close must be 0 to 3,600 seconds."));
    if (!s.endsAt.isValid())
        badField("ends_at", QStringLiteral("ends_at is required."));
    const qint64 startMs = s.startsAt.isValid() ? s.startsAt.toMSecsSinceEpoch() : nowMs;
    if (startMs < nowMs - kStartSkewMs)
        badField("starts_at", QStringLiteral("The start time is in the past."));
    const qint64 endMs = s.endsAt.toMSecsSinceEpoch();
    if (endMs <= std::max(startMs, nowMs))
        badField("ends_at", QStringLiteral("The end time must be after the start and in the future."));
    if (endMs - startMs > kMaxDurationMs)
        badField("ends_at", QStringLiteral("An auction lasts at most 30 days."));
}

} // namespace

AuctionService::AuctionService(storage::ConnectionPool& pool)
    : m_pool(pool)
{
}

AuctionDetail AuctionService::create(qint64 sellerId, const NewAuction& spec)
{
    return transact(m_pool, "create auction", [&](pqxx::work& tx) {
        const auto seller = storage::users::byId(tx, sellerId);
        if (!seller)
            fail(ErrorCode::NotFound, QStringLiteral("There is no such seller."));
        const qint64 nowMs = tx.exec_prepared1("db_now")[0].as<qint64>();
        validateSpec(spec, nowMs);

        sa::NewAuctionRow row;
        row.sellerId = sellerId;
        row.spec = spec;
        row.spec.title = spec.title.trimmed();
        if (spec.startsAt.isValid() && spec.startsAt.toMSecsSinceEpoch() <= nowMs)
            row.spec.startsAt = QDateTime(); // a start in the (recent) past means now
        const auto categoryId = storage::users::categoryIdBySlug(tx, spec.category);
        if (!categoryId)
            badField("category", QStringLiteral("There is no category \"%1\".").arg(spec.category));
        row.categoryId = *categoryId;
        const auto regionId = spec.regionId ? spec.regionId : seller->regionId;
        if (!regionId)
            badField("region_id", QStringLiteral("Choose the region where the item is."));
        if (!storage::users::regionExists(tx, *regionId))
            badField("region_id", QStringLiteral("There is no region %1.").arg(*regionId));
        row.regionId = *regionId;
        const qint64 id = sa::insert(tx, row);
        return sa::detail(tx, id, sellerId).value();
    });
}

AuctionDetail AuctionService::detail(qint64 auctionId, std::optional<qint64> viewerId)
{
    auto d = transact(m_pool, "read auction", [&](pqxx::work& tx) { return sa::detail(tx, auctionId, viewerId); });
    if (!d)
        fail(ErrorCode::NotFound, QStringLiteral("There is no such auction."));
    return *d;
}

std::vector<AuctionSummary> AuctionService::listByStatus(std::optional<AuctionStatus> status, int limit)
{
    return transact(m_pool, "list auctions", [&](pqxx::work& tx) { return sa::listByStatus(tx, status, limit); });
}

} // namespace nb::services
