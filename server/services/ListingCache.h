#pragma once

#include "server/storage/ListingStore.h"
#include "shared/protocol/Objects.h"

#include <QHash>
#include <QList>
#include <QString>

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>

namespace nb::services {

class ListingCatalogue;

/// What GET /api/v1/auctions answered lately, held briefly in memory so that most listings cost
/// no database at all:
/// - the catalogue: every active auction's summary (ListingCatalogue), which answers every listing
///   of active auctions;
/// - the active groups: active auctions counted by scope, region and category, which give the
///   total of every filter of active auctions without a title search or a price range (they
///   outlive the catalogue when bids keep changing summaries);
/// - the totals of other filters without a price range, each under its filter's key (prices
///   change with every bid, so totals of price ranges are never held);
/// - whole pages, under their query's key.
/// Nothing is served that was read more than maxAge ago, nor before the last change this process
/// reported: auctionsChanged() drops everything, summariesChanged() the catalogue and the pages.
/// So this process's reported changes show at once, and everything else (other instances'
/// changes, unreported ones) within maxAge. Thread-safe.
class ListingCache {
public:
    /// Monotonic milliseconds (a steady clock unless a test gives its own).
    using Clock = std::function<qint64()>;
    static constexpr qint64 kDefaultMaxAgeMs = 1000;
    static constexpr qsizetype kMaxTotals = 4096;
    static constexpr qsizetype kMaxPages = 2048;

    explicit ListingCache(qint64 maxAgeMs = kDefaultMaxAgeMs, Clock clock = {});

    qint64 maxAgeMs() const { return m_maxAgeMs; }
    qint64 nowMs() const { return m_clock(); }

    /// To be called after committing a new auction or a change of an auction's status (a start,
    /// an end, a buy-now, a cancellation): what decides which auctions a filter other than a
    /// price range matches.
    void auctionsChanged();
    /// To be called after committing a change of anything else a summary shows: a bid (price,
    /// bid count, leader, a soft close's new end), a watch, a review (the seller's reputation),
    /// an image (the thumbnail).
    void summariesChanged();

    /// After which changes, and when, the database was read; taken before reading it.
    struct Stamp {
        quint64 auctions = 0;
        quint64 summaries = 0;
        qint64 atMs = 0;
    };
    Stamp stamp() const;

    /// A total and the time it was read.
    struct HeldTotal {
        qint64 total = 0;
        qint64 atMs = 0;
    };
    /// The number of active auctions in the scope (nullopt: both), the regions (empty: every
    /// region) and the category (nullopt: every category), from fresh groups; nullopt without.
    std::optional<HeldTotal> activeTotal(std::optional<bool> national, const QList<qint64>& regions,
                                         std::optional<qint64> categoryId) const;
    /// True for at most one caller at a time, which then counts the groups and hands them to
    /// storeActiveGroups() or calls abandonActiveGroups(). Granted once the groups are a quarter of
    /// maxAge from expiring, so that steady traffic replaces them before anyone finds them stale,
    /// and, while changes keep invalidating them, at most every tenth of maxAge (callers meanwhile
    /// count in the database).
    bool claimActiveGroups();
    void storeActiveGroups(const Stamp& stamp, const QList<storage::listings::ActiveGroup>& groups);
    void abandonActiveGroups();

    /// The total stored under key; nullopt when none is fresh.
    std::optional<HeldTotal> total(const QString& key) const;
    void storeTotal(const Stamp& stamp, const QString& key, qint64 total);

    /// The page stored under key; nullopt when none is fresh.
    std::optional<Page<AuctionSummary>> page(const QString& key) const;
    void storePage(const Stamp& stamp, const QString& key, const Page<AuctionSummary>& page);

    /// The catalogue when it is fresh, with the time it was read; nullptr without.
    std::shared_ptr<const ListingCatalogue> catalogue(qint64* readAtMs = nullptr) const;
    /// As claimActiveGroups(), for the catalogue, and as far ahead of its expiry as reading it
    /// took last time (twice that, between a quarter and four fifths of maxAge).
    bool claimCatalogue();
    void storeCatalogue(const Stamp& stamp, std::shared_ptr<const ListingCatalogue> catalogue);
    void abandonCatalogue();
    /// While another caller reads the catalogue, waits up to timeoutMs for it; then as catalogue().
    std::shared_ptr<const ListingCatalogue> awaitCatalogue(qint64 timeoutMs,
                                                           qint64* readAtMs = nullptr) const;

private:
    /// Who may read a held snapshot again, and when (see claimActiveGroups()).
    struct Refresh {
        bool claimed = false;
        std::optional<qint64> lastClaimMs;
    };

    bool claim(Refresh& refresh, const Stamp* held, bool withSummaries, qint64 aheadMs);
    struct Group {
        bool national = false;
        qint64 categoryId = 0;
        qint64 count = 0;
    };
    struct Groups {
        Stamp stamp;
        QHash<qint64, QList<Group>> byRegion;
    };
    template <typename T>
    struct Held {
        Stamp stamp;
        T value;
    };

    bool fresh(const Stamp& stamp, bool withSummaries) const;
    static qint64 sum(const QList<Group>& groups, std::optional<bool> national,
                      std::optional<qint64> categoryId);
    template <typename T>
    void store(QHash<QString, Held<T>>& held, qsizetype limit, bool withSummaries, const Stamp& stamp,
               const QString& key, const T& value);

    const qint64 m_maxAgeMs;
    const Clock m_clock;
    std::atomic<quint64> m_auctions{0};
    std::atomic<quint64> m_summaries{0};
    mutable std::mutex m_mutex;
    mutable std::condition_variable m_catalogueRead;
    std::shared_ptr<const Groups> m_groups;
    Refresh m_groupsRefresh;
    std::shared_ptr<const ListingCatalogue> m_catalogue;
    Stamp m_catalogueStamp;
    qint64 m_catalogueReadMs = 0; // how long the last read took
    Refresh m_catalogueRefresh;
    QHash<QString, Held<qint64>> m_totals;
    QHash<QString, Held<Page<AuctionSummary>>> m_pages;
};

} // namespace nb::services
