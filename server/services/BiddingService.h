#pragma once

#include "server/services/AuctionLanes.h"
#include "server/services/BidBoard.h"
#include "server/services/BidGlances.h"
#include "server/services/ListingChanges.h"
#include "server/storage/ConnectionPool.h"
#include "shared/ApiError.h"
#include "shared/protocol/Objects.h"

#include <QJsonObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>
#include <pqxx/transaction>
#include <vector>

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
    /// idempotency_mismatch, unavailable. With the turn admit() gave, the bid goes straight to
    /// the database; without, it is judged and waits for its turn here. When committedEvents is
    /// given, it receives the auction events the bid committed, in seq order, so that the caller
    /// can hand them to this instance's followers without waiting for the outbox relay (whose
    /// copies followers skip by seq).
    BidResult placeBid(qint64 bidderId, qint64 auctionId, Won amount, std::optional<Won> maxAmount,
                       const QString& requestId, std::shared_ptr<AuctionLanes::Turn> turn = nullptr,
                       std::vector<QJsonObject>* committedEvents = nullptr);

    /// What admit() decided of a bid: a refusal to answer, or the bid is for placeBid() (with
    /// its turn when the lane gave one).
    struct Admission {
        std::optional<ApiError> refusal;
        std::shared_ptr<AuctionLanes::Turn> turn;
    };
    using Admitted = std::function<void(Admission)>;

    /// For a thread that serves sockets: decides what it can without the database and without
    /// waiting. A bad request_id or amount, or a bid this instance knows to be certainly too low
    /// (BidBoard), is refused at once. A bid on an auction the board knows enters the auction's
    /// lane: it gets the turn or a refusal at once, or waits holding no thread, and then
    /// later(admission) is called once on the thread that ended the turn before it. Any other
    /// bid is for placeBid() to judge. Returns the admission when it is decided at once.
    std::optional<Admission> admit(qint64 bidderId, qint64 auctionId, Won amount,
                                   std::optional<Won> maxAmount, const QString& requestId, Admitted later);

    /// Buys the item at its buy-now price from the buyer's available balance and ends the
    /// auction. Errors: bad_request, not_found, auction_not_active, seller_cannot_bid,
    /// buy_now_unavailable, insufficient_funds, idempotency_mismatch, unavailable.
    AuctionDetail buyNow(qint64 buyerId, qint64 auctionId, const QString& requestId);

    /// Forgets what this instance saw of the auctions (BidBoard): for a database emptied or
    /// restored while the service runs, where auction ids may come back (the tests' fixtures).
    void databaseReplaced() { m_board.clear(); }

private:
    /// What a bid tells the next one in its lane: the auction as read under the lock, and as the
    /// bid left it (valid only once the transaction committed); and the events it recorded, for
    /// placeBid's caller.
    struct LaneNews {
        std::optional<storage::auctions::AuctionRow> underLock;
        std::optional<storage::auctions::AuctionRow> committed;
        std::vector<QJsonObject> events; // the auction events recorded, in seq order
    };

    /// The checks of a bid that need neither the database nor a wait (a bad request_id or
    /// amount, certainly too low on the board), throwing; what the board says of it otherwise.
    BidBoard::Verdict screen(qint64 bidderId, qint64 auctionId, Won amount, std::optional<Won> maxAmount,
                             const QString& requestId) const;
    /// The database's first look: refuses a bid certainly too low on the committed state (or
    /// below floor) unless its request_id was used before; returns whether it was (a repeat).
    bool refuseIfCertainlyTooLow(qint64 bidderId, qint64 auctionId, Won amount, std::optional<Won> maxAmount,
                                 const QString& requestId, std::optional<Won> floor);
    /// The refusal of a bid the lane found certainly below minimum when the board can tell it
    /// repeats no accepted request; nothing when only the database can tell.
    std::optional<ApiError> laneRefusal(qint64 bidderId, qint64 auctionId, Won amount,
                                        std::optional<Won> maxAmount, const QString& requestId,
                                        Won minimum) const;
    BidResult placeBidInTransaction(pqxx::transaction_base& tx, LaneNews& news, qint64 bidderId,
                                    qint64 auctionId, Won amount, std::optional<Won> maxAmount,
                                    const QString& requestId, const QString& params);

    storage::ConnectionPool& m_pool;
    ListingChanges m_listingChanges;
    BidBoard m_board;
    BidGlances m_glances;
    AuctionLanes m_lanes;
};

} // namespace nb::services
