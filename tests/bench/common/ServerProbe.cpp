#include "tests/bench/common/ServerProbe.h"

#include <QFile>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <unistd.h>

namespace nb::bench {

namespace {

// utime + stime of /proc/PID/stat, in clock ticks; -1 when the process is gone.
qint64 cpuTicks(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QString line = QString::fromLatin1(file.readAll());
    // The command name (field 2) may hold spaces and parentheses; fields resume after the last ')'.
    const qsizetype close = line.lastIndexOf(QLatin1Char(')'));
    if (close < 0)
        return -1;
    const QStringList fields = line.mid(close + 2).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    // After ')' the first field is state (field 3), so utime (14) and stime (15) sit at 11 and 12.
    if (fields.size() < 13)
        return -1;
    return fields[11].toLongLong() + fields[12].toLongLong();
}

// A "Key:   1234 kB" line of /proc/PID/status, in kB; 0 when unavailable.
qint64 statusKb(qint64 pid, const char* key)
{
    QFile file(QStringLiteral("/proc/%1/status").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray prefix = QByteArray(key) + ':';
    for (const QByteArray& line : file.readAll().split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

double megabytes(qint64 kb)
{
    return std::round(static_cast<double>(kb) / 1024.0 * 10.0) / 10.0;
}

double rounded(double value, double scale)
{
    return std::round(value * scale) / scale;
}

} // namespace

ServerProbe::ServerProbe(QList<qint64> pids)
{
    for (qint64 pid : pids) {
        Process process;
        process.pid = pid;
        processes_.append(process);
    }
}

void ServerProbe::start()
{
    wall_.start();
    for (Process& process : processes_) {
        process.startTicks = cpuTicks(process.pid);
        process.endTicks = process.startTicks;
        process.rssKb = statusKb(process.pid, "VmRSS");
        process.peakSampledKb = process.rssKb;
    }
}

void ServerProbe::sample()
{
    for (Process& process : processes_)
        process.peakSampledKb = std::max(process.peakSampledKb, statusKb(process.pid, "VmRSS"));
}

void ServerProbe::finish()
{
    sample();
    wallSeconds_ = wall_.isValid() ? static_cast<double>(wall_.nsecsElapsed()) / 1e9 : 0.0;
    for (Process& process : processes_) {
        const qint64 ticks = cpuTicks(process.pid);
        if (ticks >= 0)
            process.endTicks = ticks;
        const qint64 rss = statusKb(process.pid, "VmRSS");
        if (rss > 0)
            process.rssKb = rss;
        process.hwmKb = statusKb(process.pid, "VmHWM");
    }
}

QJsonArray ServerProbe::toJson() const
{
    const double ticksPerSecond = static_cast<double>(sysconf(_SC_CLK_TCK));
    QJsonArray result;
    for (const Process& process : processes_) {
        const qint64 ticks = process.startTicks >= 0 ? process.endTicks - process.startTicks : 0;
        const double cpuSeconds = static_cast<double>(std::max<qint64>(ticks, 0)) / ticksPerSecond;
        const double cpuPct = wallSeconds_ > 0 ? cpuSeconds / wallSeconds_ * 100.0 : 0.0;
        result.append(QJsonObject{
            {QStringLiteral("pid"), static_cast<double>(process.pid)},
            {QStringLiteral("cpu_s"), rounded(cpuSeconds, 100)},
            {QStringLiteral("cpu_pct"), rounded(cpuPct, 10)},
            {QStringLiteral("rss_mb"), megabytes(process.rssKb)},
            {QStringLiteral("peak_rss_mb"), megabytes(std::max(process.hwmKb, process.peakSampledKb))},
        });
    }
    return result;
}

} // namespace nb::bench
