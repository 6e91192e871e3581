#include "server/services/ListingCache.h"

#include "server/services/ListingCatalogue.h"

#include <algorithm>
#include <chrono>

namespace nb::services {

namespace {

qint64 steadyMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace

ListingCache::ListingCache(qint64 maxAgeMs, Clock clock)
    : m_maxAgeMs(maxAgeMs)
    , m_clock(clock ? std::move(clock) : Clock(steadyMs))
{}

void ListingCache::auctionsChanged()
{
    m_auctions.fetch_add(1, std::memory_order_acq_rel);
}

void ListingCache::summariesChanged()
{
    m_summaries.fetch_add(1, std::memory_order_acq_rel);
}

ListingCache::Stamp ListingCache::stamp() const
{
    // The counters first: a change reported while the clock is read leaves the stamp older,
    // never newer, than what the database then shows.
    const quint64 auctions = m_auctions.load(std::memory_order_acquire);
    const quint64 summaries = m_summaries.load(std::memory_order_acquire);
    return Stamp{auctions, summaries, nowMs()};
}

bool ListingCache::fresh(const Stamp& stamp, bool withSummaries) const
{
    return stamp.auctions == m_auctions.load(std::memory_order_acquire) &&
           (!withSummaries || stamp.summaries == m_summaries.load(std::memory_order_acquire)) &&
           nowMs() - stamp.atMs < m_maxAgeMs;
}

qint64 ListingCache::sum(const QList<Group>& groups, std::optional<bool> national,
                         std::optional<qint64> categoryId)
{
    qint64 total = 0;
    for (const Group& g : groups) {
        if ((!national || g.national == *national) && (!categoryId || g.categoryId == *categoryId))
            total += g.count;
    }
    return total;
}

std::optional<ListingCache::HeldTotal> ListingCache::activeTotal(std::optional<bool> national,
                                                                 const QList<qint64>& regions,
                                                                 std::optional<qint64> categoryId) const
{
    std::shared_ptr<const Groups> groups;
    {
        std::lock_guard lock(m_mutex);
        groups = m_groups;
    }
    if (!groups || !fresh(groups->stamp, false))
        return std::nullopt;
    qint64 total = 0;
    if (regions.isEmpty()) {
        for (const QList<Group>& inRegion : groups->byRegion)
            total += sum(inRegion, national, categoryId);
    } else {
        for (const qint64 regionId : regions)
            total += sum(groups->byRegion.value(regionId), national, categoryId);
    }
    return HeldTotal{total, groups->stamp.atMs};
}

bool ListingCache::claim(Refresh& refresh, const Stamp* held, bool withSummaries, qint64 aheadMs)
{
    if (refresh.claimed)
        return false;
    const qint64 at = nowMs();
    const bool usable = held && fresh(*held, withSummaries);
    if (usable && at - held->atMs < m_maxAgeMs - aheadMs)
        return false;
    if (!usable && refresh.lastClaimMs && at - *refresh.lastClaimMs < m_maxAgeMs / 10)
        return false;
    refresh.claimed = true;
    refresh.lastClaimMs = at;
    return true;
}

bool ListingCache::claimActiveGroups()
{
    std::lock_guard lock(m_mutex);
    return claim(m_groupsRefresh, m_groups ? &m_groups->stamp : nullptr, false, m_maxAgeMs / 4);
}

void ListingCache::storeActiveGroups(const Stamp& stamp, const QList<storage::listings::ActiveGroup>& groups)
{
    auto stored = std::make_shared<Groups>();
    stored->stamp = stamp;
    for (const auto& g : groups)
        stored->byRegion[g.regionId].append(Group{g.national, g.categoryId, g.count});
    std::lock_guard lock(m_mutex);
    m_groups = std::move(stored);
    m_groupsRefresh.claimed = false;
}

void ListingCache::abandonActiveGroups()
{
    std::lock_guard lock(m_mutex);
    m_groupsRefresh = Refresh{}; // nothing was read: the next caller may try at once
}

std::shared_ptr<const ListingCatalogue> ListingCache::catalogue(qint64* readAtMs) const
{
    std::lock_guard lock(m_mutex);
    if (!m_catalogue || !fresh(m_catalogueStamp, true))
        return nullptr;
    if (readAtMs)
        *readAtMs = m_catalogueStamp.atMs;
    return m_catalogue;
}

bool ListingCache::claimCatalogue()
{
    std::lock_guard lock(m_mutex);
    // Reading 10,000 summaries takes 100 ms on an idle machine and near a second on a busy one:
    // far enough ahead that the successor arrives before the catalogue expires, as the last read
    // took, and no further.
    const qint64 ahead = std::clamp(2 * m_catalogueReadMs + 50, m_maxAgeMs / 4, m_maxAgeMs * 4 / 5);
    return claim(m_catalogueRefresh, m_catalogue ? &m_catalogueStamp : nullptr, true, ahead);
}

void ListingCache::storeCatalogue(const Stamp& stamp, std::shared_ptr<const ListingCatalogue> catalogue)
{
    std::lock_guard lock(m_mutex);
    m_catalogue = std::move(catalogue);
    m_catalogueStamp = stamp;
    m_catalogueReadMs = nowMs() - stamp.atMs;
    m_catalogueRefresh.claimed = false;
    m_catalogueRead.notify_all();
}

void ListingCache::abandonCatalogue()
{
    std::lock_guard lock(m_mutex);
    m_catalogueRefresh = Refresh{};
    m_catalogueRead.notify_all();
}

std::shared_ptr<const ListingCatalogue> ListingCache::awaitCatalogue(qint64 timeoutMs, qint64* readAtMs) const
{
    std::unique_lock lock(m_mutex);
    m_catalogueRead.wait_for(lock, std::chrono::milliseconds(timeoutMs),
                             [this] { return !m_catalogueRefresh.claimed; });
    if (!m_catalogue || !fresh(m_catalogueStamp, true))
        return nullptr;
    if (readAtMs)
        *readAtMs = m_catalogueStamp.atMs;
    return m_catalogue;
}

std::optional<ListingCache::HeldTotal> ListingCache::total(const QString& key) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_totals.constFind(key);
    if (it == m_totals.constEnd() || !fresh(it->stamp, false))
        return std::nullopt;
    return HeldTotal{it->value, it->stamp.atMs};
}

void ListingCache::storeTotal(const Stamp& stamp, const QString& key, qint64 total)
{
    std::lock_guard lock(m_mutex);
    store(m_totals, kMaxTotals, false, stamp, key, total);
}

std::optional<Page<AuctionSummary>> ListingCache::page(const QString& key) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_pages.constFind(key);
    if (it == m_pages.constEnd() || !fresh(it->stamp, true))
        return std::nullopt;
    return it->value;
}

void ListingCache::storePage(const Stamp& stamp, const QString& key, const Page<AuctionSummary>& page)
{
    std::lock_guard lock(m_mutex);
    store(m_pages, kMaxPages, true, stamp, key, page);
}

template <typename T>
void ListingCache::store(QHash<QString, Held<T>>& held, qsizetype limit, bool withSummaries,
                         const Stamp& stamp, const QString& key, const T& value)
{
    if (!fresh(stamp, withSummaries))
        return;
    if (held.size() >= limit && !held.contains(key)) {
        held.removeIf([&](const auto& entry) { return !fresh(entry.value().stamp, withSummaries); });
        if (held.size() >= limit)
            held.clear();
    }
    held.insert(key, Held<T>{stamp, value});
}

} // namespace nb::services
