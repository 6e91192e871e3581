#pragma once

#include "server/storage/ConnectionPool.h"
#include "shared/protocol/Objects.h"

#include <QString>

#include <memory>
#include <optional>

namespace nb::services {

/// GET /api/v1/auctions query (PROTOCOL.md), already parsed.
struct ListingQuery {
    enum class Scope { Local, National, All };
    enum class Sort { Ending, Newest, PriceAsc, PriceDesc };

    Scope scope = Scope::All;
    std::optional<qint64> regionId; // matches the region and all its descendants
    QString category;               // slug; empty for all
    QString text;                   // title search; empty for all
    std::optional<Won> minPrice;
    std::optional<Won> maxPrice;
    std::optional<AuctionStatus> status = AuctionStatus::Active; // nullopt: every status
    Sort sort = Sort::Ending;
    int page = 1;      // 1-based
    int pageSize = 20; // 1..100
};

class CachedListingSearch;
class ListingCache;

/// Read-only views of auctions: listings with every filter, bid history, a user's own lists,
/// and the reference data. Each call costs a bounded number of SQL statements whatever the page
/// size (a listing: at most 2), served from indexes.
class ListingService {
public:
    explicit ListingService(storage::ConnectionPool& pool);
    ~ListingService();
    ListingService(const ListingService&) = delete;
    ListingService& operator=(const ListingService&) = delete;

    /// Makes search() answer from cache where it can (see ListingCache for what a client may then
    /// observe, CachedListingSearch for how the rest is read). nullptr (the default) reads every
    /// answer from the database. Set before serving; cache must outlive this service.
    void useCache(ListingCache* cache);
    /// With a cache: reads what it holds on a pool thread now, so that the first listings need not.
    void warmUpCache();

    /// Errors: bad_request (page, page_size, prices, unknown region or category).
    Page<AuctionSummary> search(const ListingQuery& query);
    /// Newest first. Errors: not_found, bad_request.
    Page<Bid> bids(qint64 auctionId, int page, int pageSize);
    /// Auctions the user bid on, with my_max and leading set. Errors: bad_request.
    Page<AuctionSummary> myBids(qint64 userId, int page, int pageSize);
    /// Auctions the user sells, newest first.
    Page<AuctionSummary> myAuctions(qint64 userId, int page, int pageSize);
    /// Auctions the user watches.
    Page<AuctionSummary> watchlist(qint64 userId, int page, int pageSize);

    QList<Region> regions();
    QList<Category> categories();

private:
    storage::ConnectionPool& m_pool;
    ListingCache* m_cache = nullptr;
    std::unique_ptr<CachedListingSearch> m_cached;
};

} // namespace nb::services
