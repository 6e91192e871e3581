#include "shared/BidIncrement.h"

#include <array>
#include <utility>

namespace nb {

Won bidIncrementFor(Won currentPrice, std::optional<Won> sellerIncrement)
{
    if (sellerIncrement && *sellerIncrement > 0)
        return *sellerIncrement;
    // (price below which, increment): the table of RULES.md.
    static constexpr std::array<std::pair<Won, Won>, 6> kTable{{
        {10'000, 500},
        {50'000, 1'000},
        {100'000, 2'000},
        {500'000, 5'000},
        {1'000'000, 10'000},
        {5'000'000, 50'000},
    }};
    for (const auto& [below, increment] : kTable) {
        if (currentPrice < below)
            return increment;
    }
    return 100'000;
}

Won minimumNextBid(Won startPrice, Won currentPrice, int bidCount, std::optional<Won> sellerIncrement)
{
    if (bidCount <= 0)
        return startPrice;
    return currentPrice + bidIncrementFor(currentPrice, sellerIncrement);
}

} // namespace nb
