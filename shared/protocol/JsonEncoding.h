#pragma once

#include "shared/TimeFormat.h"

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <optional>

// Small helpers the codec sources share; not part of the protocol library's interface.
namespace nb::jsonencoding {

/// toWireTime, or null for an invalid time (never an empty string).
inline QJsonValue timeValue(const QDateTime& time)
{
    return time.isValid() ? QJsonValue(toWireTime(time)) : QJsonValue(QJsonValue::Null);
}

/// A '?' field: written only when present.
template <typename T>
void insertIfPresent(QJsonObject& json, const QString& key, const std::optional<T>& value)
{
    if (value)
        json.insert(key, *value);
}

/// A field without '?' that may be unknown: always written, null when absent.
template <typename T>
QJsonValue valueOrNull(const std::optional<T>& value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

} // namespace nb::jsonencoding
