#pragma once

#include <condition_variable>
#include <cstdint>
#include <mutex>

namespace nb::test {

/// Lets a fixed group of threads through together: each arrival waits until all have arrived,
/// then all go at once. Reusable round after round (a cyclic barrier), so that worker threads
/// can be lined up again before every race.
class StartGate {
public:
    explicit StartGate(int parties)
        : m_parties(parties)
    {}

    void arriveAndWait()
    {
        std::unique_lock lock(m_mutex);
        const std::uint64_t round = m_round;
        if (++m_arrived == m_parties) {
            m_arrived = 0;
            ++m_round;
            m_released.notify_all();
            return;
        }
        m_released.wait(lock, [&] { return m_round != round; });
    }

private:
    const int m_parties;
    std::mutex m_mutex;
    std::condition_variable m_released;
    int m_arrived = 0;
    std::uint64_t m_round = 0;
};

} // namespace nb::test
