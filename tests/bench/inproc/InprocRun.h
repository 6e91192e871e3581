#pragma once

#include "tests/bench/common/BenchFiles.h"
#include "tests/bench/inproc/InprocBidder.h"
#include "tests/bench/inproc/InprocOptions.h"
#include "tests/bench/inproc/LeaderBoard.h"

#include <QJsonObject>

#include <memory>
#include <vector>

namespace nb::bench {

/// One measured run of the in-process ceiling: loads the seeder's files, warms the pool, runs
/// the bidder threads for the duration and gathers the contract's result object.
class InprocRun {
public:
    explicit InprocRun(InprocOptions options);

    /// Throws std::runtime_error when the files or the database cannot be used.
    QJsonObject run();
    /// False when any bid met an error other than bid_too_low (the run was not correct).
    bool correct() const { return m_correct; }

private:
    std::vector<std::unique_ptr<InprocBidder>> makeBidders(services::BiddingService& bidding,
                                                           LeaderBoard& board,
                                                           const QList<Credential>& bidders,
                                                           const QList<BidAuction>& auctions) const;
    QJsonObject params(int bidders, const QList<BidAuction>& auctions) const;

    const InprocOptions m_options;
    bool m_correct = true;
};

} // namespace nb::bench
