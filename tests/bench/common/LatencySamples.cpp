#include "tests/bench/common/LatencySamples.h"

#include <algorithm>
#include <cmath>

namespace nb::bench {

namespace {

double rounded3(double ms)
{
    return std::round(ms * 1000.0) / 1000.0;
}

double nearestRank(const std::vector<double>& sorted, double p)
{
    if (sorted.empty())
        return 0.0;
    const double clamped = std::clamp(p, 0.0, 100.0);
    const auto n = static_cast<double>(sorted.size());
    auto rank = static_cast<std::size_t>(std::ceil(clamped / 100.0 * n));
    rank = std::clamp<std::size_t>(rank, 1, sorted.size());
    return sorted[rank - 1];
}

} // namespace

void LatencySamples::add(double ms)
{
    samples_.push_back(ms);
}

qint64 LatencySamples::count() const
{
    return static_cast<qint64>(samples_.size());
}

double LatencySamples::percentile(double p) const
{
    std::vector<double> sorted = samples_;
    std::sort(sorted.begin(), sorted.end());
    return nearestRank(sorted, p);
}

double LatencySamples::max() const
{
    if (samples_.empty())
        return 0.0;
    return *std::max_element(samples_.begin(), samples_.end());
}

void LatencySamples::merge(const LatencySamples& other)
{
    samples_.insert(samples_.end(), other.samples_.begin(), other.samples_.end());
}

QJsonObject LatencySamples::toJson() const
{
    // One sort for all three percentiles: runs can hold millions of samples.
    std::vector<double> sorted = samples_;
    std::sort(sorted.begin(), sorted.end());
    return QJsonObject{
        {QStringLiteral("count"), static_cast<double>(sorted.size())},
        {QStringLiteral("p50"), rounded3(nearestRank(sorted, 50))},
        {QStringLiteral("p95"), rounded3(nearestRank(sorted, 95))},
        {QStringLiteral("p99"), rounded3(nearestRank(sorted, 99))},
        {QStringLiteral("max"), rounded3(sorted.empty() ? 0.0 : sorted.back())},
    };
}

} // namespace nb::bench
