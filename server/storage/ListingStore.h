#pragma once

#include "shared/protocol/Objects.h"

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
QList<ActiveGroup> activeGroups(pqxx::transaction_base& tx);
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
