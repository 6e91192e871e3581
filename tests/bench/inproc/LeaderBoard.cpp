#include "tests/bench/inproc/LeaderBoard.h"

namespace nb::bench {

LeaderBoard::LeaderBoard(const QHash<qint64, State>& initial)
    : m_initial(initial)
{
    for (auto it = initial.cbegin(); it != initial.cend(); ++it)
        m_current.emplace(it.key(), it.value());
}

LeaderBoard::State LeaderBoard::initial(qint64 auctionId) const
{
    return m_initial.value(auctionId);
}

LeaderBoard::State LeaderBoard::current(qint64 auctionId) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_current.find(auctionId);
    return it == m_current.end() ? State{} : it->second;
}

void LeaderBoard::record(qint64 auctionId, const State& state)
{
    {
        std::lock_guard lock(m_mutex);
        State& known = m_current[auctionId];
        if (state.seq <= known.seq)
            return;
        known = state;
    }
    m_changed.notify_all();
}

void LeaderBoard::waitWhileLeader(qint64 auctionId, qint64 userId,
                                  std::chrono::steady_clock::time_point deadline) const
{
    std::unique_lock lock(m_mutex);
    m_changed.wait_until(lock, deadline, [&] {
        const auto it = m_current.find(auctionId);
        return it == m_current.end() || it->second.leaderId != userId;
    });
}

} // namespace nb::bench
