#pragma once

#include "shared/protocol/Objects.h"
#include "tests/bench/seed/ReferenceData.h"

#include <QDateTime>

#include <cstddef>
#include <random>

namespace nb::bench {

/// Makes the auctions of a benchmark database, deterministically (fixed random seed), so that
/// every run searches and pages over the same catalogue.
class ListingCatalog {
public:
    /// Every bid auction starts at this price; its increment is the product's default table.
    static constexpr Won kBidStartPrice = 10'000;
    static constexpr int kBidAuctionHours = 3;

    ListingCatalog(const ReferenceData& reference, QDateTime now);

    /// The n-th auction for the bid scenarios: national, active now, ending in three hours, no
    /// reserve, no buy-now, the default increment.
    NewAuction bidAuction(int n, qint64 regionId) const;

    /// A varied listing: title words to search for, any category, a district or a neighbourhood,
    /// national or local, prices from 1,000 won to a few million, ending within a week.
    NewAuction nextListing(int n);

    /// A random real neighbourhood (depth 3), for the bench users' home regions.
    qint64 randomNeighbourhood();

private:
    std::size_t pick(std::size_t size);
    Won roundedPrice(double won) const;

    const ReferenceData& m_reference;
    QDateTime m_now;
    std::mt19937_64 m_random{20240527};
};

} // namespace nb::bench
