#include "server/storage/Transaction.h"

namespace nb::storage::detail {

void backoffBeforeRetry(int attempt)
{
    // Randomised, growing back-off so that two transactions that deadlocked do not meet again.
    thread_local std::minstd_rand rng{std::random_device{}()};
    const int ceilingMicros = 200 * (1 << std::min(attempt, 6));
    std::uniform_int_distribution<int> pick(ceilingMicros / 4, ceilingMicros);
    std::this_thread::sleep_for(std::chrono::microseconds(pick(rng)));
}

} // namespace nb::storage::detail
