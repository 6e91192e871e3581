#include "server/storage/ListingStore.h"

#include "server/storage/AuctionSql.h"
#include "server/storage/AuctionStore.h"
#include "server/storage/RowReading.h"
#include "shared/protocol/WireEnums.h"

#include <QHash>

#include <string>
#include <string_view>
#include <vector>

namespace nb::storage::listings {

namespace {

/// A statement composed at run time from fixed SQL fragments. Every value travels as a bound
/// parameter (text, cast in the SQL where the type matters), never inside the SQL text. Composed
/// rather than prepared because each combination of filters and order gets its own plan: one
/// generic plan with "$n IS NULL OR …" filters cannot use the index that fits the filters given.
class Statement {
public:
    /// Binds a value and returns its placeholder ("$3").
    std::string bind(std::string value)
    {
        m_params.push_back(std::move(value));
        return "$" + std::to_string(m_params.size());
    }

    std::string sql;

    pqxx::result run(pqxx::transaction_base& tx) const
    {
        return tx.exec_params(sql, pqxx::prepare::make_dynamic_params(m_params));
    }

private:
    std::vector<std::string> m_params;
};

/// LIKE's wildcards and its escape character taken literally.
std::string likeContains(const QString& text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
        .replace(QLatin1Char('%'), QLatin1String("\\%"))
        .replace(QLatin1Char('_'), QLatin1String("\\_"));
    return (QLatin1Char('%') + escaped + QLatin1Char('%')).toStdString();
}

/// The conditions of every filter but region and category, whose SQL differs between the two
/// statements (the count resolves them, the page uses what the count found).
std::string commonConditions(Statement& st, const SearchFilter& f)
{
    std::string where = " WHERE true";
    if (f.status)
        where += " AND a.status = " + st.bind(toWire(*f.status).toStdString());
    if (f.national)
        where += *f.national ? " AND a.is_national" : " AND NOT a.is_national";
    if (!f.titleContains.isEmpty())
        where += " AND a.title_lower LIKE lower(" + st.bind(likeContains(f.titleContains)) + ")";
    if (f.minPrice)
        where += " AND a.current_price >= " + st.bind(std::to_string(*f.minPrice)) + "::bigint";
    if (f.maxPrice)
        where += " AND a.current_price <= " + st.bind(std::to_string(*f.maxPrice)) + "::bigint";
    return where;
}

const char* orderBy(SearchFilter::Order order)
{
    switch (order) {
    case SearchFilter::Order::Ending:
        return " ORDER BY a.ends_at, a.id";
    case SearchFilter::Order::Newest:
        return " ORDER BY a.created_at DESC, a.id DESC";
    case SearchFilter::Order::PriceAsc:
        return " ORDER BY a.current_price, a.id";
    case SearchFilter::Order::PriceDesc:
        return " ORDER BY a.current_price DESC, a.id DESC";
    }
    return " ORDER BY a.id";
}

/// The region and category conditions once they are known (the page, and the cached listing's
/// counts). The region's ids are listed rather than found by path in a subquery: the planner
/// then knows how many auctions they hold, and reads a small region's auctions through the
/// region index instead of walking the whole order's index in search of them.
std::string resolvedConditions(Statement& st, const Resolved& r)
{
    std::string where;
    if (r.regionIds)
        where += " AND a.region_id = ANY(" + st.bind(fields::idArray(*r.regionIds)) + "::bigint[])";
    if (r.categoryId)
        where += " AND a.category_id = " + st.bind(std::to_string(*r.categoryId)) + "::bigint";
    return where;
}

/// Statement 1: the ids of the region and its descendants ("1,2,3"), the category's id (each null
/// when unknown) and the count.
Statement countStatement(const SearchFilter& f)
{
    Statement st;
    std::string regionIds = "NULL::text";
    std::string categoryId = "NULL::bigint";
    std::string where;
    if (f.regionId) {
        const std::string subtree = "(SELECT d.id FROM regions d WHERE d.path LIKE (SELECT path FROM regions "
                                    "WHERE id = " +
                                    st.bind(std::to_string(*f.regionId)) + "::bigint) || '%')";
        regionIds = "(SELECT string_agg(t.id::text, ',') FROM " + subtree + " t)";
        where += " AND a.region_id IN " + subtree;
    }
    if (!f.categorySlug.isEmpty()) {
        categoryId = "(SELECT id FROM categories WHERE slug = " + st.bind(f.categorySlug.toStdString()) + ")";
        where += " AND a.category_id = " + categoryId;
    }
    where = commonConditions(st, f) + where;
    st.sql = "SELECT " + regionIds + " AS region_ids, " + categoryId +
             " AS category_id, (SELECT count(*) FROM auctions a" + where + ") AS total";
    return st;
}

/// The count alone, for a caller that resolved the region and the category.
Statement resolvedCountStatement(const SearchFilter& f, const Resolved& r)
{
    Statement st;
    const std::string where = commonConditions(st, f) + resolvedConditions(st, r);
    st.sql = "SELECT count(*) FROM auctions a" + where;
    return st;
}

constexpr std::string_view kSummaryJoins = NB_AUCTION_SUMMARY_JOINS;
constexpr std::string_view kSummarySource = "FROM auctions a ";
static_assert(kSummaryJoins.substr(0, kSummarySource.size()) == kSummarySource,
              "the page replaces the summary's source table with the page's own rows");

/// Statement 2: one page of summaries. The page's rows are chosen from the auctions alone (an
/// index scan that stops at the limit) and only they are joined with their seller, category,
/// region, reputation and thumbnail: joining every match before sorting and limiting cost
/// 60-200 ms at 10,000 active auctions.
Statement pageStatement(const SearchFilter& f, const Resolved& r)
{
    Statement st;
    const std::string order = orderBy(f.order);
    std::string rows = "(SELECT a.* FROM auctions a" + commonConditions(st, f) + resolvedConditions(st, r);
    rows += order;
    rows += " LIMIT " + st.bind(std::to_string(f.limit)) + "::int";
    rows += " OFFSET " + st.bind(std::to_string(f.offset)) + "::bigint) a ";
    st.sql = NB_AUCTION_SUMMARY_SELECT "FROM ";
    st.sql += rows;
    st.sql += kSummaryJoins.substr(kSummarySource.size());
    st.sql += order;
    return st;
}

/// "1,2,3" as ids; nullopt stays nullopt.
std::optional<QList<qint64>> idList(const std::optional<std::string>& text)
{
    if (!text)
        return std::nullopt;
    QList<qint64> ids;
    for (const QString& id : QString::fromStdString(*text).split(QLatin1Char(',')))
        ids.append(id.toLongLong());
    return ids;
}

/// The page's ids: its filter, order, limit and offset on the auctions alone.
Statement pageIdsStatement(const SearchFilter& f, const Resolved& r)
{
    Statement st;
    st.sql = "SELECT a.id FROM auctions a" + commonConditions(st, f) + resolvedConditions(st, r) +
             orderBy(f.order);
    st.sql += " LIMIT " + st.bind(std::to_string(f.limit)) + "::int";
    st.sql += " OFFSET " + st.bind(std::to_string(f.offset)) + "::bigint";
    return st;
}

/// The matches as a materialised set (planned on their own), counted, and one page of them.
Statement countedPageIdsStatement(const SearchFilter& f, const Resolved& r)
{
    Statement st;
    const std::string order = orderBy(f.order);
    st.sql = "WITH m AS MATERIALIZED (SELECT a.id, a.ends_at, a.created_at, a.current_price FROM auctions a" +
             commonConditions(st, f) + resolvedConditions(st, r) + ")";
    st.sql +=
        " SELECT t.total, a.id FROM (SELECT count(*) AS total FROM m) t LEFT JOIN LATERAL (SELECT * FROM m a";
    st.sql += order;
    st.sql += " LIMIT " + st.bind(std::to_string(f.limit)) + "::int";
    st.sql += " OFFSET " + st.bind(std::to_string(f.offset)) + "::bigint) a ON true";
    st.sql += order;
    return st;
}

constexpr const char* kSummariesOfName = "listing_summaries_of";
constexpr const char* kSummariesOfSql =
    NB_AUCTION_SUMMARY_SELECT NB_AUCTION_SUMMARY_JOINS "WHERE a.id = ANY($1::bigint[])";

QList<AuctionSummary> summaries(const pqxx::result& result)
{
    QList<AuctionSummary> out;
    out.reserve(static_cast<qsizetype>(result.size()));
    for (const auto& row : result)
        out.append(auctions::summaryFromRow(row));
    return out;
}

Page<AuctionSummary> summaryPage(pqxx::work& tx, const char* countStatementName,
                                 const char* pageStatementName, qint64 userId, int limit, qint64 offset)
{
    Page<AuctionSummary> page;
    page.total = tx.exec_prepared1(countStatementName, userId)[0].as<qint64>();
    if (page.total > offset)
        page.items = summaries(tx.exec_prepared(pageStatementName, userId, limit, offset));
    return page;
}

} // namespace

SearchResult search(pqxx::work& tx, const SearchFilter& filter)
{
    SearchResult out;
    const auto counted = countStatement(filter).run(tx)[0];
    const auto regionIds = fields::optional<std::string>(counted["region_ids"]);
    const auto categoryId = fields::optional<qint64>(counted["category_id"]);
    out.unknownRegion = filter.regionId && !regionIds;
    out.unknownCategory = !filter.categorySlug.isEmpty() && !categoryId;
    if (out.unknownRegion || out.unknownCategory)
        return out;
    out.total = counted["total"].as<qint64>();
    if (out.total > filter.offset)
        out.items = page(tx, filter, Resolved{idList(regionIds), categoryId});
    return out;
}

qint64 count(pqxx::transaction_base& tx, const SearchFilter& filter, const Resolved& resolved)
{
    return resolvedCountStatement(filter, resolved).run(tx)[0][0].as<qint64>();
}

QList<AuctionSummary> page(pqxx::transaction_base& tx, const SearchFilter& filter, const Resolved& resolved)
{
    return summaries(pageStatement(filter, resolved).run(tx));
}

QList<qint64> pageIds(pqxx::transaction_base& tx, const SearchFilter& filter, const Resolved& resolved)
{
    QList<qint64> ids;
    const auto result = pageIdsStatement(filter, resolved).run(tx);
    ids.reserve(static_cast<qsizetype>(result.size()));
    for (const auto& row : result)
        ids.append(row[0].as<qint64>());
    return ids;
}

CountedIds countedPageIds(pqxx::transaction_base& tx, const SearchFilter& filter, const Resolved& resolved)
{
    CountedIds out;
    const auto result = countedPageIdsStatement(filter, resolved).run(tx);
    for (const auto& row : result) {
        out.total = row[0].as<qint64>();
        if (!row[1].is_null())
            out.ids.append(row[1].as<qint64>());
    }
    return out;
}

QList<AuctionSummary> summariesOf(pqxx::transaction_base& tx, const QList<qint64>& ids)
{
    if (ids.isEmpty())
        return {};
    // Defined on each connection by its first use here (again: a no-op), and prepared by libpqxx
    // on that connection at its first execution.
    tx.conn().prepare(kSummariesOfName, kSummariesOfSql);
    QHash<qint64, AuctionSummary> byId;
    for (const auto& row : tx.exec_prepared(kSummariesOfName, fields::idArray(ids))) {
        AuctionSummary s = auctions::summaryFromRow(row);
        byId.insert(s.id, std::move(s));
    }
    QList<AuctionSummary> out;
    out.reserve(ids.size());
    for (const qint64 id : ids) {
        const auto it = byId.constFind(id);
        if (it != byId.constEnd())
            out.append(*it);
    }
    return out;
}

void planForCachedPages(pqxx::transaction_base& tx)
{
    tx.exec("SET LOCAL random_page_cost = 1.1");
}

QList<ActiveGroup> activeGroups(pqxx::transaction_base& tx)
{
    QList<ActiveGroup> out;
    const auto result = tx.exec("SELECT is_national, region_id, category_id, count(*) FROM auctions "
                                "WHERE status = 'active' GROUP BY is_national, region_id, category_id");
    out.reserve(static_cast<qsizetype>(result.size()));
    for (const auto& r : result)
        out.append(ActiveGroup{r[0].as<bool>(), r[1].as<qint64>(), r[2].as<qint64>(), r[3].as<qint64>()});
    return out;
}

QList<ActiveSummary> activeSummaries(pqxx::transaction_base& tx)
{
    QList<ActiveSummary> out;
    const auto result = tx.exec(NB_AUCTION_SUMMARY_SELECT
                                ", (extract(epoch FROM a.ends_at) * 1000000)::bigint AS ends_at_us, "
                                "(extract(epoch FROM a.created_at) * 1000000)::bigint AS created_at_us, "
                                "a.title_lower " NB_AUCTION_SUMMARY_JOINS "WHERE a.status = 'active'");
    out.reserve(static_cast<qsizetype>(result.size()));
    const auto endsAt = result.column_number("ends_at_us");
    const auto createdAt = result.column_number("created_at_us");
    const auto titleLower = result.column_number("title_lower");
    for (const auto& row : result) {
        const pqxx::field title = row[titleLower];
        out.append(ActiveSummary{auctions::summaryFromRow(row), row[endsAt].as<qint64>(),
                                 row[createdAt].as<qint64>(),
                                 QByteArray(title.c_str(), static_cast<qsizetype>(title.size()))});
    }
    return out;
}

QByteArray lowered(pqxx::transaction_base& tx, const QString& text)
{
    const pqxx::row row = tx.exec_params1("SELECT lower($1)", text.toStdString());
    return QByteArray(row[0].c_str(), static_cast<qsizetype>(row[0].size()));
}

QList<RegionPath> regionPaths(pqxx::transaction_base& tx)
{
    QList<RegionPath> out;
    for (const auto& r : tx.exec("SELECT id, path FROM regions"))
        out.append(RegionPath{r[0].as<qint64>(), r[1].as<std::string>()});
    return out;
}

std::optional<Page<Bid>> bids(pqxx::work& tx, qint64 auctionId, int limit, qint64 offset)
{
    const auto counted = tx.exec_prepared("listing_bid_count", auctionId);
    if (counted.empty())
        return std::nullopt;
    Page<Bid> page;
    page.total = counted[0][0].as<qint64>();
    if (page.total <= offset)
        return page;
    for (const auto& r : tx.exec_prepared("listing_bid_page", auctionId, limit, offset)) {
        Bid bid;
        bid.id = r["id"].as<qint64>();
        bid.amount = r["amount"].as<qint64>();
        bid.bidder = PartyRef{r["bidder_id"].as<qint64>(), fields::text(r["bidder_name"])};
        bid.at = fields::time(r["at_ms"]);
        page.items.append(bid);
    }
    return page;
}

Page<AuctionSummary> auctionsBidOn(pqxx::work& tx, qint64 userId, int limit, qint64 offset)
{
    Page<AuctionSummary> page;
    page.total = tx.exec_prepared1("listing_my_bids_count", userId)[0].as<qint64>();
    if (page.total <= offset)
        return page;
    for (const auto& row : tx.exec_prepared("listing_my_bids", userId, limit, offset)) {
        AuctionSummary s = auctions::summaryFromRow(row);
        s.myMax = row["my_max"].as<qint64>();
        s.leading = s.highBidderId && *s.highBidderId == userId;
        page.items.append(std::move(s));
    }
    return page;
}

Page<AuctionSummary> auctionsSold(pqxx::work& tx, qint64 userId, int limit, qint64 offset)
{
    return summaryPage(tx, "listing_my_auctions_count", "listing_my_auctions", userId, limit, offset);
}

Page<AuctionSummary> auctionsWatched(pqxx::work& tx, qint64 userId, int limit, qint64 offset)
{
    return summaryPage(tx, "listing_watchlist_count", "listing_watchlist", userId, limit, offset);
}

QList<Region> regions(pqxx::work& tx)
{
    QList<Region> out;
    for (const auto& r : tx.exec_prepared("region_list")) {
        Region region;
        region.id = r["id"].as<qint64>();
        region.name = fields::text(r["name"]);
        region.parentId = fields::optional<qint64>(r["parent_id"]);
        region.depth = r["depth"].as<int>();
        out.append(region);
    }
    return out;
}

QList<Category> categories(pqxx::transaction_base& tx)
{
    QList<Category> out;
    for (const auto& r : tx.exec_prepared("category_list"))
        out.append(Category{r["id"].as<qint64>(), fields::text(r["slug"]), fields::text(r["name"]),
                            fields::text(r["name_ko"])});
    return out;
}

} // namespace nb::storage::listings
