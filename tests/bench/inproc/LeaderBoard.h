#pragma once

#include "shared/Money.h"

#include <QHash>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <unordered_map>

namespace nb::bench {

/// What the auctions look like to this process: the in-process stand-in for the auction events
/// and outbid notices a network bidder receives. Accepted bids record their outcome; a bidder
/// that leads an auction waits here until another bidder's accepted bid takes the lead.
class LeaderBoard {
public:
    struct State {
        qint64 seq = 0;
        qint64 leaderId = 0; // 0: nobody leads
        Won minNextBid = 0;
    };

    /// Starts from the auctions as the database showed them before the run.
    explicit LeaderBoard(const QHash<qint64, State>& initial);

    /// The auction as it was before the run (every bidder is primed with it, as network bidders
    /// are by their subscription snapshots).
    State initial(qint64 auctionId) const;
    State current(qint64 auctionId) const;

    /// Records an accepted bid's outcome; answers arrive out of order, so only a higher seq than
    /// the one known replaces the state.
    void record(qint64 auctionId, const State& state);
    /// Blocks while userId leads the auction, at most until deadline.
    void waitWhileLeader(qint64 auctionId, qint64 userId,
                         std::chrono::steady_clock::time_point deadline) const;

private:
    const QHash<qint64, State> m_initial;
    mutable std::mutex m_mutex;
    mutable std::condition_variable m_changed;
    std::unordered_map<qint64, State> m_current;
};

} // namespace nb::bench
