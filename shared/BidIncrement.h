#pragma once

#include "shared/Money.h"

#include <optional>

namespace nb {

/// The bid increment of RULES.md for a current price, unless the seller set one.
Won bidIncrementFor(Won currentPrice, std::optional<Won> sellerIncrement = std::nullopt);

/// The smallest acceptable next bid: the start price before the first bid,
/// afterwards the current price plus the increment.
Won minimumNextBid(Won startPrice, Won currentPrice, int bidCount,
                   std::optional<Won> sellerIncrement = std::nullopt);

} // namespace nb
