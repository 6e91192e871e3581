#pragma once

#include <QHash>
#include <QString>

#include <chrono>
#include <mutex>
#include <optional>

namespace nb::transport {

/// Token buckets by key ("user:12", "ip:127.0.0.1"): each key may make `burst` requests at once
/// and `perSecond` on average. Thread-safe. Idle buckets are forgotten, so memory stays bounded
/// by the number of recently active keys. A rate of 0 or less admits everything.
class RateLimiter {
public:
    RateLimiter(double perSecond, double burst);

    /// Nothing when the request may go ahead (and takes a token); otherwise how many
    /// milliseconds until it would.
    std::optional<int> admit(const QString& key);

private:
    using Clock = std::chrono::steady_clock;
    struct Bucket {
        double tokens = 0;
        Clock::time_point refilled;
    };
    void forgetIdle(Clock::time_point now);

    const double m_perSecond;
    const double m_burst;
    std::mutex m_mutex;
    QHash<QString, Bucket> m_buckets;
    Clock::time_point m_lastSweep = Clock::now();
};

} // namespace nb::transport
