#include "server/services/ListingCatalogue.h"

#include <algorithm>
#include <numeric>

namespace nb::services {

namespace sl = storage::listings;

namespace {

std::vector<int> sortedBy(const QList<sl::ActiveSummary>& auctions,
                          bool (*before)(const sl::ActiveSummary&, const sl::ActiveSummary&))
{
    std::vector<int> order(static_cast<std::size_t>(auctions.size()));
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&](int l, int r) { return before(auctions.at(l), auctions.at(r)); });
    return order;
}

bool endsFirst(const sl::ActiveSummary& l, const sl::ActiveSummary& r)
{
    return l.endsAtUs != r.endsAtUs ? l.endsAtUs < r.endsAtUs : l.summary.id < r.summary.id;
}

bool newestFirst(const sl::ActiveSummary& l, const sl::ActiveSummary& r)
{
    return l.createdAtUs != r.createdAtUs ? l.createdAtUs > r.createdAtUs : l.summary.id > r.summary.id;
}

bool cheapestFirst(const sl::ActiveSummary& l, const sl::ActiveSummary& r)
{
    return l.summary.currentPrice != r.summary.currentPrice ? l.summary.currentPrice < r.summary.currentPrice
                                                            : l.summary.id < r.summary.id;
}

/// The filter's conditions on one active auction; regions sorted.
bool matches(const sl::ActiveSummary& a, const sl::SearchFilter& f, const std::vector<qint64>* regions,
             const QByteArray& titleLower)
{
    const AuctionSummary& s = a.summary;
    if (f.national && s.isNational != *f.national)
        return false;
    if (!f.categorySlug.isEmpty() && s.category != f.categorySlug)
        return false;
    if (f.minPrice && s.currentPrice < *f.minPrice)
        return false;
    if (f.maxPrice && s.currentPrice > *f.maxPrice)
        return false;
    if (regions && !std::binary_search(regions->begin(), regions->end(), s.region.id))
        return false;
    return titleLower.isEmpty() || a.titleLower.contains(titleLower);
}

} // namespace

ListingCatalogue::ListingCatalogue(QList<sl::ActiveSummary> auctions)
    : m_auctions(std::move(auctions))
    , m_byEnd(sortedBy(m_auctions, endsFirst))
    , m_byCreation(sortedBy(m_auctions, newestFirst))
    , m_byPrice(sortedBy(m_auctions, cheapestFirst))
{}

bool ListingCatalogue::answers(const sl::SearchFilter& filter)
{
    return filter.status == AuctionStatus::Active;
}

sl::SearchResult ListingCatalogue::find(const sl::SearchFilter& filter,
                                        const std::optional<QList<qint64>>& regionIds,
                                        const QByteArray& titleLower) const
{
    std::vector<qint64> regions;
    if (regionIds) {
        regions.assign(regionIds->begin(), regionIds->end());
        std::sort(regions.begin(), regions.end());
    }
    const std::vector<int>* order = &m_byEnd;
    bool backwards = false;
    switch (filter.order) {
    case sl::SearchFilter::Order::Ending:
        break;
    case sl::SearchFilter::Order::Newest:
        order = &m_byCreation;
        break;
    case sl::SearchFilter::Order::PriceAsc:
        order = &m_byPrice;
        break;
    case sl::SearchFilter::Order::PriceDesc:
        order = &m_byPrice; // (price DESC, id DESC) is (price, id) backwards
        backwards = true;
        break;
    }
    sl::SearchResult out;
    const qint64 end = filter.offset + filter.limit;
    const auto visit = [&](int index) {
        const sl::ActiveSummary& a = m_auctions.at(index);
        if (!matches(a, filter, regionIds ? &regions : nullptr, titleLower))
            return;
        if (out.total >= filter.offset && out.total < end)
            out.items.append(a.summary);
        ++out.total;
    };
    if (backwards)
        std::for_each(order->rbegin(), order->rend(), visit);
    else
        std::for_each(order->begin(), order->end(), visit);
    return out;
}

} // namespace nb::services
