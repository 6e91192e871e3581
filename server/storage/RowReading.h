#pragma once

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QTimeZone>

#include <optional>
#include <pqxx/pqxx>
#include <string>

// Small readers of result fields that the stores share.
namespace nb::storage::fields {

inline QString text(const pqxx::field& f)
{
    return QString::fromStdString(f.as<std::string>());
}

template <typename T>
std::optional<T> optional(const pqxx::field& f)
{
    if (f.is_null())
        return std::nullopt;
    return f.as<T>();
}

/// A time the SQL returns as epoch_ms(…).
inline QDateTime time(const pqxx::field& f)
{
    return QDateTime::fromMSecsSinceEpoch(f.as<qint64>(), QTimeZone::utc());
}

/// A PostgreSQL array literal of ids ("{1,2,3}") for a $n::bigint[] parameter.
template <typename Ids>
std::string idArray(const Ids& ids)
{
    std::string out = "{";
    for (const auto id : ids) {
        if (out.size() > 1)
            out += ',';
        out += std::to_string(id);
    }
    out += '}';
    return out;
}

/// A JSON object as the text of a jsonb parameter (compact).
inline std::string jsonText(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact).toStdString();
}

} // namespace nb::storage::fields
