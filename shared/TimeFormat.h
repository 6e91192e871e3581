#pragma once

#include <QDateTime>
#include <QString>

namespace nb {

/// UTC, ISO 8601 with milliseconds and 'Z': 2026-11-21T09:30:00.000Z.
QString toWireTime(const QDateTime& time);
QString toWireTimeMs(qint64 msecsSinceEpoch);
/// Parses any ISO 8601 time with an offset or 'Z'; invalid QDateTime when it is not one.
QDateTime fromWireTime(const QString& text);

} // namespace nb
