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
/// The record is complete only when this instance saw every bid the state counts: it starts from
/// a state without bids and follows this instance's commits. A state with bids nobody here
/// recorded (another instance's, or bids from before a restart) drops the auction from the board,
/// and its bids go through the database's first look again. A state is trusted for kMaxAgeMs;
/// the database's first look refreshes it. Trusting an older state is safe for the money: prices
/// only rise, and a state that has the auction over (or about to be) leaves the bid to the
/// database. What another process changed meanwhile shows only in the error's code: a bid too
/// low on an auction cancelled or closed elsewhere in the last kMaxAgeMs is refused as
/// bid_too_low rather than auction_not_active (either way nothing moves). Thread-safe.
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
    };
    static QString key(qint64 bidderId, const QString& requestId);
    void makeRoom();

    mutable std::mutex m_mutex;
    QHash<qint64, Entry> m_auctions;
};

} // namespace nb::services
