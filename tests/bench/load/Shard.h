#pragma once

#include "tests/bench/load/Actor.h"
#include "tests/bench/load/RunStats.h"

#include <QObject>

#include <memory>
#include <vector>

class QTimer;

namespace nb::bench::load {

class AckRegistry;

/// The simulated clients of one thread and that thread's figures. Created on the main thread,
/// then (with --threads above 1) moved to its own; every method after add() runs on the shard's
/// thread (ShardSet sees to it). Opens its actors a bounded number at a time, ticks them, and
/// paces bids when given a rate.
class Shard : public QObject {
    Q_OBJECT
public:
    Shard(AckRegistry& acks, int openConcurrency);
    ~Shard() override;

    RunStats& stats() { return m_stats; }
    AckRegistry& acks() { return m_acks; }
    /// Before openAll(). Paced actors bid when the pacer says so.
    void add(std::unique_ptr<Actor> actor, bool paced = false);

    void openAll();
    bool allSettled() const;
    int readyCount() const;
    int actorCount() const { return static_cast<int>(m_actors.size()); }
    /// `pacedRate`: bids per second over this shard's paced actors.
    void startLoad(double pacedRate);
    void stopLoad();
    bool quiet() const;
    bool caughtUp() const;
    void collectStates(QHash<qint64, AuctionState>& into) const;
    void prime(const QHash<qint64, AuctionState>& states);
    /// Closes every connection, gathers the actors' reports and returns this shard's figures.
    RunStats finish();

private:
    void onTick();
    void openMore(qint64 nowNs);
    void pace();

    AckRegistry& m_acks;
    const int m_openConcurrency;
    RunStats m_stats;
    std::vector<std::unique_ptr<Actor>> m_actors;
    std::vector<Actor*> m_paced;
    std::unique_ptr<QTimer> m_ticker;
    std::unique_ptr<QTimer> m_pacer;
    size_t m_nextToOpen = 0;
    size_t m_oldestUnsettled = 0;
    // Pacing: bids due by now = rate * elapsed; those sent so far.
    double m_paceRate = 0;
    qint64 m_paceStartNs = 0;
    qint64 m_paceIssued = 0;
    size_t m_paceNext = 0;
};

} // namespace nb::bench::load
