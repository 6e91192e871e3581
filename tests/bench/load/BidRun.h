#pragma once

#include "tests/bench/common/BenchFiles.h"
#include "tests/bench/load/LoadOptions.h"
#include "tests/bench/load/RunStats.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>

namespace nb::bench {
class ServerProbe;
} // namespace nb::bench

namespace nb::bench::load {

class ProcessCpu;
class ShardSet;
struct BidderSetup;

/// The scenarios that bid: hot, spread, fanout and cluster. Opens the observers, subscribers and
/// bidders, bids for the duration, stops, waits for the answers and the last events, then checks
/// every seq stream against the server's final seq and reports.
class BidRun {
public:
    explicit BidRun(const LoadOptions& options);

    /// The exit code: 0 correct, 1 not, 2 bad input files.
    int run();

private:
    bool loadFiles();
    QList<qint64> observedAuctions() const;
    BidderSetup bidderSetup(int index) const;
    void populate(ShardSet& shards) const;
    int openConnections(ShardSet& shards, RunStats& setup) const;
    /// Bids for the duration, waits for the answers and the last events; the measured seconds.
    double measure(ShardSet& shards, ServerProbe& probe, ProcessCpu& client, RunStats& setup) const;
    QJsonObject result(const RunStats& total, const QHash<qint64, qint64>& finalSeqs, double seconds,
                       const QJsonArray& server, int opened) const;
    int verdict(const QJsonObject& result, const RunStats& total, int opened) const;

    const LoadOptions& m_options;
    QList<Credential> m_bidders;
    QList<Credential> m_subscriberCredentials;
    QList<BidAuction> m_auctions;
    QString m_runTag;
    quint32 m_seed = 1;
    int m_requested = 0;
    QDateTime m_startedAt;
};

} // namespace nb::bench::load
