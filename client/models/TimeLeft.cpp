#include "client/models/TimeLeft.h"

#include <algorithm>

namespace nb::client {

qint64 TimeLeft::seconds(const QDateTime& endsAt, const QDateTime& now)
{
    if (!endsAt.isValid())
        return 0;
    return std::max<qint64>(0, (endsAt.toMSecsSinceEpoch() - now.toMSecsSinceEpoch() + 999) / 1000);
}

QString TimeLeft::format(const QDateTime& endsAt, const QDateTime& now)
{
    const qint64 left = seconds(endsAt, now);
    if (left <= 0)
        return tr("Ended");
    const qint64 days = left / 86400;
    const qint64 hours = (left % 86400) / 3600;
    const qint64 minutes = (left % 3600) / 60;
    const qint64 secs = left % 60;
    if (days > 0)
        return tr("%1d %2h").arg(days).arg(hours);
    if (hours > 0)
        return tr("%1h %2m").arg(hours).arg(minutes, 2, 10, QLatin1Char('0'));
    return tr("%1m %2s").arg(minutes).arg(secs, 2, 10, QLatin1Char('0'));
}

} // namespace nb::client
