#pragma once

#include "server/services/ListingCache.h"

namespace nb::services {

/// Where a service reports, once it has committed, a change to what listings show: to the
/// process's ListingCache when it has one (a server does), nowhere otherwise (the console, tests).
/// Reporting after the commit lets the next listing of this process see the change at once.
class ListingChanges {
public:
    ListingChanges() = default;
    explicit ListingChanges(ListingCache* cache)
        : m_cache(cache)
    {}

    /// A new auction, or an auction's status changed (started, ended, bought, cancelled).
    void auctionsChanged() const
    {
        if (m_cache)
            m_cache->auctionsChanged();
    }
    /// Something else a summary shows: a bid, a watch, a review, an image.
    void summariesChanged() const
    {
        if (m_cache)
            m_cache->summariesChanged();
    }

private:
    ListingCache* m_cache = nullptr;
};

} // namespace nb::services
