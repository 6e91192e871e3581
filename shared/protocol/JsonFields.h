#pragma once

#include "shared/Money.h"
#include "shared/protocol/Decoded.h"
#include "shared/protocol/WireEnums.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <limits>
#include <optional>

namespace nb {

/// Strict readers of one field of a JSON object, for request bodies and for the object codecs.
///
/// Required readers refuse a missing field ("is missing") and a null or ill-typed one ("must be …").
/// Optional readers give nullopt for a missing or null field and refuse an ill-typed one.
/// Numbers must hold an integral value: QJsonDocument keeps every integral number as an integer
/// and every other as a double, so 1.5 is refused while 1.0 and 1e3 read as 1 and 1000 (after
/// parsing they are the same value; no JSON parser built on Qt can tell them apart).

/// Ids are positive and stay below 2^53 so that every JSON reader keeps them exact.
constexpr qint64 kMaxJsonInteger = 9'007'199'254'740'991LL;
/// No upper limit on a string's length.
constexpr int kNoLengthLimit = std::numeric_limits<int>::max();

/// A request body: malformed JSON or anything but an object is an error with an empty field.
Decoded<QJsonObject> parseJsonObject(const QByteArray& body);

/// An amount: an integer with 0 < amount <= 10^12 (isValidAmount).
/// Problem text: "must be an integer between 1 and 10^12".
Decoded<Won> readWon(const QJsonObject& object, const QString& field);
Decoded<std::optional<Won>> readOptionalWon(const QJsonObject& object, const QString& field);
/// A balance-like sum that may be 0: an integer in 0..kMaxJsonInteger.
Decoded<Won> readNonNegativeWon(const QJsonObject& object, const QString& field);

/// An id: an integer in 1..kMaxJsonInteger.
Decoded<qint64> readId(const QJsonObject& object, const QString& field);
Decoded<std::optional<qint64>> readOptionalId(const QJsonObject& object, const QString& field);

/// Any integer in min..max.
Decoded<qint64> readInteger(const QJsonObject& object, const QString& field, qint64 min, qint64 max);
Decoded<std::optional<qint64>> readOptionalInteger(const QJsonObject& object, const QString& field,
                                                   qint64 min, qint64 max);
/// Any finite number in min..max (reputation).
Decoded<double> readNumber(const QJsonObject& object, const QString& field, double min, double max);

Decoded<bool> readBool(const QJsonObject& object, const QString& field);
Decoded<std::optional<bool>> readOptionalBool(const QJsonObject& object, const QString& field);

/// A string of minLength..maxLength characters, counted as Unicode code points (as PostgreSQL's
/// length() counts them), taken as sent.
Decoded<QString> readString(const QJsonObject& object, const QString& field, int minLength = 0,
                            int maxLength = kNoLengthLimit);
Decoded<std::optional<QString>> readOptionalString(const QJsonObject& object, const QString& field,
                                                   int minLength = 0, int maxLength = kNoLengthLimit);
/// The same after trimming surrounding white space, so "   " is not a 1-character title.
Decoded<QString> readTrimmedString(const QJsonObject& object, const QString& field, int minLength,
                                   int maxLength);

/// A time: ISO 8601 with 'Z' or an offset (fromWireTime), returned in UTC.
Decoded<QDateTime> readTime(const QJsonObject& object, const QString& field);
Decoded<std::optional<QDateTime>> readOptionalTime(const QJsonObject& object, const QString& field);

/// A request_id: 1..64 characters of [A-Za-z0-9_-] (isValidRequestId).
Decoded<QString> readRequestId(const QJsonObject& object,
                               const QString& field = QStringLiteral("request_id"));

Decoded<QJsonObject> readObject(const QJsonObject& object, const QString& field);
Decoded<std::optional<QJsonObject>> readOptionalObject(const QJsonObject& object, const QString& field);
Decoded<QJsonArray> readArray(const QJsonObject& object, const QString& field);

/// An enum by its wire name (WireEnums.h); the problem lists the names it accepts.
template <typename E>
Decoded<E> readEnum(const QJsonObject& object, const QString& field)
{
    const QJsonValue value = object.value(field);
    if (value.isUndefined())
        return DecodeError{field, QStringLiteral("is missing")};
    if (const std::optional<E> parsed = fromWire<E>(value.toString()))
        return *parsed;
    return DecodeError{field,
                       QStringLiteral("must be one of %1").arg(wireNames<E>().join(QStringLiteral(", ")))};
}

template <typename E>
Decoded<std::optional<E>> readOptionalEnum(const QJsonObject& object, const QString& field)
{
    const QJsonValue value = object.value(field);
    if (value.isUndefined() || value.isNull())
        return std::optional<E>{};
    Decoded<E> decoded = readEnum<E>(object, field);
    if (!decoded)
        return decoded.error();
    return std::optional<E>{*decoded};
}

} // namespace nb
