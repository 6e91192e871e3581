#pragma once

#include "shared/protocol/Objects.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>
#include <pqxx/pqxx>

namespace nb::storage::listings {

/// A listing search with every filter of GET /api/v1/auctions, already validated.
struct SearchFilter {
    enum class Order { Ending, Newest, PriceAsc, PriceDesc };

    std::optional<bool> national;   // scope: true national, false local, nullopt all
    std::optional<qint64> regionId; // the region and all its descendants
    QString categorySlug;           // empty: every category
    QString titleContains;          // case-insensitive substring as typed (no wildcards); empty: any
    std::optional<Won> minPrice;    // on current_price, inclusive
    std::optional<Won> maxPrice;
    std::optional<AuctionStatus> status; // nullopt: every status
    Order order = Order::Ending;
    int limit = 20;
    qint64 offset = 0;
};

struct SearchResult {
    bool unknownRegion = false;
    bool unknownCategory = false;
    qint64 total = 0;
    QList<AuctionSummary> items;
};

/// What a filter's region and category stand for: the ids of the region and all its descendants,
/// and the category's id. Unset when the filter names none.
struct Resolved {
    std::optional<QList<qint64>> regionIds;
    std::optional<qint64> categoryId;
};

/// Active auctions counted by scope, region and category: every total of active auctions
/// without a title search or a price range is a sum of these groups.
struct ActiveGroup {
    bool national = false;
    qint64 regionId = 0;
    qint64 categoryId = 0;
    qint64 count = 0;
};

/// An active auction's summary with the exact instants its orders compare (the summary's are
/// rounded to the millisecond) and its title as the title search compares it (lower(title), UTF-8).
struct ActiveSummary {
    AuctionSummary summary;
    qint64 endsAtUs = 0;
    qint64 createdAtUs = 0;
    QByteArray titleLower;
};

struct RegionPath {
    qint64 id = 0;
    std::string path;
};

/// Runs a search in at most two statements whatever the page size: the first resolves the region
/// and the category and counts the matches, the second (skipped when the page is empty) reads the
/// page's summaries. Ties in every order break by id, so paging is stable.
SearchResult search(pqxx::work& tx, const SearchFilter& filter);

/// The pieces of search() for a caller that resolved the region and the category itself and
/// finds the total its own way; one statement each.
qint64 count(pqxx::transaction_base& tx, const SearchFilter& filter, const Resolved& resolved);
QList<AuctionSummary> page(pqxx::transaction_base& tx, const SearchFilter& filter, const Resolved& resolved);
/// A page in two statements, to run in one snapshot: the ids of the page's auctions in order (a
/// statement on the auctions alone, quick to plan), then their summaries (one statement prepared
/// once per connection, so never planned again). The single statement of page() spent more time
/// being planned than run.
QList<qint64> pageIds(pqxx::transaction_base& tx, const SearchFilter& filter, const Resolved& resolved);
QList<AuctionSummary> summariesOf(pqxx::transaction_base& tx, const QList<qint64>& ids);
/// For a title search: the number of matches and the ids of one page of them, from one pass over
/// the matches. The matches are found first (through the title's trigram index when the text
/// allows it) and only then ordered: planned together with the order, the search walked the
/// order's whole index testing every title (1,300 buffers, 10-20 ms a page).
struct CountedIds {
    qint64 total = 0;
    QList<qint64> ids;
};
CountedIds countedPageIds(pqxx::transaction_base& tx, const SearchFilter& filter, const Resolved& resolved);
QList<ActiveGroup> activeGroups(pqxx::transaction_base& tx);
/// Every active auction's summary, in one statement (one snapshot).
QList<ActiveSummary> activeSummaries(pqxx::transaction_base& tx);
/// text as the title search lowers it (the database's lower()), UTF-8.
QByteArray lowered(pqxx::transaction_base& tx, const QString& text);
/// For the rest of tx, has the planner cost a random page read as what it is for the listing's
/// working set, held in memory (1.1, not the default 4, which is a disk's): at 4 it walked a whole
/// status index in search of a category's auctions (1,800 buffers, 3-4 ms a page) rather than
/// reading the category's own index (0.4 ms).
void planForCachedPages(pqxx::transaction_base& tx);
QList<RegionPath> regionPaths(pqxx::transaction_base& tx);

/// The auction's recorded bids, newest first; nothing when there is no such auction.
std::optional<Page<Bid>> bids(pqxx::work& tx, qint64 auctionId, int limit, qint64 offset);

/// Auctions the user bid on, most recently bid first, with my_max (the user's highest committed
/// amount on it) and leading.
Page<AuctionSummary> auctionsBidOn(pqxx::work& tx, qint64 userId, int limit, qint64 offset);
/// Auctions the user sells, newest first.
Page<AuctionSummary> auctionsSold(pqxx::work& tx, qint64 userId, int limit, qint64 offset);
/// Auctions the user watches, most recently watched first.
Page<AuctionSummary> auctionsWatched(pqxx::work& tx, qint64 userId, int limit, qint64 offset);

/// The region tree in tree order (each region before its descendants).
QList<Region> regions(pqxx::work& tx);
QList<Category> categories(pqxx::transaction_base& tx);

} // namespace nb::storage::listings
