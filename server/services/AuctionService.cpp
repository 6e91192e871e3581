#include "server/services/AuctionService.h"

#include "server/services/ServiceError.h"
#include "server/services/TransactionScope.h"
#include "server/storage/AuctionStore.h"
#include "server/storage/UserStore.h"
#include "shared/protocol/Json.h"

namespace nb::services {

namespace sa = storage::auctions;

namespace {

[[noreturn]] void badField(const char* field, const QString& message)
{
    fail(ErrorCode::BadRequest, message, QJsonObject{{"field", QLatin1String(field)}});
}

[[noreturn]] void rejected(const DecodeError& error)
{
    const ApiError api = error.toApiError();
    throw ServiceError(api.code, api.message, api.details);
}

/// The rules for a new listing are written once, in the protocol library, for the server and
/// the client's pre-check alike: re-reading the spec through its decoder applies every field rule
/// to callers that did not come through JSON (the console, the demo seeder), and
/// checkNewAuctionSchedule adds those that need the clock.
NewAuction validated(const NewAuction& spec, qint64 nowMs)
{
    Decoded<NewAuction> checked = fromJson<NewAuction>(toJson(spec));
    if (!checked)
        rejected(checked.error());
    if (const auto scheduleError =
            checkNewAuctionSchedule(checked.value(), QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC)))
        rejected(*scheduleError);
    return std::move(checked).value();
}

} // namespace

AuctionService::AuctionService(storage::ConnectionPool& pool, ListingChanges listingChanges)
    : m_pool(pool)
    , m_listingChanges(listingChanges)
{}

AuctionDetail AuctionService::create(qint64 sellerId, const NewAuction& spec)
{
    AuctionDetail created = transact(m_pool, "create auction", [&](pqxx::work& tx) {
        const auto seller = storage::users::byId(tx, sellerId);
        if (!seller)
            fail(ErrorCode::NotFound, QStringLiteral("There is no such seller."));
        const qint64 nowMs = tx.exec_prepared1("db_now")[0].as<qint64>();
        sa::NewAuctionRow row;
        row.sellerId = sellerId;
        row.spec = validated(spec, nowMs);
        if (row.spec.startsAt.isValid() && row.spec.startsAt.toMSecsSinceEpoch() <= nowMs)
            row.spec.startsAt = QDateTime(); // a start in the past means now
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
    m_listingChanges.auctionsChanged();
    return created;
}

AuctionDetail AuctionService::detail(qint64 auctionId, std::optional<qint64> viewerId)
{
    auto d =
        transact(m_pool, "read auction", [&](pqxx::work& tx) { return sa::detail(tx, auctionId, viewerId); });
    if (!d)
        fail(ErrorCode::NotFound, QStringLiteral("There is no such auction."));
    return *d;
}

std::vector<AuctionSummary> AuctionService::listByStatus(std::optional<AuctionStatus> status, int limit)
{
    return transact(m_pool, "list auctions",
                    [&](pqxx::work& tx) { return sa::listByStatus(tx, status, limit); });
}

} // namespace nb::services
