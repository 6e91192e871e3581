#pragma once

#include <QJsonObject>

namespace nb::bench::load {

/// This tool's own CPU time over the measured window, so a report can tell whether the load
/// generator, sharing the two cores with the server, was itself a bottleneck.
class ProcessCpu {
public:
    void start();
    void finish();
    /// {"cpu_s", "cpu_pct"}
    QJsonObject toJson() const;

private:
    static double cpuSeconds();

    double m_startCpu = 0;
    double m_cpu = 0;
    qint64 m_startNs = 0;
    qint64 m_wallNs = 0;
};

} // namespace nb::bench::load
