#pragma once

#include "server/storage/AuctionStore.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSet>
#include <QString>

#include <mutex>
#include <optional>

namespace nb::services {

/// What this instance knows of the auctions its bids go to, so that a bid certainly too low is
/// refused with no database at all: for each auction, the last committed state seen and the
/// request_id of every bid accepted up to that state. A repeated request of an accepted bid is in
/// that record and goes on to get its first answer; any other request_id was never accepted on
/// the auction, so the refusal cannot hide an earlier answer.
///
/// The record starts from the first state the board sees and follows this instance's commits.
/// Bids it did not record (from before a restart, or another instance's) are bounded instead:
/// each was at most the leader's maximum of a state that counts it, and the leader's maximum
/// only rises, so a request repeated with a higher amount cannot be one of them. A bid too low
/// above that bound is refused from memory; at or below it, the database's first look tells
/// whether it repeats an accepted request. A state with more bids than the record counts
/// (another instance's commit) starts the record again from it, with its bound. A state is
/// trusted for kMaxAgeMs; the database's first look refreshes it. Trusting an older state is
/// safe for the money: prices only rise, and a state that has the auction over (or about to be)
/// leaves the bid to the database. What another process changed meanwhile shows only in the
/// error's code: a bid too low on an auction cancelled or closed elsewhere in the last kMaxAgeMs
/// is refused as bid_too_low rather than auction_not_active (either way nothing moves).
/// Thread-safe.
class BidBoard {
public:
    static constexpr qint64 kMaxAgeMs = 10'000;
    static constexpr qsizetype kMaxAuctions = 20'000;
    static constexpr qsizetype kMaxBidsPerAuction = 200'000;

    /// What the board says of a bid.
    struct Verdict {
        enum class Kind {
            Unknown,  // no fresh, complete state: ask the database
            TooLow,   // certainly too low, and not a repeat of an accepted bid
            Plausible // not certainly too low in the last state (the row lock decides)
        };
        Kind kind = Kind::Unknown;
        Won minimum = 0; // with TooLow
    };
    Verdict judge(qint64 auctionId, qint64 bidderId, Won amount, std::optional<Won> maxAmount,
                  const QString& requestId) const;

    /// A committed state read outside any transaction (the database's first look).
    void sawCommitted(const storage::auctions::AuctionRow& committed);
    /// This instance committed a bid: the state it found under the lock, the state it left, and
    /// the bid's request_id.
    void committedBid(const storage::auctions::AuctionRow& underLock,
                      const storage::auctions::AuctionRow& after, qint64 bidderId, const QString& requestId);
    /// Forgets every auction.
    void clear();

private:
    struct Entry {
        storage::auctions::AuctionRow state;
        QElapsedTimer since;
        QSet<QString> accepted; // "bidder:request_id"
        Won unrecordedUpTo = 0; // no accepted bid missing from `accepted` was higher
    };
    static QString key(qint64 bidderId, const QString& requestId);
    /// Starts the auction's record again from a committed state whose bids it did not all see.
    Entry& anchor(const storage::auctions::AuctionRow& committed);
    void makeRoom();

    mutable std::mutex m_mutex;
    QHash<qint64, Entry> m_auctions;
};

} // namespace nb::services
