#pragma once

#include "server/services/AuctionLanes.h"
#include "server/services/BidBoard.h"
#include "server/services/BidGlances.h"
#include "server/services/ListingChanges.h"
#include "server/storage/ConnectionPool.h"
#include "shared/ApiError.h"
#include "shared/protocol/Objects.h"

#include <QString>

#include <optional>
#include <pqxx/transaction>

namespace nb::services {

/// Bids and buy-now: the escrow moves of RULES.md, each one transaction that locks the auction
/// first and then the wallets in ascending user id. This instance's bids on one auction go through
/// its lane one at a time, and one certainly too low is refused before the auction's row lock,
/// from memory when this instance saw every bid the auction accepted (BidBoard).
class BiddingService {
public:
    explicit BiddingService(storage::ConnectionPool& pool, ListingChanges listingChanges = {});

    /// Places a bid (with an optional proxy maximum). Locks the bidder's commitment (only the
    /// difference when the leader raises), releases the previous leader's hold, records the bid
    /// and its proxy steps, extends a soft close, and queues the events. Errors: bad_request,
    /// not_found, auction_not_active, seller_cannot_bid, bid_too_low, insufficient_funds,
    /// idempotency_mismatch, unavailable.
    BidResult placeBid(qint64 bidderId, qint64 auctionId, Won amount, std::optional<Won> maxAmount,
                       const QString& requestId);

    /// The refusal placeBid() would give at once, without the database or any wait: a bad
    /// request_id or amount, or a bid this instance knows to be certainly too low (BidBoard);
    /// nothing when only placeBid() can tell. Cheap enough for a thread that serves sockets.
    std::optional<ApiError> refusalAtOnce(qint64 bidderId, qint64 auctionId, Won amount,
                                          std::optional<Won> maxAmount, const QString& requestId) const;

    /// Buys the item at its buy-now price from the buyer's available balance and ends the
    /// auction. Errors: bad_request, not_found, auction_not_active, seller_cannot_bid,
    /// buy_now_unavailable, insufficient_funds, idempotency_mismatch, unavailable.
    AuctionDetail buyNow(qint64 buyerId, qint64 auctionId, const QString& requestId);

    /// Forgets what this instance saw of the auctions (BidBoard): for a database emptied or
    /// restored while the service runs, where auction ids may come back (the tests' fixtures).
    void databaseReplaced() { m_board.clear(); }

private:
    /// What a bid tells the next one in its lane: the auction as read under the lock, and as the
    /// bid left it (valid only once the transaction committed).
    struct LaneNews {
        std::optional<storage::auctions::AuctionRow> underLock;
        std::optional<storage::auctions::AuctionRow> committed;
    };

    /// The checks of refusalAtOnce(), throwing; what the board says of the bid otherwise.
    BidBoard::Verdict screen(qint64 bidderId, qint64 auctionId, Won amount, std::optional<Won> maxAmount,
                             const QString& requestId) const;
    BidResult placeBidInTransaction(pqxx::work& tx, std::optional<AuctionLanes::Turn>& turn, LaneNews& news,
                                    qint64 bidderId, qint64 auctionId, Won amount,
                                    std::optional<Won> maxAmount, const QString& requestId,
                                    const QString& params);

    storage::ConnectionPool& m_pool;
    ListingChanges m_listingChanges;
    BidBoard m_board;
    BidGlances m_glances;
    AuctionLanes m_lanes;
};

} // namespace nb::services
