#pragma once

#include "server/storage/ConnectionPool.h"
#include "server/storage/ListingStore.h"
#include "shared/protocol/Objects.h"

#include <QString>

#include <memory>
#include <mutex>
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

class ListingReference;
class ListingTotals;

/// Read-only views of auctions: listings with every filter, bid history, a user's own lists,
/// and the reference data. Each call costs a bounded number of SQL statements whatever the page
/// size (a listing: at most 2), served from indexes.
class ListingService {
public:
    explicit ListingService(storage::ConnectionPool& pool);
    ~ListingService();
    ListingService(const ListingService&) = delete;
    ListingService& operator=(const ListingService&) = delete;

    /// Makes search() take its totals from totals (see ListingTotals for what a client may then
    /// observe) and the regions and categories from memory, and read without a transaction:
    /// usually the page's statement alone. nullptr (the default) counts in the database every time.
    /// Set before serving; totals must outlive this service.
    void cacheTotals(ListingTotals* totals);

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
    storage::listings::SearchResult searchWithTotals(const storage::listings::SearchFilter& filter);
    /// The regions and categories, read on first use and again (at most once per totals' maxAge)
    /// when a filter names one they lack.
    std::shared_ptr<const ListingReference> reference(pqxx::transaction_base& tx, bool reload);

    storage::ConnectionPool& m_pool;
    ListingTotals* m_totals = nullptr;
    std::mutex m_referenceMutex;
    std::shared_ptr<const ListingReference> m_reference;
    qint64 m_referenceLoadedMs = 0;
};

} // namespace nb::services
