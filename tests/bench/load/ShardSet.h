#pragma once

#include "tests/bench/load/Shard.h"

#include <QThread>

#include <functional>
#include <memory>
#include <vector>

namespace nb::bench::load {

/// The shards of a run and their threads. With one thread the only shard lives on the main
/// thread (whose waits run its event loop); with more, each shard gets a QThread of its own.
class ShardSet {
public:
    ShardSet(int threads, AckRegistry& acks, int openConcurrency);
    ~ShardSet();
    ShardSet(const ShardSet&) = delete;
    ShardSet& operator=(const ShardSet&) = delete;

    int size() const { return static_cast<int>(m_shards.size()); }
    Shard& at(int i) { return *m_shards[static_cast<size_t>(i)]; }

    /// Moves the shards to their threads and starts them; call after every add().
    void launch();
    /// Runs `f` on the shard's thread and waits for it.
    void call(int i, const std::function<void(Shard&)>& f);
    void callEach(const std::function<void(Shard&)>& f);
    /// True when `test` holds on every shard (each evaluated on its own thread).
    bool all(const std::function<bool(Shard&)>& test);
    /// Gathers every shard's figures, closing their connections, then stops the threads.
    RunStats finish();

private:
    std::vector<std::unique_ptr<Shard>> m_shards;
    std::vector<std::unique_ptr<QThread>> m_threads;
};

} // namespace nb::bench::load
