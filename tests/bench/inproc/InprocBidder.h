#pragma once

#include "server/services/BiddingService.h"
#include "tests/bench/common/BenchFiles.h"
#include "tests/bench/common/ErrorCounts.h"
#include "tests/bench/common/LatencySamples.h"
#include "tests/bench/inproc/LeaderBoard.h"

#include <QHash>
#include <QList>
#include <QString>

#include <chrono>
#include <optional>
#include <random>

namespace nb::bench {

/// What one bidder thread saw.
struct BidderTally {
    qint64 accepted = 0;
    qint64 refused = 0;
    qint64 unexpected = 0; // refusals other than bid_too_low, and exceptions
    LatencySamples ackMs;
    ErrorCounts errors;
};

/// One bidder on its own thread, behaving like a network bidder of nb-bench (load/Bidder.h):
/// primed with each auction's state before the run, it bids the minimum next bid it knows,
/// learnt from its own answers (the next minimum after an accepted bid, min_amount after
/// bid_too_low). While it leads an auction it does not bid on it; once another bidder's accepted
/// bid takes the lead (the in-process outbid notice) it bids one increment above what it knew.
/// With watch, it also learns every accepted bid's price, as a network bidder's subscription does.
class InprocBidder {
public:
    struct Setup {
        Credential bidder;
        bool hot = true;
        bool watch = false;
        QString requestPrefix; // unique per run and thread; request ids append a counter
        unsigned seed = 1;
    };

    InprocBidder(services::BiddingService& bidding, LeaderBoard& board, const QList<BidAuction>& auctions,
                 Setup setup);

    /// Bids until deadline; the call in flight at the deadline is finished and counted.
    void run(std::chrono::steady_clock::time_point deadline);
    const BidderTally& tally() const { return m_tally; }

private:
    struct Knowledge {
        Won minimum = 0;
        qint64 seq = 0;
        bool leads = false;
    };

    const BidAuction& chooseAuction();
    Knowledge& knowledgeOf(const BidAuction& auction);
    void observe(Knowledge& known, const LeaderBoard::State& state) const;
    void bid(const BidAuction& auction, Knowledge& known);

    services::BiddingService& m_bidding;
    LeaderBoard& m_board;
    const QList<BidAuction>& m_auctions;
    const Setup m_setup;
    std::mt19937 m_random;
    QHash<qint64, Knowledge> m_known;
    qint64 m_requests = 0;
    BidderTally m_tally;
};

} // namespace nb::bench
