#pragma once

#include "server/storage/AuctionStore.h"
#include "shared/ApiError.h"

#include <vector>

namespace nb::services {

/// One bid as it is recorded: the bidder's own, or an automatic proxy step.
struct RecordedBid {
    qint64 bidderId = 0;
    Won amount = 0;
    bool isProxy = false;
};

/// The outcome of a bid against the auction's state, before any money moves.
struct BidDecision {
    std::vector<RecordedBid> steps; // in the order they happen; the last sets the price
    /// A decision records at most this many bids: a proxy's step and the bidder's own.
    static constexpr int kMaxSteps = 2;
    Won newPrice = 0;
    qint64 leaderId = 0;
    Won leaderMax = 0; // the leader's committed maximum: their hold afterwards
    bool bidderLeads = false;
    Won bidderCommitment = 0; // what the bidder must be able to hold (its maximum)
};

/// The least a bid on the auction may be now (RULES.md "Bidding": the start price, then the
/// current price plus one increment).
Won minimumAcceptable(const storage::auctions::AuctionRow& auction);

/// The bid_too_low refusal, naming the minimum in details.min_amount.
ApiError tooLow(Won minimum);
/// Throws ServiceError(tooLow(minimum)).
[[noreturn]] void refuseTooLow(Won minimum);

/// A committed state seen elapsedMs ago, as the rules may judge it now: its clock moved on by
/// that time and a margin, so that an auction near its end is left to the database (it may be
/// over, or be settled at any moment).
storage::auctions::AuctionRow seenAgo(const storage::auctions::AuctionRow& seen, qint64 elapsedMs);

/// The minimum when a bid is certainly below it, judged on a committed state read without the
/// row lock (prices only rise while an auction is open, so that state's minimum is a floor);
/// nothing when only the locked state can tell: the auction is not open in that state, the
/// bidder is its seller, or the maximum is inconsistent (those get their own errors).
std::optional<Won> certainlyTooLow(const storage::auctions::AuctionRow& committed, qint64 bidderId,
                                   Won amount, std::optional<Won> maxAmount);

/// Applies RULES.md "Bidding" to a bid on an active auction: the minimum bid, the increment,
/// raising one's own bid, proxy bidding against the leader's maximum (eBay style: the lower maximum
/// plus one increment, capped at the higher; on equal maxima the earlier bid leads) and the jump to
/// the reserve. Pure: it reads the state and returns the decision; throws ServiceError(bid_too_low
/// or bad_request) for a bid that cannot be accepted.
BidDecision decideBid(const storage::auctions::AuctionRow& auction, qint64 bidderId, Won amount,
                      std::optional<Won> maxAmount);

} // namespace nb::services
