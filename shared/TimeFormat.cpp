#include "shared/TimeFormat.h"

#include <QTimeZone>

namespace nb {

QString toWireTime(const QDateTime& time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QString toWireTimeMs(qint64 msecsSinceEpoch)
{
    return toWireTime(QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch, Qt::UTC));
}

QDateTime fromWireTime(const QString& text)
{
    // An offset is required: a local time without one would mean different instants on
    // different machines.
    const bool hasZone = text.endsWith(QLatin1Char('Z')) || text.contains(QLatin1Char('+')) ||
                         text.lastIndexOf(QLatin1Char('-')) > 9;
    if (!hasZone)
        return {};
    QDateTime parsed = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!parsed.isValid())
        return {};
    return parsed.toUTC();
}

} // namespace nb
