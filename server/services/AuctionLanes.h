#pragma once

#include "server/storage/AuctionStore.h"

#include <QElapsedTimer>
#include <QHash>

#include <memory>
#include <mutex>
#include <optional>

namespace nb::services {

/// One lane per auction for this instance's bids: one bid at a time per auction goes to the
/// database. Bids on a hot auction would otherwise queue on its row lock, each reading the price
/// only once it holds the lock. In the lane, a bid knows the state its predecessors committed (or
/// read under the lock), so one that is now certainly too low is refused before it locks anything
/// (BidRules certainlyTooLow). Lanes, and what they know, exist only while bids are in them.
/// Thread-safe.
class AuctionLanes {
    struct Lane {
        std::mutex turn;
        // Read and written only by the turn's holder.
        std::optional<storage::auctions::AuctionRow> known;
        QElapsedTimer knownSince;
    };

public:
    /// A bid's turn in an auction's lane; leaving scope lets the next bid in.
    class Turn {
    public:
        Turn(AuctionLanes& lanes, qint64 auctionId);
        ~Turn();
        Turn(const Turn&) = delete;
        Turn& operator=(const Turn&) = delete;

        /// The last state a bid in this lane committed or read under the lock, its clock moved on
        /// by the time since (and a margin, so that an auction near its end is left to the
        /// database); nothing when the lane knows none.
        std::optional<storage::auctions::AuctionRow> known() const;
        /// Records a committed state of the auction (the newest wins).
        void learn(const storage::auctions::AuctionRow& committed);

    private:
        AuctionLanes& m_lanes;
        const qint64 m_auctionId;
        std::shared_ptr<Lane> m_lane;
    };

private:
    std::mutex m_mutex;
    QHash<qint64, std::shared_ptr<Lane>> m_lanes;
};

} // namespace nb::services
