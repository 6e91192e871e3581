#pragma once

#include "server/services/ListingChanges.h"
#include "server/storage/ConnectionPool.h"
#include "shared/protocol/Objects.h"

#include <optional>
#include <vector>

namespace nb::services {

/// Listing an item for auction and reading auctions.
class AuctionService {
public:
    explicit AuctionService(storage::ConnectionPool& pool, ListingChanges listingChanges = {});

    /// Validates and creates an auction (RULES.md "Auctions"): starts now unless starts_at is
    /// later; ends after it starts and at most 30 days later; the region defaults to the seller's.
    /// Errors: bad_request (naming the field), not_found (no such seller), unavailable.
    AuctionDetail create(qint64 sellerId, const NewAuction& spec);

    /// The public view; the reserve amount only for the seller. Errors: not_found.
    AuctionDetail detail(qint64 auctionId, std::optional<qint64> viewerId = std::nullopt);

    /// Newest first, optionally one status only (operators' list).
    std::vector<AuctionSummary> listByStatus(std::optional<AuctionStatus> status, int limit = 100);

private:
    storage::ConnectionPool& m_pool;
    ListingChanges m_listingChanges;
};

} // namespace nb::services
