#pragma once

#include <QJsonObject>
#include <QtGlobal>

#include <vector>

namespace nb::bench {

/// Every latency sample of a run, in milliseconds. Percentiles are exact (nearest rank over all
/// samples), so nothing is bucketed or dropped.
class LatencySamples {
public:
    void add(double ms);
    qint64 count() const;
    /// Nearest-rank percentile, p in 0..100; 0 when there are no samples.
    double percentile(double p) const;
    double max() const;
    void merge(const LatencySamples& other);
    /// {"count","p50","p95","p99","max"} with milliseconds rounded to 3 decimals.
    QJsonObject toJson() const;

private:
    std::vector<double> samples_;
};

} // namespace nb::bench
