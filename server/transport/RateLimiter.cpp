#include "server/transport/RateLimiter.h"

#include <algorithm>
#include <cmath>

namespace nb::transport {

RateLimiter::RateLimiter(double perSecond, double burst)
    : m_perSecond(perSecond)
    , m_burst(burst)
{}

std::optional<int> RateLimiter::admit(const QString& key)
{
    if (m_perSecond <= 0)
        return std::nullopt; // limiting turned off (serve --rate-limit 0)
    const auto now = Clock::now();
    std::lock_guard lock(m_mutex);
    forgetIdle(now);
    auto it = m_buckets.find(key);
    if (it == m_buckets.end())
        it = m_buckets.insert(key, Bucket{m_burst, now});
    Bucket& b = it.value();
    const double elapsed = std::chrono::duration<double>(now - b.refilled).count();
    b.tokens = std::min(m_burst, b.tokens + elapsed * m_perSecond);
    b.refilled = now;
    if (b.tokens >= 1.0) {
        b.tokens -= 1.0;
        return std::nullopt;
    }
    return static_cast<int>(std::ceil((1.0 - b.tokens) / m_perSecond * 1000.0));
}

void RateLimiter::forgetIdle(Clock::time_point now)
{
    // A bucket idle long enough to be full again carries no information.
    const auto refillTime = std::chrono::duration<double>(m_burst / m_perSecond);
    if (now - m_lastSweep < std::chrono::seconds(10))
        return;
    m_lastSweep = now;
    for (auto it = m_buckets.begin(); it != m_buckets.end();) {
        if (std::chrono::duration<double>(now - it->refilled) > refillTime)
            it = m_buckets.erase(it);
        else
            ++it;
    }
}

} // namespace nb::transport
