#include "server/services/AuctionGuards.h"

#include "server/services/ServiceError.h"
#include "shared/RequestId.h"

namespace nb::services {

const storage::auctions::AuctionRow&
requireBiddable(const std::optional<storage::auctions::AuctionRow>& auction, qint64 actorId)
{
    if (!auction)
        fail(ErrorCode::NotFound, QStringLiteral("There is no such auction."));
    const auto& a = *auction;
    if (a.status == AuctionStatus::Scheduled || (a.status == AuctionStatus::Active && a.nowMs < a.startsAtMs))
        fail(ErrorCode::AuctionNotActive, QStringLiteral("This auction has not started yet."),
             QJsonObject{{"status", "scheduled"}});
    if (a.status != AuctionStatus::Active || a.nowMs >= a.endsAtMs)
        fail(ErrorCode::AuctionNotActive, QStringLiteral("This auction has ended."),
             QJsonObject{{"status", a.status == AuctionStatus::Cancelled ? "cancelled" : "ended"}});
    if (a.sellerId == actorId)
        fail(ErrorCode::SellerCannotBid, QStringLiteral("You cannot bid on or buy your own item."));
    return a;
}

void requireRequestId(const QString& requestId)
{
    if (!isValidRequestId(requestId))
        fail(ErrorCode::BadRequest,
             QStringLiteral("request_id must be 1 to 64 characters of A-Z, a-z, 0-9, _ or -."),
             QJsonObject{{"field", "request_id"}});
}

void requireAmount(Won amount, const char* field)
{
    if (!isValidAmount(amount))
        fail(ErrorCode::BadRequest,
             QStringLiteral("%1 must be a whole number of won between 1 and 1,000,000,000,000.")
                 .arg(QLatin1String(field)),
             QJsonObject{{"field", QLatin1String(field)}});
}

bool reserveMet(const storage::auctions::AuctionRow& a)
{
    return !a.reservePrice || (a.bidCount > 0 && a.currentPrice >= *a.reservePrice);
}

} // namespace nb::services
