#include "server/services/ListingService.h"

#include "server/services/CachedListingSearch.h"
#include "server/services/ListingCache.h"
#include "server/services/ListingCatalogue.h"
#include "server/services/ServiceError.h"
#include "server/services/TransactionScope.h"
#include "server/storage/ListingStore.h"

namespace nb::services {

namespace sl = storage::listings;

namespace {

constexpr int kMaxPageSize = 100;
constexpr int kMaxSearchTextLength = 100;

[[noreturn]] void badField(const char* field, const QString& message)
{
    fail(ErrorCode::BadRequest, message, QJsonObject{{"field", QLatin1String(field)}});
}

/// Refuses a page before 1 or a page size outside 1..100; returns the offset of the page.
qint64 checkedOffset(int page, int pageSize)
{
    if (page < 1)
        badField("page", QStringLiteral("page starts at 1."));
    if (pageSize < 1 || pageSize > kMaxPageSize)
        badField("page_size", QStringLiteral("page_size must be 1 to %1.").arg(kMaxPageSize));
    return qint64(page - 1) * pageSize;
}

void checkPrice(const std::optional<Won>& price, const char* field)
{
    if (price && !isValidAmount(*price))
        badField(field, QStringLiteral("%1 must be a whole number of won between 1 and 1,000,000,000,000.")
                            .arg(QLatin1String(field)));
}

sl::SearchFilter::Order orderOf(ListingQuery::Sort sort)
{
    switch (sort) {
    case ListingQuery::Sort::Ending:
        return sl::SearchFilter::Order::Ending;
    case ListingQuery::Sort::Newest:
        return sl::SearchFilter::Order::Newest;
    case ListingQuery::Sort::PriceAsc:
        return sl::SearchFilter::Order::PriceAsc;
    case ListingQuery::Sort::PriceDesc:
        return sl::SearchFilter::Order::PriceDesc;
    }
    return sl::SearchFilter::Order::Ending;
}

std::optional<bool> nationalOf(ListingQuery::Scope scope)
{
    switch (scope) {
    case ListingQuery::Scope::Local:
        return false;
    case ListingQuery::Scope::National:
        return true;
    case ListingQuery::Scope::All:
        break;
    }
    return std::nullopt;
}

/// The checks and the filter of a search; everything but the region and the category, which
/// only the database can tell apart from unknown ones.
sl::SearchFilter filterOf(const ListingQuery& query)
{
    sl::SearchFilter f;
    f.offset = checkedOffset(query.page, query.pageSize);
    f.limit = query.pageSize;
    checkPrice(query.minPrice, "min_price");
    checkPrice(query.maxPrice, "max_price");
    if (query.minPrice && query.maxPrice && *query.minPrice > *query.maxPrice)
        badField("max_price", QStringLiteral("max_price must not be below min_price."));
    if (query.regionId && *query.regionId < 1)
        badField("region", QStringLiteral("There is no region %1.").arg(*query.regionId));
    f.titleContains = query.text.trimmed();
    if (f.titleContains.toUcs4().size() > kMaxSearchTextLength)
        badField("q",
                 QStringLiteral("The search text may have at most %1 characters.").arg(kMaxSearchTextLength));
    f.national = nationalOf(query.scope);
    f.regionId = query.regionId;
    f.categorySlug = query.category;
    f.minPrice = query.minPrice;
    f.maxPrice = query.maxPrice;
    f.status = query.status;
    f.order = orderOf(query.sort);
    return f;
}

/// The answer to query from what the search found; an unknown region or category is bad_request.
Page<AuctionSummary> pageOf(const ListingQuery& query, const sl::SearchResult& found)
{
    if (found.unknownRegion)
        badField("region", QStringLiteral("There is no region %1.").arg(*query.regionId));
    if (found.unknownCategory)
        badField("category", QStringLiteral("There is no category \"%1\".").arg(query.category));
    Page<AuctionSummary> page;
    page.items = found.items;
    page.total = found.total;
    page.page = query.page;
    page.pageSize = query.pageSize;
    return page;
}

} // namespace

ListingService::ListingService(storage::ConnectionPool& pool)
    : m_pool(pool)
{}

ListingService::~ListingService() = default;

void ListingService::useCache(ListingCache* cache)
{
    m_cache = cache;
    m_cached = cache ? std::make_unique<CachedListingSearch>(m_pool, *cache) : nullptr;
}

void ListingService::warmUpCache()
{
    if (m_cached)
        m_cached->warmUp();
}

Page<AuctionSummary> ListingService::search(const ListingQuery& query)
{
    const sl::SearchFilter filter = filterOf(query);
    if (!m_cached) {
        return pageOf(query, transact(m_pool, "search auctions",
                                      [&](pqxx::work& tx) { return sl::search(tx, filter); }));
    }
    // Pages the catalogue answers cost less to find again than to hold.
    const bool hold = !ListingCatalogue::answers(filter);
    const QString key = hold ? CachedListingSearch::pageKey(filter) : QString();
    if (hold) {
        if (auto held = m_cache->page(key))
            return *std::move(held);
    }
    ListingCache::Stamp stamp = m_cache->stamp();
    const Page<AuctionSummary> page = pageOf(query, m_cached->search(filter, stamp.atMs));
    if (hold)
        m_cache->storePage(stamp, key, page);
    return page;
}

Page<Bid> ListingService::bids(qint64 auctionId, int page, int pageSize)
{
    const qint64 offset = checkedOffset(page, pageSize);
    auto found = transact(m_pool, "list bids",
                          [&](pqxx::work& tx) { return sl::bids(tx, auctionId, pageSize, offset); });
    if (!found)
        fail(ErrorCode::NotFound, QStringLiteral("There is no such auction."));
    found->page = page;
    found->pageSize = pageSize;
    return *found;
}

Page<AuctionSummary> ListingService::myBids(qint64 userId, int page, int pageSize)
{
    const qint64 offset = checkedOffset(page, pageSize);
    auto out = transact(m_pool, "list my bids",
                        [&](pqxx::work& tx) { return sl::auctionsBidOn(tx, userId, pageSize, offset); });
    out.page = page;
    out.pageSize = pageSize;
    return out;
}

Page<AuctionSummary> ListingService::myAuctions(qint64 userId, int page, int pageSize)
{
    const qint64 offset = checkedOffset(page, pageSize);
    auto out = transact(m_pool, "list my auctions",
                        [&](pqxx::work& tx) { return sl::auctionsSold(tx, userId, pageSize, offset); });
    out.page = page;
    out.pageSize = pageSize;
    return out;
}

Page<AuctionSummary> ListingService::watchlist(qint64 userId, int page, int pageSize)
{
    const qint64 offset = checkedOffset(page, pageSize);
    auto out = transact(m_pool, "list watchlist",
                        [&](pqxx::work& tx) { return sl::auctionsWatched(tx, userId, pageSize, offset); });
    out.page = page;
    out.pageSize = pageSize;
    return out;
}

QList<Region> ListingService::regions()
{
    return transact(m_pool, "list regions", [&](pqxx::work& tx) { return sl::regions(tx); });
}

QList<Category> ListingService::categories()
{
    return transact(m_pool, "list categories", [&](pqxx::work& tx) { return sl::categories(tx); });
}

} // namespace nb::services
