#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace nb::client {

/// "2d 3h", "1h 05m", "4m 09s", "Ended": the time-left cells of every auction table and the
/// countdown of the detail view.
class TimeLeft {
    Q_DECLARE_TR_FUNCTIONS(TimeLeft)

public:
    static QString format(const QDateTime& endsAt, const QDateTime& now = QDateTime::currentDateTimeUtc());
    /// Seconds left (0 once ended): for sorting.
    static qint64 seconds(const QDateTime& endsAt, const QDateTime& now = QDateTime::currentDateTimeUtc());
};

} // namespace nb::client
