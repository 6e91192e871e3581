#include "tests/bench/load/ShardSet.h"

#include "server/eventloop/EpollEventDispatcher.h"

#include <QMetaObject>

#include <algorithm>

namespace nb::bench::load {

ShardSet::ShardSet(int threads, AckRegistry& acks, int openConcurrency)
{
    const int n = std::max(1, threads);
    for (int i = 0; i < n; ++i)
        m_shards.push_back(std::make_unique<Shard>(acks, std::max(1, openConcurrency / n)));
}

ShardSet::~ShardSet()
{
    for (const auto& thread : m_threads) {
        thread->quit();
        thread->wait(5000);
    }
}

void ShardSet::launch()
{
    if (m_shards.size() < 2)
        return;
    for (const auto& shard : m_shards) {
        auto thread = std::make_unique<QThread>();
        // The server's loop: a shard's hundreds of sockets cost what is ready, not what is open.
        thread->setEventDispatcher(new nb::eventloop::EpollEventDispatcher);
        shard->moveToThread(thread.get());
        thread->start();
        m_threads.push_back(std::move(thread));
    }
}

void ShardSet::call(int i, const std::function<void(Shard&)>& f)
{
    Shard& shard = at(i);
    if (shard.thread() == QThread::currentThread())
        f(shard);
    else
        QMetaObject::invokeMethod(
            &shard, [&f, &shard] { f(shard); }, Qt::BlockingQueuedConnection);
}

void ShardSet::callEach(const std::function<void(Shard&)>& f)
{
    for (int i = 0; i < size(); ++i)
        call(i, f);
}

bool ShardSet::all(const std::function<bool(Shard&)>& test)
{
    bool result = true;
    callEach([&result, &test](Shard& shard) { result = result && test(shard); });
    return result;
}

RunStats ShardSet::finish()
{
    RunStats total;
    QThread* const home = QThread::currentThread();
    callEach([&total, home](Shard& shard) {
        total.merge(shard.finish());
        // Back to the main thread (only a shard's own thread may move it), to be destroyed there.
        shard.moveToThread(home);
    });
    for (const auto& thread : m_threads) {
        thread->quit();
        thread->wait(10'000);
    }
    m_threads.clear();
    return total;
}

} // namespace nb::bench::load
