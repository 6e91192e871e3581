#include "server/storage/Transaction.h"

namespace nb::storage::detail {

namespace {
// Events queued by transactions on this thread; a transaction runs on the thread that started
// it, so a change across one attempt is that attempt's.
thread_local std::uint64_t t_outboxWrites = 0;
} // namespace

void noteOutboxWrite()
{
    ++t_outboxWrites;
}

std::uint64_t outboxWrites()
{
    return t_outboxWrites;
}

void backoffBeforeRetry(int attempt)
{
    // Randomised, growing back-off so that two transactions that deadlocked do not meet again.
    thread_local std::minstd_rand rng{std::random_device{}()};
    const int ceilingMicros = 200 * (1 << std::min(attempt, 6));
    std::uniform_int_distribution<int> pick(ceilingMicros / 4, ceilingMicros);
    std::this_thread::sleep_for(std::chrono::microseconds(pick(rng)));
}

} // namespace nb::storage::detail
