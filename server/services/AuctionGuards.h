#pragma once

#include "server/storage/AuctionStore.h"

#include <optional>

namespace nb::services {

/// Refuses (ServiceError) unless the auction exists, is active and its end has not passed, and
/// the actor is not its seller. Returns the auction row.
const storage::auctions::AuctionRow&
requireBiddable(const std::optional<storage::auctions::AuctionRow>& auction, qint64 actorId);

/// Refuses a request_id that is not 1..64 characters of [A-Za-z0-9_-].
void requireRequestId(const QString& requestId);

/// Refuses an amount outside 1..10^12 won, naming the field.
void requireAmount(Won amount, const char* field);

/// Whether the leading bid meets the reserve (always, without a reserve).
bool reserveMet(const storage::auctions::AuctionRow& auction);

} // namespace nb::services
