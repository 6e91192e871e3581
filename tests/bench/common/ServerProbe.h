#pragma once

#include <QElapsedTimer>
#include <QJsonArray>
#include <QList>
#include <QtGlobal>

namespace nb::bench {

/// CPU time and memory of server processes over the measured window, read from /proc.
class ServerProbe {
public:
    explicit ServerProbe(QList<qint64> pids);

    /// Marks the start of the window: CPU ticks so far and the current RSS.
    void start();
    /// Tracks the peak VmRSS seen between start() and finish(); safe to call from a timer.
    void sample();
    /// Marks the end of the window.
    void finish();
    /// [{pid, cpu_s, cpu_pct, rss_mb, peak_rss_mb}], peak = max(VmHWM, sampled VmRSS).
    QJsonArray toJson() const;

private:
    struct Process {
        qint64 pid = 0;
        qint64 startTicks = 0;
        qint64 endTicks = 0;
        qint64 rssKb = 0;
        qint64 peakSampledKb = 0;
        qint64 hwmKb = 0;
    };

    QList<Process> processes_;
    QElapsedTimer wall_;
    double wallSeconds_ = 0.0;
};

} // namespace nb::bench
