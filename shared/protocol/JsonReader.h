#pragma once

#include "shared/protocol/JsonFields.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace nb {

/// Reads many fields of one JSON object and keeps the first error, so a decoder reads every
/// field in order and checks ok() once. After an error every read returns a default value.
///
///     JsonReader in(body);
///     const Won amount = in.won("amount");
///     const QString requestId = in.requestId();
///     if (!in.ok())
///         return in.error(); // names the first bad field
class JsonReader {
public:
    explicit JsonReader(QJsonObject object);

    const QJsonObject& object() const { return m_object; }
    bool ok() const { return !m_error.has_value(); }
    /// The first error; meaningful only when !ok().
    DecodeError error() const { return m_error.value_or(DecodeError{}); }
    /// Records a problem found by the caller (a rule across fields); kept only if it is the first.
    void fail(const QString& field, const QString& problem);

    Won won(const QString& field);
    std::optional<Won> optionalWon(const QString& field);
    Won nonNegativeWon(const QString& field);
    qint64 id(const QString& field);
    std::optional<qint64> optionalId(const QString& field);
    qint64 integer(const QString& field, qint64 min, qint64 max);
    std::optional<qint64> optionalInteger(const QString& field, qint64 min, qint64 max);
    /// An integer in 0..INT_MAX (counts: bid_count, watchers, review_count).
    int count(const QString& field);
    double number(const QString& field, double min, double max);
    bool boolean(const QString& field);
    std::optional<bool> optionalBool(const QString& field);
    QString string(const QString& field, int minLength = 0, int maxLength = kNoLengthLimit);
    /// Missing or null reads as an empty string.
    QString optionalString(const QString& field, int minLength = 0, int maxLength = kNoLengthLimit);
    QString trimmedString(const QString& field, int minLength, int maxLength);
    QDateTime time(const QString& field);
    /// Missing or null reads as an invalid QDateTime.
    QDateTime optionalTime(const QString& field);
    QString requestId(const QString& field = QStringLiteral("request_id"));
    QJsonObject objectField(const QString& field);
    std::optional<QJsonObject> optionalObjectField(const QString& field);
    QJsonArray array(const QString& field);
    /// An array whose every element is a string.
    QStringList stringList(const QString& field);

    template <typename E>
    E enumValue(const QString& field, E fallback)
    {
        return take(readEnum<E>(m_object, field), fallback);
    }

    template <typename E>
    std::optional<E> optionalEnum(const QString& field)
    {
        return take(readOptionalEnum<E>(m_object, field), std::optional<E>{});
    }

    /// Adopts the result of a nested decoder; its error is reported under `parent`
    /// ("seller" + "id" -> "seller.id").
    template <typename T>
    T nested(Decoded<T> decoded, const QString& parent)
    {
        if (!ok())
            return T{};
        if (!decoded) {
            m_error = decoded.error().inside(parent);
            return T{};
        }
        return std::move(decoded).value();
    }

    /// Adopts any Decoded: its value, or `fallback` after recording its error.
    template <typename T>
    T take(Decoded<T> decoded, T fallback = T{})
    {
        if (!ok())
            return fallback;
        if (!decoded) {
            m_error = decoded.error();
            return fallback;
        }
        return std::move(decoded).value();
    }

    /// `value` when every read succeeded, the first error otherwise.
    template <typename T>
    Decoded<T> result(T value) const
    {
        if (m_error)
            return *m_error;
        return value;
    }

private:
    QJsonObject m_object;
    std::optional<DecodeError> m_error;
};

} // namespace nb
