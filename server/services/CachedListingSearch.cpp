#include "server/services/CachedListingSearch.h"

#include "server/services/ListingCache.h"
#include "server/services/ListingCatalogue.h"
#include "server/services/ListingReference.h"
#include "server/services/TransactionScope.h"
#include "server/storage/SnapshotRead.h"
#include "shared/protocol/WireEnums.h"

#include <QStringList>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace nb::services {

namespace sl = storage::listings;

namespace {

/// As transact(), for a read in one snapshot (storage::snapshotRead).
template <typename Body>
auto readOnly(storage::ConnectionPool& pool, const char* operation, Body&& body)
{
    try {
        return storage::snapshotRead(pool, std::forward<Body>(body));
    } catch (const ServiceError&) {
        throw;
    } catch (const storage::DatabaseUnavailable& e) {
        detail::reportUnavailable(operation, e);
    } catch (const pqxx::broken_connection& e) {
        detail::reportUnavailable(operation, e);
    } catch (const std::exception& e) {
        detail::reportInternal(operation, e);
    }
}

QString orderKey(sl::SearchFilter::Order order)
{
    switch (order) {
    case sl::SearchFilter::Order::Ending:
        return QStringLiteral("ending");
    case sl::SearchFilter::Order::Newest:
        return QStringLiteral("newest");
    case sl::SearchFilter::Order::PriceAsc:
        return QStringLiteral("price_asc");
    case sl::SearchFilter::Order::PriceDesc:
        return QStringLiteral("price_desc");
    }
    return QString();
}

QString priceKey(const std::optional<Won>& price)
{
    return price ? QString::number(*price) : QString();
}

} // namespace

CachedListingSearch::CachedListingSearch(storage::ConnectionPool& pool, ListingCache& cache)
    : m_pool(pool)
    , m_cache(cache)
{}

CachedListingSearch::~CachedListingSearch()
{
    std::lock_guard lock(m_readingMutex);
    for (QFuture<void>& reading : m_reading)
        reading.waitForFinished();
}

void CachedListingSearch::inBackground(std::function<void()> read)
{
    std::lock_guard lock(m_readingMutex);
    m_reading.removeIf([](const QFuture<void>& reading) { return reading.isFinished(); });
    m_reading.append(QtConcurrent::run([read = std::move(read)] {
        try {
            read();
        } catch (const std::exception&) {
            // Already logged; a request that finds nothing fresh reads it again.
        }
    }));
}

QString CachedListingSearch::totalKey(const sl::SearchFilter& f)
{
    const QString status = f.status ? toWire(*f.status) : QStringLiteral("all");
    const QString scope = !f.national   ? QStringLiteral("all")
                          : *f.national ? QStringLiteral("national")
                                        : QStringLiteral("local");
    const QString region = f.regionId ? QString::number(*f.regionId) : QString();
    return QStringList{
        status, scope, region, f.categorySlug, f.titleContains, priceKey(f.minPrice), priceKey(f.maxPrice)}
        .join(QLatin1Char('\x1f'));
}

QString CachedListingSearch::pageKey(const sl::SearchFilter& f)
{
    return QStringList{totalKey(f), orderKey(f.order), QString::number(f.limit), QString::number(f.offset)}
        .join(QLatin1Char('\x1f'));
}

std::shared_ptr<const ListingReference> CachedListingSearch::loadedReference()
{
    std::lock_guard lock(m_referenceMutex);
    return m_reference;
}

std::shared_ptr<const ListingReference> CachedListingSearch::reference(pqxx::transaction_base& tx,
                                                                       bool reload)
{
    {
        std::lock_guard lock(m_referenceMutex);
        if (m_reference && (!reload || m_cache.nowMs() - m_referenceLoadedMs < m_cache.maxAgeMs()))
            return m_reference;
    }
    const qint64 loadedMs = m_cache.nowMs();
    auto loaded = std::make_shared<const ListingReference>(sl::regionPaths(tx), sl::categories(tx));
    std::lock_guard lock(m_referenceMutex);
    m_reference = loaded;
    m_referenceLoadedMs = loadedMs;
    return loaded;
}

bool CachedListingSearch::resolveWith(const ListingReference& ref, const sl::SearchFilter& filter,
                                      sl::Resolved& resolved, sl::SearchResult& out)
{
    resolved = sl::Resolved{};
    if (filter.regionId)
        resolved.regionIds = ref.regionAndDescendants(*filter.regionId);
    if (!filter.categorySlug.isEmpty())
        resolved.categoryId = ref.categoryId(filter.categorySlug);
    out.unknownRegion = filter.regionId && !resolved.regionIds;
    out.unknownCategory = !filter.categorySlug.isEmpty() && !resolved.categoryId;
    return !out.unknownRegion && !out.unknownCategory;
}

void CachedListingSearch::refreshActiveGroups(pqxx::transaction_base& tx)
{
    if (!m_cache.claimActiveGroups())
        return;
    const ListingCache::Stamp stamp = m_cache.stamp();
    QList<sl::ActiveGroup> groups;
    try {
        groups = sl::activeGroups(tx);
    } catch (...) {
        m_cache.abandonActiveGroups();
        throw;
    }
    m_cache.storeActiveGroups(stamp, groups);
}

std::optional<qint64> CachedListingSearch::heldTotal(const sl::SearchFilter& filter,
                                                     const sl::Resolved& resolved, qint64& readAtMs) const
{
    std::optional<ListingCache::HeldTotal> held;
    if (filter.minPrice || filter.maxPrice)
        return std::nullopt;
    if (filter.status == AuctionStatus::Active && filter.titleContains.isEmpty())
        held = m_cache.activeTotal(filter.national, resolved.regionIds.value_or(QList<qint64>()),
                                   resolved.categoryId);
    else
        held = m_cache.total(totalKey(filter));
    if (!held)
        return std::nullopt;
    readAtMs = std::min(readAtMs, held->atMs);
    return held->total;
}

qint64 CachedListingSearch::countAndKeep(pqxx::transaction_base& tx, const sl::SearchFilter& filter,
                                         const sl::Resolved& resolved)
{
    const bool keep = !filter.minPrice && !filter.maxPrice &&
                      !(filter.status == AuctionStatus::Active && filter.titleContains.isEmpty());
    const ListingCache::Stamp stamp = m_cache.stamp();
    const qint64 total = sl::count(tx, filter, resolved);
    if (keep)
        m_cache.storeTotal(stamp, totalKey(filter), total);
    return total;
}

QByteArray CachedListingSearch::lowered(const QString& text)
{
    if (text.isEmpty())
        return {};
    {
        std::lock_guard lock(m_loweredMutex);
        const auto it = m_lowered.constFind(text);
        if (it != m_lowered.constEnd())
            return *it;
    }
    const QByteArray lower = readOnly(m_pool, "lower a search text", [&](storage::SnapshotTransaction& tx) {
        return sl::lowered(tx, text);
    });
    std::lock_guard lock(m_loweredMutex);
    if (m_lowered.size() >= kMaxLowered)
        m_lowered.clear();
    m_lowered.insert(text, lower);
    return lower;
}

void CachedListingSearch::readCatalogue()
{
    const ListingCache::Stamp stamp = m_cache.stamp();
    try {
        auto read = readOnly(m_pool, "read the active auctions",
                             [](storage::SnapshotTransaction& tx) { return sl::activeSummaries(tx); });
        if (read.size() > kMaxCatalogue) {
            // Reading it would take longer than it may be kept: the database answers alone for a while.
            m_catalogueUnusableUntilMs = m_cache.nowMs() + kCatalogueRetryMs;
            m_cache.abandonCatalogue();
            return;
        }
        m_cache.storeCatalogue(stamp, std::make_shared<const ListingCatalogue>(std::move(read)));
    } catch (...) {
        m_cache.abandonCatalogue();
        throw;
    }
}

void CachedListingSearch::warmUp()
{
    inBackground([this] {
        readOnly(m_pool, "read the regions and categories",
                 [this](storage::SnapshotTransaction& tx) { return reference(tx, false); });
        if (m_cache.claimCatalogue())
            readCatalogue();
    });
}

std::shared_ptr<const ListingCatalogue> CachedListingSearch::catalogue(qint64& readAtMs)
{
    if (m_cache.nowMs() < m_catalogueUnusableUntilMs)
        return nullptr;
    qint64 readAt = 0;
    auto held = m_cache.catalogue(&readAt);
    if (m_cache.claimCatalogue()) {
        if (held) {
            // Still fresh: read its successor without keeping this request waiting.
            inBackground([this] { readCatalogue(); });
        } else {
            readCatalogue();
            held = m_cache.catalogue(&readAt);
        }
    } else if (!held) {
        // Another request is reading it: the wait is shorter than the database's answer would be
        // while every request without a catalogue asks the database at once.
        held = m_cache.awaitCatalogue(kCatalogueWaitMs, &readAt);
    }
    if (held)
        readAtMs = std::min(readAtMs, readAt);
    return held;
}

sl::SearchResult CachedListingSearch::search(const sl::SearchFilter& filter, qint64& readAtMs)
{
    // From memory alone when it can answer: the catalogue, or a page beyond the held total.
    sl::SearchResult out;
    sl::Resolved resolved;
    bool resolvedHere = false;
    std::optional<qint64> total;
    if (const auto ref = loadedReference(); ref && resolveWith(*ref, filter, resolved, out)) {
        resolvedHere = true;
        if (ListingCatalogue::answers(filter)) {
            if (const auto held = catalogue(readAtMs))
                return held->find(filter, resolved.regionIds, lowered(filter.titleContains));
        }
        total = heldTotal(filter, resolved, readAtMs);
        if (total && *total <= filter.offset) {
            out.total = *total;
            return out;
        }
    }
    return readOnly(m_pool, "search auctions", [&](storage::SnapshotTransaction& tx) {
        sl::SearchResult read;
        if (!resolvedHere) {
            if (!resolveWith(*reference(tx, false), filter, resolved, read) &&
                !resolveWith(*reference(tx, true), filter, resolved, read))
                return read;
        }
        refreshActiveGroups(tx);
        sl::planForCachedPages(tx);
        qint64 readAt = readAtMs;
        if (!filter.titleContains.isEmpty()) {
            // The matches are counted anyway to find the page: the count comes with it.
            const ListingCache::Stamp stamp = m_cache.stamp();
            sl::CountedIds counted = sl::countedPageIds(tx, filter, resolved);
            if (!filter.minPrice && !filter.maxPrice)
                m_cache.storeTotal(stamp, totalKey(filter), counted.total);
            read.total = counted.total;
            read.items = sl::summariesOf(tx, counted.ids);
            return read;
        }
        const std::optional<qint64> held = total ? total : heldTotal(filter, resolved, readAt);
        read.total = held ? *held : countAndKeep(tx, filter, resolved);
        if (read.total > filter.offset)
            read.items = sl::summariesOf(tx, sl::pageIds(tx, filter, resolved));
        readAtMs = readAt;
        return read;
    });
}

} // namespace nb::services
