#include "tests/bench/load/ProcessCpu.h"

#include "tests/bench/load/SteadyTime.h"

#include <cmath>
#include <sys/resource.h>

namespace nb::bench::load {

double ProcessCpu::cpuSeconds()
{
    rusage usage{};
    if (getrusage(RUSAGE_SELF, &usage) != 0)
        return 0;
    const auto seconds = [](const timeval& t) {
        return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
    };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

void ProcessCpu::start()
{
    m_startCpu = cpuSeconds();
    m_startNs = steadyNowNs();
}

void ProcessCpu::finish()
{
    m_cpu = cpuSeconds() - m_startCpu;
    m_wallNs = steadyNowNs() - m_startNs;
}

QJsonObject ProcessCpu::toJson() const
{
    const double wall = nsToS(m_wallNs);
    const double pct = wall > 0 ? m_cpu / wall * 100.0 : 0.0;
    return QJsonObject{{"cpu_s", std::round(m_cpu * 1000) / 1000}, {"cpu_pct", std::round(pct * 10) / 10}};
}

} // namespace nb::bench::load
