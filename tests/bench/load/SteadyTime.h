#pragma once

#include <QtGlobal>

#include <chrono>

namespace nb::bench::load {

/// Nanoseconds on the steady clock: every latency the tool reports is a difference of two of
/// these, taken in this one process, so threads can compare them.
inline qint64 steadyNowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

inline double nsToMs(qint64 ns)
{
    return static_cast<double>(ns) / 1e6;
}

inline double nsToS(qint64 ns)
{
    return static_cast<double>(ns) / 1e9;
}

} // namespace nb::bench::load
