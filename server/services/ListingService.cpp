#include "server/services/ListingService.h"

#include "server/services/ListingReference.h"
#include "server/services/ListingTotals.h"
#include "server/services/ServiceError.h"
#include "server/services/TransactionScope.h"
#include "server/storage/AutocommitRead.h"
#include "server/storage/ListingStore.h"
#include "shared/protocol/WireEnums.h"

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

/// As transact(), for a read without a transaction (storage::autocommitRead).
template <typename Body>
auto readOnly(storage::ConnectionPool& pool, const char* operation, Body&& body)
{
    try {
        return storage::autocommitRead(pool, std::forward<Body>(body));
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

/// What a held total is stored under: every part of the filter that decides the count.
QString totalKey(const sl::SearchFilter& f)
{
    const QString status = f.status ? toWire(*f.status) : QStringLiteral("all");
    const QString scope = !f.national   ? QStringLiteral("all")
                          : *f.national ? QStringLiteral("national")
                                        : QStringLiteral("local");
    const QString region = f.regionId ? QString::number(*f.regionId) : QString();
    return QStringList{status, scope, region, f.categorySlug, f.titleContains}.join(QLatin1Char('\x1f'));
}

/// Counts the active groups when the totals ask for them, in the caller's session.
void refreshActiveGroups(ListingTotals& totals, pqxx::transaction_base& tx)
{
    if (!totals.claimActiveGroups())
        return;
    const ListingTotals::Stamp stamp = totals.stamp();
    QList<sl::ActiveGroup> groups;
    try {
        groups = sl::activeGroups(tx);
    } catch (...) {
        totals.abandonActiveGroups();
        throw;
    }
    totals.storeActiveGroups(stamp, groups);
}

/// The filter's total from totals when they hold it, else counted (and kept when it may be).
qint64 totalOf(ListingTotals& totals, pqxx::transaction_base& tx, const sl::SearchFilter& filter,
               const sl::Resolved& resolved)
{
    if (filter.minPrice || filter.maxPrice)
        return sl::count(tx, filter, resolved);
    if (filter.status == AuctionStatus::Active && filter.titleContains.isEmpty()) {
        refreshActiveGroups(totals, tx);
        if (const auto total = totals.activeTotal(filter.national, resolved.regionIds.value_or(QList<qint64>()),
                                                       resolved.categoryId))
            return *total;
        return sl::count(tx, filter, resolved);
    }
    const QString key = totalKey(filter);
    if (const auto total = totals.total(key))
        return *total;
    const ListingTotals::Stamp stamp = totals.stamp();
    const qint64 total = sl::count(tx, filter, resolved);
    totals.storeTotal(stamp, key, total);
    return total;
}

} // namespace

ListingService::ListingService(storage::ConnectionPool& pool)
    : m_pool(pool)
{}

ListingService::~ListingService() = default;

void ListingService::cacheTotals(ListingTotals* totals)
{
    m_totals = totals;
}

std::shared_ptr<const ListingReference> ListingService::reference(pqxx::transaction_base& tx, bool reload)
{
    {
        std::lock_guard lock(m_referenceMutex);
        if (m_reference && (!reload || m_totals->stamp().atMs - m_referenceLoadedMs < m_totals->maxAgeMs()))
            return m_reference;
    }
    const qint64 loadedMs = m_totals->stamp().atMs;
    auto loaded = std::make_shared<const ListingReference>(sl::regionPaths(tx), sl::categories(tx));
    std::lock_guard lock(m_referenceMutex);
    m_reference = loaded;
    m_referenceLoadedMs = loadedMs;
    return loaded;
}

sl::SearchResult ListingService::searchWithTotals(const sl::SearchFilter& filter)
{
    return readOnly(m_pool, "search auctions", [&](pqxx::nontransaction& tx) {
        sl::SearchResult out;
        sl::Resolved resolved;
        const auto resolve = [&](const ListingReference& ref) {
            if (filter.regionId)
                resolved.regionIds = ref.regionAndDescendants(*filter.regionId);
            if (!filter.categorySlug.isEmpty())
                resolved.categoryId = ref.categoryId(filter.categorySlug);
            out.unknownRegion = filter.regionId && !resolved.regionIds;
            out.unknownCategory = !filter.categorySlug.isEmpty() && !resolved.categoryId;
        };
        resolve(*reference(tx, false));
        if (out.unknownRegion || out.unknownCategory)
            resolve(*reference(tx, true));
        if (out.unknownRegion || out.unknownCategory)
            return out;
        out.total = totalOf(*m_totals, tx, filter, resolved);
        if (out.total > filter.offset)
            out.items = sl::page(tx, filter, resolved);
        return out;
    });
}

Page<AuctionSummary> ListingService::search(const ListingQuery& query)
{
    const sl::SearchFilter filter = filterOf(query);
    const sl::SearchResult found =
        m_totals
            ? searchWithTotals(filter)
            : transact(m_pool, "search auctions", [&](pqxx::work& tx) { return sl::search(tx, filter); });
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
