#pragma once

#include "tests/bench/load/AuctionState.h"

#include <QHash>
#include <QtGlobal>

namespace nb::bench::load {

class AckRegistry;
class RunStats;

/// One simulated client (a bidder, a subscriber, an idle connection, a browsing HTTP client)
/// living on one shard's thread. It creates its Qt objects in open(), on that thread, and is
/// driven by the shard: open, start, stop, report, close. Every wait it has is bounded by tick().
class Actor {
public:
    virtual ~Actor() = default;

    virtual void open(qint64 nowNs) = 0;
    /// Opening is over, well or badly.
    virtual bool settled() const = 0;
    /// Opened and still alive.
    virtual bool ready() const = 0;
    /// Called every few milliseconds: deadlines, retries after a back-off.
    virtual void tick(qint64 nowNs) = 0;
    /// The measured load begins / ends (no new requests after stop()).
    virtual void start(qint64 /*nowNs*/) {}
    virtual void stop() {}
    /// Nothing is waiting for an answer.
    virtual bool quiet() const { return true; }
    /// Every followed auction has reached the highest seq the bidders were acknowledged.
    virtual bool caughtUp(const AckRegistry& /*acks*/) const { return true; }
    /// Adds what only the actor knows (its streams) to the shard's figures.
    virtual void report(RunStats& /*stats*/) const {}
    virtual void close() = 0;

    /// Observers share what their snapshots showed; bidders start from it rather than from the
    /// start prices of auctions.tsv, which earlier runs on the same database have overtaken.
    virtual void collectStates(QHash<qint64, AuctionState>& /*into*/) const {}
    virtual void prime(const QHash<qint64, AuctionState>& /*states*/) {}

    /// Paced bidders (fanout): whether a bid may go now, and sending it.
    virtual bool wantsPacedBid(qint64 /*nowNs*/) const { return false; }
    virtual void pacedBid(qint64 /*nowNs*/) {}
};

} // namespace nb::bench::load
