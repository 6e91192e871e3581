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

} // namespace

/// One filter's conditions, resolved against the catalogue once per find().
class ListingCatalogue::Match {
public:
    Match(const sl::SearchFilter& filter, const std::optional<QList<qint64>>& regionIds,
          std::optional<int> category, const QByteArray& titleLower)
        : m_filter(filter)
        , m_category(category)
        , m_titleLower(titleLower)
    {
        if (regionIds) {
            m_regions.assign(regionIds->begin(), regionIds->end());
            std::sort(m_regions.begin(), m_regions.end());
        }
        m_anyRegion = !regionIds;
    }

    /// A category no active auction is in matches none.
    bool impossible() const { return !m_filter.categorySlug.isEmpty() && !m_category; }
    /// Whether the catalogue's counts give the total.
    bool counted() const { return m_titleLower.isEmpty() && !m_filter.minPrice && !m_filter.maxPrice; }
    std::optional<bool> national() const { return m_filter.national; }
    std::optional<int> category() const { return m_category; }

    bool operator()(const Key& key, const sl::ActiveSummary& auction) const
    {
        if (m_filter.national && key.national != *m_filter.national)
            return false;
        if (m_category && key.category != *m_category)
            return false;
        if (m_filter.minPrice && key.price < *m_filter.minPrice)
            return false;
        if (m_filter.maxPrice && key.price > *m_filter.maxPrice)
            return false;
        if (!m_anyRegion && !std::binary_search(m_regions.begin(), m_regions.end(), key.regionId))
            return false;
        return m_titleLower.isEmpty() || auction.titleLower.contains(m_titleLower);
    }

private:
    const sl::SearchFilter& m_filter;
    std::optional<int> m_category;
    const QByteArray& m_titleLower;
    std::vector<qint64> m_regions;
    bool m_anyRegion = true;
};

ListingCatalogue::ListingCatalogue(QList<sl::ActiveSummary> auctions)
    : m_auctions(std::move(auctions))
    , m_byEnd(sortedBy(m_auctions, endsFirst))
    , m_byCreation(sortedBy(m_auctions, newestFirst))
    , m_byPrice(sortedBy(m_auctions, cheapestFirst))
{
    m_keys.reserve(static_cast<std::size_t>(m_auctions.size()));
    for (const sl::ActiveSummary& a : m_auctions) {
        const AuctionSummary& s = a.summary;
        const int category = static_cast<int>(m_categories.size());
        const int index = m_categories.contains(s.category) ? m_categories.value(s.category)
                                                            : *m_categories.insert(s.category, category);
        m_keys.push_back(Key{s.region.id, s.currentPrice, index, s.isNational});
        QList<Count>& counts = m_countsByRegion[s.region.id];
        const auto it = std::find_if(counts.begin(), counts.end(), [&](const Count& c) {
            return c.category == index && c.national == s.isNational;
        });
        if (it == counts.end())
            counts.append(Count{index, s.isNational, 1});
        else
            ++it->count;
    }
}

bool ListingCatalogue::answers(const sl::SearchFilter& filter)
{
    return filter.status == AuctionStatus::Active;
}

const std::vector<int>& ListingCatalogue::order(sl::SearchFilter::Order order, bool& backwards) const
{
    backwards = false;
    switch (order) {
    case sl::SearchFilter::Order::Ending:
        break;
    case sl::SearchFilter::Order::Newest:
        return m_byCreation;
    case sl::SearchFilter::Order::PriceAsc:
        return m_byPrice;
    case sl::SearchFilter::Order::PriceDesc:
        backwards = true; // (price DESC, id DESC) is (price, id) backwards
        return m_byPrice;
    }
    return m_byEnd;
}

qint64 ListingCatalogue::counted(const Match& match, const std::optional<QList<qint64>>& regionIds) const
{
    const auto add = [&](const QList<Count>& counts) {
        qint64 total = 0;
        for (const Count& c : counts) {
            if ((!match.national() || c.national == *match.national()) &&
                (!match.category() || c.category == *match.category()))
                total += c.count;
        }
        return total;
    };
    qint64 total = 0;
    if (regionIds) {
        for (const qint64 regionId : *regionIds)
            total += add(m_countsByRegion.value(regionId));
    } else {
        for (const QList<Count>& counts : m_countsByRegion)
            total += add(counts);
    }
    return total;
}

sl::SearchResult ListingCatalogue::find(const sl::SearchFilter& filter,
                                        const std::optional<QList<qint64>>& regionIds,
                                        const QByteArray& titleLower) const
{
    std::optional<int> category;
    if (!filter.categorySlug.isEmpty()) {
        const auto it = m_categories.constFind(filter.categorySlug);
        if (it != m_categories.constEnd())
            category = *it;
    }
    const Match match(filter, regionIds, category, titleLower);
    sl::SearchResult out;
    if (match.impossible())
        return out;
    const bool counted = match.counted();
    if (counted)
        out.total = this->counted(match, regionIds);
    const qint64 end = filter.offset + filter.limit;
    bool backwards = false;
    const std::vector<int>& indexes = order(filter.order, backwards);
    qint64 seen = 0;
    const auto visit = [&](int index) {
        if (!match(m_keys[static_cast<std::size_t>(index)], m_auctions.at(index)))
            return true;
        if (seen >= filter.offset && seen < end)
            out.items.append(m_auctions.at(index).summary);
        ++seen;
        return !counted || seen < end; // with the total known, the walk ends with the page
    };
    if (backwards) {
        for (auto it = indexes.rbegin(); it != indexes.rend() && visit(*it); ++it) {
        }
    } else {
        for (auto it = indexes.begin(); it != indexes.end() && visit(*it); ++it) {
        }
    }
    if (!counted)
        out.total = seen;
    return out;
}

} // namespace nb::services
