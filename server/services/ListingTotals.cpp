#include "server/services/ListingTotals.h"

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

ListingTotals::ListingTotals(qint64 maxAgeMs, Clock clock)
    : m_maxAgeMs(maxAgeMs)
    , m_clock(clock ? std::move(clock) : Clock(steadyMs))
{}

void ListingTotals::auctionsChanged()
{
    m_generation.fetch_add(1, std::memory_order_acq_rel);
}

ListingTotals::Stamp ListingTotals::stamp() const
{
    // The generation first: a change reported while the clock is read leaves the stamp older,
    // never newer, than what the database then shows.
    const quint64 generation = m_generation.load(std::memory_order_acquire);
    return Stamp{generation, now()};
}

qint64 ListingTotals::now() const
{
    return m_clock();
}

bool ListingTotals::fresh(const Stamp& stamp) const
{
    return stamp.generation == m_generation.load(std::memory_order_acquire) &&
           now() - stamp.atMs < m_maxAgeMs;
}

qint64 ListingTotals::sum(const QList<Group>& groups, std::optional<bool> national,
                          std::optional<qint64> categoryId)
{
    qint64 total = 0;
    for (const Group& g : groups) {
        if ((!national || g.national == *national) && (!categoryId || g.categoryId == *categoryId))
            total += g.count;
    }
    return total;
}

std::optional<qint64> ListingTotals::activeTotal(std::optional<bool> national, const QList<qint64>& regions,
                                                 std::optional<qint64> categoryId) const
{
    std::shared_ptr<const Groups> groups;
    {
        std::lock_guard lock(m_mutex);
        groups = m_groups;
    }
    if (!groups || !fresh(groups->stamp))
        return std::nullopt;
    qint64 total = 0;
    if (regions.isEmpty()) {
        for (const QList<Group>& inRegion : groups->byRegion)
            total += sum(inRegion, national, categoryId);
    } else {
        for (const qint64 regionId : regions)
            total += sum(groups->byRegion.value(regionId), national, categoryId);
    }
    return total;
}

bool ListingTotals::claimActiveGroups()
{
    std::lock_guard lock(m_mutex);
    if (m_groupsClaimed)
        return false;
    const qint64 at = now();
    const bool usable = m_groups && fresh(m_groups->stamp);
    if (usable && at - m_groups->stamp.atMs < m_maxAgeMs - m_maxAgeMs / 4)
        return false;
    if (!usable && m_lastClaimMs && at - *m_lastClaimMs < m_maxAgeMs / 10)
        return false;
    m_groupsClaimed = true;
    m_lastClaimMs = at;
    return true;
}

void ListingTotals::storeActiveGroups(const Stamp& stamp, const QList<storage::listings::ActiveGroup>& groups)
{
    auto stored = std::make_shared<Groups>();
    stored->stamp = stamp;
    for (const auto& g : groups)
        stored->byRegion[g.regionId].append(Group{g.national, g.categoryId, g.count});
    std::lock_guard lock(m_mutex);
    m_groups = std::move(stored);
    m_groupsClaimed = false;
}

void ListingTotals::abandonActiveGroups()
{
    std::lock_guard lock(m_mutex);
    m_groupsClaimed = false;
}

std::optional<qint64> ListingTotals::total(const QString& key) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_totals.constFind(key);
    if (it == m_totals.constEnd() || !fresh(it->stamp))
        return std::nullopt;
    return it->total;
}

void ListingTotals::storeTotal(const Stamp& stamp, const QString& key, qint64 total)
{
    std::lock_guard lock(m_mutex);
    if (m_totals.size() >= kMaxTotals && !m_totals.contains(key)) {
        m_totals.removeIf([this](const auto& entry) { return !fresh(entry.value().stamp); });
        if (m_totals.size() >= kMaxTotals)
            m_totals.clear();
    }
    m_totals.insert(key, Total{stamp, total});
}

} // namespace nb::services
