#pragma once

#include "server/storage/AuctionStore.h"

#include <QElapsedTimer>
#include <QHash>

#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>

namespace nb::services {

/// One lane per auction for this instance's bids: one bid at a time per auction goes to the
/// database, and the others wait in the lane holding neither a connection nor a thread. Bids on
/// a hot auction would otherwise queue on its row lock, each reading the price only once it
/// holds the lock.
///
/// The lane knows the state its bids committed (or read under the lock). When the bid holding
/// the turn leaves, the lane judges every waiting bid on what it left, in order of arrival:
/// those now certainly too low (BidRules certainlyTooLow) are refused together, at once, and the
/// first that can still win gets the turn. A bid entering a lane that already knows it too low
/// is refused without waiting. Lanes, and what they know, exist only while bids are in them.
/// Thread-safe.
class AuctionLanes {
    struct Lane;

public:
    /// What the lane judges of a bid.
    struct Entrant {
        qint64 bidderId = 0;
        Won amount = 0;
        std::optional<Won> maxAmount;
    };

    /// The turn of one bid in its auction's lane: while it exists, no other bid of this instance
    /// on the auction goes to the database. Ending it hands the turn on.
    class Turn {
    public:
        ~Turn();
        Turn(const Turn&) = delete;
        Turn& operator=(const Turn&) = delete;

        /// Records a state of the auction this bid committed or read under the lock (the newest
        /// wins); the waiting bids are judged on it when the turn ends.
        void learn(const storage::auctions::AuctionRow& state);

    private:
        friend class AuctionLanes;
        Turn(AuctionLanes& lanes, qint64 auctionId, std::shared_ptr<Lane> lane);

        AuctionLanes& m_lanes;
        const qint64 m_auctionId;
        std::shared_ptr<Lane> m_lane;
    };

    /// Where a bid stands once the lane has decided: its turn, or (without one) the minimum it
    /// is certainly below.
    struct Entry {
        std::unique_ptr<Turn> turn;
        Won refusedBelow = 0;
    };
    using Moved = std::function<void(Entry)>;

    /// Enters the bid: the entry when the lane decides at once (the turn is free, or the lane
    /// knows the bid too low); otherwise the bid waits in the lane and moved(entry) is called
    /// once, on the thread that ends the turn before it (with no lock held).
    std::optional<Entry> enter(qint64 auctionId, const Entrant& bid, Moved moved);
    /// Enters the bid and blocks until the lane decides.
    Entry enterAndWait(qint64 auctionId, const Entrant& bid);

private:
    struct Waiter {
        Entrant bid;
        Moved moved;
    };
    struct Lane {
        std::mutex mutex;
        bool taken = false; // a bid holds the turn
        std::deque<Waiter> waiting;
        std::optional<storage::auctions::AuctionRow> known;
        QElapsedTimer knownSince;

        /// The minimum when the lane's state has the bid certainly too low. Under mutex.
        std::optional<Won> refusal(const Entrant& bid) const;
    };

    /// Hands the turn on (Turn's destructor).
    void pass(qint64 auctionId, const std::shared_ptr<Lane>& lane);
    /// Removes the lane from the map when nobody holds, waits in or is entering it; the caller
    /// holds one reference, the map the other.
    void dropIfIdle(qint64 auctionId, const std::shared_ptr<Lane>& lane);

    std::mutex m_mutex;
    QHash<qint64, std::shared_ptr<Lane>> m_lanes;
};

} // namespace nb::services
