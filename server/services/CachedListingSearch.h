#pragma once

#include "server/storage/ConnectionPool.h"
#include "server/storage/ListingStore.h"

#include <QByteArray>
#include <QFuture>
#include <QHash>
#include <QList>
#include <QString>

#include <atomic>
#include <functional>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>
#include <pqxx/transaction_base>

namespace nb::services {

class ListingCache;
class ListingCatalogue;
class ListingReference;

/// The listing search of a ListingService with a ListingCache: the region and category from
/// memory; a listing of active auctions from the catalogue (read again in the background before it
/// expires); any other, or any while the catalogue is not fresh, with its total from the cache when
/// it holds it and its page read as its ids and then their summaries in one read-only snapshot:
/// usually two statements (BEGIN and COMMIT aside), neither planned at length. The answers are
/// storage::listings::search()'s, as old as ListingCache allows.
class CachedListingSearch {
public:
    CachedListingSearch(storage::ConnectionPool& pool, ListingCache& cache);
    ~CachedListingSearch();
    CachedListingSearch(const CachedListingSearch&) = delete;
    CachedListingSearch& operator=(const CachedListingSearch&) = delete;

    /// Reads the regions, categories and catalogue on a pool thread, so that the first listings
    /// need not (a server calls it once it serves).
    void warmUp();

    /// Lowers readAtMs to when the oldest part of the answer (a held total) was read.
    storage::listings::SearchResult search(const storage::listings::SearchFilter& filter, qint64& readAtMs);

    /// What a held total is stored under: every part of the filter that decides the count.
    static QString totalKey(const storage::listings::SearchFilter& filter);
    /// What a held page is stored under: the total's key, the order and the page's place.
    static QString pageKey(const storage::listings::SearchFilter& filter);

private:
    std::shared_ptr<const ListingReference> loadedReference();
    /// The regions and categories, read on first use and again (at most once per maxAge) when a
    /// filter names one they lack.
    std::shared_ptr<const ListingReference> reference(pqxx::transaction_base& tx, bool reload);
    /// Fills resolved (and out's unknown flags) from ref; false when the filter names an unknown one.
    static bool resolveWith(const ListingReference& ref, const storage::listings::SearchFilter& filter,
                            storage::listings::Resolved& resolved, storage::listings::SearchResult& out);
    /// The filter's total from the cache, lowering readAtMs to when it was read; nullopt if not held.
    std::optional<qint64> heldTotal(const storage::listings::SearchFilter& filter,
                                    const storage::listings::Resolved& resolved, qint64& readAtMs) const;
    /// Counts in the database and keeps the total when the cache may hold it.
    qint64 countAndKeep(pqxx::transaction_base& tx, const storage::listings::SearchFilter& filter,
                        const storage::listings::Resolved& resolved);
    void refreshActiveGroups(pqxx::transaction_base& tx);
    /// The catalogue; read again when the cache asks for it: on a pool thread while the held one is
    /// still fresh, else before answering. nullptr when none is fresh.
    std::shared_ptr<const ListingCatalogue> catalogue(qint64& readAtMs);
    void readCatalogue();
    /// Runs read on a pool thread; the destructor waits for it.
    void inBackground(std::function<void()> read);
    /// text as the database lowers it, asked once per text (and again after kMaxLowered others).
    QByteArray lowered(const QString& text);

    storage::ConnectionPool& m_pool;
    ListingCache& m_cache;
    static constexpr qsizetype kMaxLowered = 4096;
    static constexpr qint64 kCatalogueWaitMs = 500;
    /// Beyond this many active auctions the catalogue is not kept (it could not be read again within
    /// maxAge), and not tried again for kCatalogueRetryMs.
    static constexpr qsizetype kMaxCatalogue = 50'000;
    static constexpr qint64 kCatalogueRetryMs = 60'000;
    std::atomic<qint64> m_catalogueUnusableUntilMs{std::numeric_limits<qint64>::min()};

    std::mutex m_loweredMutex;
    QHash<QString, QByteArray> m_lowered;
    std::mutex m_readingMutex;
    QList<QFuture<void>> m_reading;
    std::mutex m_referenceMutex;
    std::shared_ptr<const ListingReference> m_reference;
    qint64 m_referenceLoadedMs = 0;
};

} // namespace nb::services
