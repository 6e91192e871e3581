#pragma once

#include "server/storage/IdempotencyStore.h"
#include "server/storage/StatementBatch.h"
#include "shared/protocol/Objects.h"

#include <optional>
#include <pqxx/pqxx>
#include <vector>

namespace nb::storage::auctions {

/// The columns the rules need, read under the auction's row lock, with the database's clock.
struct AuctionRow {
    qint64 id = 0;
    qint64 sellerId = 0;
    QString title;
    AuctionStatus status = AuctionStatus::Scheduled;
    bool isNational = false;
    Won startPrice = 0;
    std::optional<Won> bidIncrement;
    std::optional<Won> reservePrice;
    std::optional<Won> buyNowPrice;
    Won currentPrice = 0;
    int bidCount = 0;
    std::optional<qint64> highBidderId;
    QString highBidderName; // empty without a leader
    std::optional<Won> highMax;
    qint64 startsAtMs = 0;
    qint64 endsAtMs = 0;
    int softCloseSeconds = 60;
    qint64 seq = 0;
    qint64 nowMs = 0; // the database's now(), the clock every rule uses
};

/// Locks the auction row (FOR UPDATE): the first lock of every money-moving transaction.
std::optional<AuctionRow> lock(pqxx::work& tx, qint64 auctionId);
/// What a bid's transaction opens with, in one round trip: the claim of its request_id, the
/// bidder's display name, and the auction locked (FOR UPDATE), or nothing without such an
/// auction. With a NoSuchUser claim the transaction is aborted: roll it back.
struct BidOpening {
    idempotency::Claim claim;
    QString bidderName;
    std::optional<AuctionRow> auction;
    /// The ids the bids it records will have, ascending, in the order it records them (drawn
    /// from the sequence: a bid that records fewer leaves a gap, as a rolled-back insert would).
    std::vector<qint64> bidIds;
};
BidOpening openBid(pqxx::transaction_base& tx, qint64 auctionId, qint64 bidderId, const QString& requestId,
                   const QString& operation, const QString& params, int bidIds);
/// A bid about to be placed: who, and under which request_id.
struct BidKey {
    qint64 userId = 0;
    QString requestId;
};
/// The last committed state of an auction several bids are about to go to, read without waiting
/// for or taking its row lock, and which of those bids' request_ids their users used before (one
/// statement, so both come from the same snapshot).
struct BidGlance {
    AuctionRow auction;
    std::vector<bool> requestSeen; // by the position of the bid
};
std::optional<BidGlance> glanceForBids(pqxx::transaction_base& tx, qint64 auctionId,
                                       const std::vector<BidKey>& bids);
/// Like lock(), but returns nothing when another transaction holds the row (scheduler use).
std::optional<AuctionRow> tryLock(pqxx::work& tx, qint64 auctionId);

struct NewAuctionRow {
    qint64 sellerId = 0;
    NewAuction spec;
    qint64 categoryId = 0;
    qint64 regionId = 0;
};
/// Inserts an auction, active when it starts now or earlier, else scheduled; returns its id.
qint64 insert(pqxx::work& tx, const NewAuctionRow& row);

/// Stores the price state after accepted bids (seq is the auction's seq after its events) and
/// the leader's hold (high_bidder_id for high_max), which after a bid always exist.
void updateAfterBid(StatementBatch& writes, const AuctionRow& after);
void markStarted(pqxx::work& tx, qint64 auctionId, qint64 seq);
void markEnded(pqxx::work& tx, qint64 auctionId, EndReason reason, std::optional<qint64> winnerId,
               std::optional<Won> finalPrice, qint64 seq);

/// Inserts one recorded bid with an id drawn when the bid opened (BidOpening::bidIds). Its time
/// is the transaction's (the row lock's now_ms).
void insertBid(StatementBatch& writes, qint64 id, qint64 auctionId, qint64 bidderId, Won amount,
               std::optional<Won> maxAmount, bool isProxy);

/// The escrow hold on an auction (one per auction: its leader's), if any.
struct Hold {
    qint64 userId = 0;
    Won amount = 0;
};
std::optional<Hold> hold(pqxx::work& tx, qint64 auctionId);
void dropHold(pqxx::work& tx, qint64 auctionId);

/// Ids of auctions whose start or end time has passed, oldest first.
std::vector<qint64> dueToStart(pqxx::work& tx, int limit);
std::vector<qint64> dueToEnd(pqxx::work& tx, int limit);

/// The full public view of an auction, or nothing when there is no such auction. The reserve
/// amount is included only when viewerId is the seller.
std::optional<AuctionDetail> detail(pqxx::work& tx, qint64 auctionId, std::optional<qint64> viewerId);

/// Reads a row of the summary SELECT (AuctionSql.h: NB_AUCTION_SUMMARY_SELECT and its joins).
AuctionSummary summaryFromRow(const pqxx::row& row);

/// Summaries filtered by status (all when empty), newest first, for operators and listings.
std::vector<AuctionSummary> listByStatus(pqxx::work& tx, std::optional<AuctionStatus> status, int limit);

/// Display name of a user (for events that name the high bidder or the winner).
QString displayName(pqxx::work& tx, qint64 userId);

} // namespace nb::storage::auctions
