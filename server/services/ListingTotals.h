#pragma once

#include "server/storage/ListingStore.h"

#include <QHash>
#include <QList>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>

namespace nb::services {

/// Totals of GET /api/v1/auctions held briefly in memory, so that a listing page usually costs
/// the page's statement alone instead of a count over every match as well. Two kinds:
/// - the active groups: active auctions counted by scope, region and category, which answer every
///   filter of active auctions without a title search or a price range;
/// - single totals of other filters without a price range, each under its filter's key.
/// Prices change with every bid, so totals of price ranges are never held.
/// Nothing is served that was read more than maxAge ago or before the last auctionsChanged():
/// what this process commits (and reports) shows at once, other instances' changes within maxAge.
/// Thread-safe.
class ListingTotals {
public:
    /// Monotonic milliseconds (a steady clock unless a test gives its own).
    using Clock = std::function<qint64()>;
    static constexpr qint64 kDefaultMaxAgeMs = 1000;
    static constexpr qsizetype kMaxTotals = 4096;

    explicit ListingTotals(qint64 maxAgeMs = kDefaultMaxAgeMs, Clock clock = {});

    qint64 maxAgeMs() const { return m_maxAgeMs; }

    /// To be called after committing anything that changes which auctions a filter other than a
    /// price range matches: a new auction, a start, an end, a cancellation.
    void auctionsChanged();

    /// When and after which change the database was read; taken before reading it.
    struct Stamp {
        quint64 generation = 0;
        qint64 atMs = 0;
    };
    Stamp stamp() const;

    /// The number of active auctions in the scope (nullopt: both), the regions (empty: every
    /// region) and the category (nullopt: every category), from fresh groups; nullopt without.
    std::optional<qint64> activeTotal(std::optional<bool> national, const QList<qint64>& regions,
                                      std::optional<qint64> categoryId) const;
    /// True for at most one caller at a time, which then counts the groups and hands them to
    /// storeActiveGroups() or calls abandonActiveGroups(). Granted once the groups are a quarter of
    /// maxAge from expiring, so that steady traffic replaces them before anyone finds them stale,
    /// and, while changes keep invalidating them, at most every tenth of maxAge.
    bool claimActiveGroups();
    void storeActiveGroups(const Stamp& stamp, const QList<storage::listings::ActiveGroup>& groups);
    void abandonActiveGroups();

    /// The total stored under key; nullopt when none is fresh.
    std::optional<qint64> total(const QString& key) const;
    void storeTotal(const Stamp& stamp, const QString& key, qint64 total);

private:
    struct Group {
        bool national = false;
        qint64 categoryId = 0;
        qint64 count = 0;
    };
    struct Groups {
        Stamp stamp;
        QHash<qint64, QList<Group>> byRegion;
    };
    struct Total {
        Stamp stamp;
        qint64 total = 0;
    };

    qint64 now() const;
    bool fresh(const Stamp& stamp) const;
    static qint64 sum(const QList<Group>& groups, std::optional<bool> national,
                      std::optional<qint64> categoryId);

    const qint64 m_maxAgeMs;
    const Clock m_clock;
    std::atomic<quint64> m_generation{0};
    mutable std::mutex m_mutex;
    std::shared_ptr<const Groups> m_groups;
    bool m_groupsClaimed = false;
    std::optional<qint64> m_lastClaimMs;
    QHash<QString, Total> m_totals;
};

} // namespace nb::services
