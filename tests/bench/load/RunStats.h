#pragma once

#include "tests/bench/common/ErrorCounts.h"
#include "tests/bench/common/LatencySamples.h"

#include <QList>
#include <QMap>
#include <QString>

namespace nb::bench::load {

/// One auction stream as one connection saw it (SeqStream's figures), for the final check.
struct StreamReport {
    qint64 auctionId = 0;
    bool hasSnapshot = false;
    qint64 snapshotSeq = 0;
    qint64 lastSeq = 0;
    qint64 received = 0;
    qint64 gapLost = 0;
    qint64 duplicates = 0;
    qint64 early = 0;
};

/// What one thread's connections counted. Each thread fills its own; the run merges them at the
/// end, so nothing here is shared while the load runs.
class RunStats {
public:
    /// Tallies an error by code; everything except a bid_too_low refusal is unexpected.
    void error(const QString& code);
    /// Tallies something worth reporting that is not a failure (setup retries, early events).
    void note(const QString& what, qint64 n = 1);
    void merge(const RunStats& other);

    qint64 accepted = 0;
    qint64 refused = 0;
    qint64 unexpected = 0;
    qint64 lastAnswerNs = 0;
    LatencySamples ackMs;
    LatencySamples deliveryMs;
    /// How long after reaching a subscriber's socket each measured event was read: the load
    /// generator's own queue, which delivery latency leaves out.
    LatencySamples readDelayMs;
    ErrorCounts errors;
    QList<StreamReport> streams;
    QMap<QString, qint64> notes;

    qint64 opened = 0;
    qint64 failed = 0;

    qint64 pages = 0;
    LatencySamples pageMs;
};

} // namespace nb::bench::load
