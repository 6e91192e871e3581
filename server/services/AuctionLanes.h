#pragma once

#include <QHash>

#include <memory>
#include <mutex>

namespace nb::services {

/// One lane per auction for this instance's bids: one bid at a time per auction goes to the
/// database. Bids on a hot auction would otherwise queue on its row lock, each reading the price
/// only once it holds the lock; in the lane the next bid starts after its predecessor committed,
/// so one that is now too low is refused on a plain read without taking the lock at all
/// (BidRules certainlyTooLow). Lanes exist only while a bid is in them. Thread-safe.
class AuctionLanes {
    struct Lane {
        std::mutex turn;
    };

public:
    /// A bid's turn in an auction's lane; leaving scope lets the next bid in.
    class Turn {
    public:
        Turn(AuctionLanes& lanes, qint64 auctionId);
        ~Turn();
        Turn(const Turn&) = delete;
        Turn& operator=(const Turn&) = delete;

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
