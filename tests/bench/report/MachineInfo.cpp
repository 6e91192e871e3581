#include "tests/bench/report/MachineInfo.h"

#include <QFile>
#include <QRegularExpression>
#include <QThread>

#include <sys/utsname.h>

namespace nb::bench {

namespace {

QString firstMatch(const QString& text, const QString& pattern)
{
    const auto match = QRegularExpression(pattern, QRegularExpression::MultilineOption).match(text);
    return match.hasMatch() ? match.captured(1).trimmed() : QString();
}

QString readText(const char* path)
{
    QFile file(QString::fromLatin1(path));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace

MachineInfo MachineInfo::read()
{
    MachineInfo info;
    info.cpuModel = firstMatch(readText("/proc/cpuinfo"), QStringLiteral("^model name\\s*:\\s*(.+)$"));
    info.cores = QThread::idealThreadCount();
    const QString kb = firstMatch(readText("/proc/meminfo"), QStringLiteral("^MemTotal:\\s*(\\d+) kB"));
    info.memoryGiB = kb.toDouble() / (1024.0 * 1024.0);
    utsname name{};
    if (uname(&name) == 0)
        info.kernel = QStringLiteral("%1 %2 %3")
                          .arg(QString::fromLatin1(name.sysname), QString::fromLatin1(name.release),
                               QString::fromLatin1(name.machine));
    return info;
}

} // namespace nb::bench
