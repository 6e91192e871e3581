#pragma once

#include "server/services/ListingChanges.h"
#include "server/storage/ConnectionPool.h"

#include <QtGlobal>

#include <optional>

namespace nb::services {

/// Starts and ends auctions on time and settles them: the winner's hold is paid to the seller
/// (settle_pay + settle_receive), or, without a winner, every hold is released. Each auction is
/// settled exactly once however many instances run: the status is re-checked under the row lock.
class SettlementService {
public:
    explicit SettlementService(storage::ConnectionPool& pool, ListingChanges listingChanges = {});

    /// Activates scheduled auctions whose start has passed; returns how many.
    int startDue(int limit = 200);
    /// Ends and settles active auctions whose end has passed; returns how many.
    int settleDue(int limit = 200);
    /// Ends one auction now (operator's `auction close`), settling it as if its time were up.
    /// Errors: not_found, conflict (not active).
    void closeNow(qint64 auctionId);
    /// Cancels an auction. The seller may cancel only while there is no bid (conflict otherwise);
    /// an operator (asOperator) may cancel with bids, which releases the leader's hold.
    /// Errors: not_found, forbidden, conflict.
    void cancel(qint64 auctionId, std::optional<qint64> sellerId, bool asOperator);

private:
    bool startOne(qint64 auctionId);
    bool settleOne(qint64 auctionId, bool force);

    storage::ConnectionPool& m_pool;
    ListingChanges m_listingChanges;
};

} // namespace nb::services
