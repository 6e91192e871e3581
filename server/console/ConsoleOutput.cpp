#include "server/console/ConsoleOutput.h"

#include <cstdio>

namespace nb::console {

namespace {

void write(std::FILE* stream, const QString& text)
{
    std::fputs(text.toUtf8().constData(), stream);
}

QString spanText(qint64 seconds)
{
    const qint64 minutes = seconds / 60;
    const qint64 hours = minutes / 60;
    const qint64 days = hours / 24;
    if (days > 0)
        return hours % 24 ? QStringLiteral("%1d %2h").arg(days).arg(hours % 24)
                          : QStringLiteral("%1d").arg(days);
    if (hours > 0)
        return minutes % 60 ? QStringLiteral("%1h %2m").arg(hours).arg(minutes % 60)
                            : QStringLiteral("%1h").arg(hours);
    if (minutes > 0)
        return QStringLiteral("%1m").arg(minutes);
    return QStringLiteral("%1s").arg(seconds);
}

} // namespace

void printLine(const QString& text)
{
    write(stdout, text + QLatin1Char('\n'));
}

void printText(const QString& text)
{
    write(stdout, text);
}

void printError(const QString& message)
{
    write(stderr, QStringLiteral("neighborbid-server console: %1\n").arg(message.simplified()));
    std::fflush(stderr);
}

void printUsageError(const QString& command, const QString& message)
{
    const QString where =
        command.isEmpty() ? QStringLiteral("console") : QStringLiteral("console ") + command;
    write(stderr,
          QStringLiteral("neighborbid-server %1: %2 (see --help)\n").arg(where, message.simplified()));
    std::fflush(stderr);
}

QString groupThousands(qint64 value)
{
    // Through the unsigned magnitude, so that the most negative value formats too.
    const bool negative = value < 0;
    const quint64 magnitude = negative ? 0 - static_cast<quint64>(value) : static_cast<quint64>(value);
    QString digits = QString::number(magnitude);
    for (int at = digits.size() - 3; at > 0; at -= 3)
        digits.insert(at, QLatin1Char(','));
    return negative ? QLatin1Char('-') + digits : digits;
}

QString formatWon(Won amount)
{
    return groupThousands(amount) + QStringLiteral(" won");
}

QString formatLocalTime(const QDateTime& time)
{
    if (!time.isValid())
        return QStringLiteral("-");
    return time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString formatRelative(const QDateTime& time, const QDateTime& now)
{
    if (!time.isValid())
        return QString();
    const qint64 seconds = now.secsTo(time);
    return seconds >= 0 ? QStringLiteral("in ") + spanText(seconds)
                        : spanText(-seconds) + QStringLiteral(" ago");
}

} // namespace nb::console
