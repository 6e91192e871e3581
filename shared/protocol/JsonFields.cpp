#include "shared/protocol/JsonFields.h"

#include "shared/RequestId.h"
#include "shared/TimeFormat.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>
#include <QVariant>

#include <cmath>

namespace nb {

namespace {

const QString kMissing = QStringLiteral("is missing");

// The JSON parser stores an integral number as a qint64 and anything else (fractions, numbers
// beyond qint64) as a double; only the former is an integer here.
std::optional<qint64> integerOf(const QJsonValue& value)
{
    if (!value.isDouble())
        return std::nullopt;
    const QVariant variant = value.toVariant();
    if (variant.typeId() != QMetaType::LongLong)
        return std::nullopt;
    return variant.toLongLong();
}

qsizetype codePointCount(const QString& text)
{
    qsizetype count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (!(text.at(i).isLowSurrogate() && i > 0 && text.at(i - 1).isHighSurrogate()))
            ++count;
    }
    return count;
}

QString lengthProblem(int minLength, int maxLength)
{
    if (maxLength == kNoLengthLimit) {
        if (minLength <= 0)
            return QStringLiteral("must be a string");
        return QStringLiteral("must be a string of at least %1 characters").arg(minLength);
    }
    if (minLength <= 0)
        return QStringLiteral("must be a string of at most %1 characters").arg(maxLength);
    return QStringLiteral("must be a string of %1 to %2 characters").arg(minLength).arg(maxLength);
}

QString integerProblem(qint64 min, qint64 max)
{
    return QStringLiteral("must be an integer between %1 and %2").arg(min).arg(max);
}

// Shared shape of every reader: look the field up, convert it, name the field on failure.
template <typename T, typename Convert>
Decoded<T> readRequired(const QJsonObject& object, const QString& field, Convert convert,
                        const QString& problem)
{
    const QJsonValue value = object.value(field);
    if (value.isUndefined())
        return DecodeError{field, kMissing};
    std::optional<T> converted = convert(value);
    if (!converted)
        return DecodeError{field, problem};
    return std::move(*converted);
}

template <typename T, typename Convert>
Decoded<std::optional<T>> readOptional(const QJsonObject& object, const QString& field, Convert convert,
                                       const QString& problem)
{
    const QJsonValue value = object.value(field);
    if (value.isUndefined() || value.isNull())
        return std::optional<T>{};
    std::optional<T> converted = convert(value);
    if (!converted)
        return DecodeError{field, problem};
    return std::optional<T>{std::move(*converted)};
}

auto integerIn(qint64 min, qint64 max)
{
    return [min, max](const QJsonValue& value) -> std::optional<qint64> {
        const std::optional<qint64> integer = integerOf(value);
        if (!integer || *integer < min || *integer > max)
            return std::nullopt;
        return integer;
    };
}

auto stringOfLength(int minLength, int maxLength)
{
    return [minLength, maxLength](const QJsonValue& value) -> std::optional<QString> {
        if (!value.isString())
            return std::nullopt;
        QString text = value.toString();
        const qsizetype length = codePointCount(text);
        if (length < minLength || length > maxLength)
            return std::nullopt;
        return text;
    };
}

std::optional<bool> boolOf(const QJsonValue& value)
{
    if (!value.isBool())
        return std::nullopt;
    return value.toBool();
}

std::optional<QDateTime> timeOf(const QJsonValue& value)
{
    if (!value.isString())
        return std::nullopt;
    QDateTime time = fromWireTime(value.toString());
    if (!time.isValid())
        return std::nullopt;
    return time;
}

std::optional<QJsonObject> objectOf(const QJsonValue& value)
{
    if (!value.isObject())
        return std::nullopt;
    return value.toObject();
}

const QString kWonProblem = QStringLiteral("must be an integer between 1 and 10^12");
const QString kIdProblem = QStringLiteral("must be a positive integer id");
const QString kTimeProblem =
    QStringLiteral("must be an ISO 8601 time with a zone, like 2026-11-21T09:30:00.000Z");

} // namespace

Decoded<QJsonObject> parseJsonObject(const QByteArray& body)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return DecodeError{{},
                           QStringLiteral("malformed JSON: %1 at offset %2")
                               .arg(parseError.errorString())
                               .arg(parseError.offset)};
    }
    if (!document.isObject())
        return DecodeError{{}, QStringLiteral("the body must be a JSON object")};
    return document.object();
}

Decoded<Won> readWon(const QJsonObject& object, const QString& field)
{
    return readRequired<Won>(object, field, integerIn(1, kMaxAmount), kWonProblem);
}

Decoded<std::optional<Won>> readOptionalWon(const QJsonObject& object, const QString& field)
{
    return readOptional<Won>(object, field, integerIn(1, kMaxAmount), kWonProblem);
}

Decoded<Won> readNonNegativeWon(const QJsonObject& object, const QString& field)
{
    return readRequired<Won>(object, field, integerIn(0, kMaxJsonInteger),
                             QStringLiteral("must be an integer of at least 0"));
}

Decoded<qint64> readId(const QJsonObject& object, const QString& field)
{
    return readRequired<qint64>(object, field, integerIn(1, kMaxJsonInteger), kIdProblem);
}

Decoded<std::optional<qint64>> readOptionalId(const QJsonObject& object, const QString& field)
{
    return readOptional<qint64>(object, field, integerIn(1, kMaxJsonInteger), kIdProblem);
}

Decoded<qint64> readInteger(const QJsonObject& object, const QString& field, qint64 min, qint64 max)
{
    return readRequired<qint64>(object, field, integerIn(min, max), integerProblem(min, max));
}

Decoded<std::optional<qint64>> readOptionalInteger(const QJsonObject& object, const QString& field,
                                                   qint64 min, qint64 max)
{
    return readOptional<qint64>(object, field, integerIn(min, max), integerProblem(min, max));
}

Decoded<double> readNumber(const QJsonObject& object, const QString& field, double min, double max)
{
    const auto numberIn = [min, max](const QJsonValue& value) -> std::optional<double> {
        if (!value.isDouble())
            return std::nullopt;
        const double number = value.toDouble();
        if (!std::isfinite(number) || number < min || number > max)
            return std::nullopt;
        return number;
    };
    return readRequired<double>(object, field, numberIn,
                                QStringLiteral("must be a number between %1 and %2").arg(min).arg(max));
}

Decoded<bool> readBool(const QJsonObject& object, const QString& field)
{
    return readRequired<bool>(object, field, boolOf, QStringLiteral("must be true or false"));
}

Decoded<std::optional<bool>> readOptionalBool(const QJsonObject& object, const QString& field)
{
    return readOptional<bool>(object, field, boolOf, QStringLiteral("must be true or false"));
}

Decoded<QString> readString(const QJsonObject& object, const QString& field, int minLength, int maxLength)
{
    return readRequired<QString>(object, field, stringOfLength(minLength, maxLength),
                                 lengthProblem(minLength, maxLength));
}

Decoded<std::optional<QString>> readOptionalString(const QJsonObject& object, const QString& field,
                                                   int minLength, int maxLength)
{
    return readOptional<QString>(object, field, stringOfLength(minLength, maxLength),
                                 lengthProblem(minLength, maxLength));
}

Decoded<QString> readTrimmedString(const QJsonObject& object, const QString& field, int minLength,
                                   int maxLength)
{
    const auto trimmed = [check = stringOfLength(minLength, maxLength)](const QJsonValue& value) {
        return check(value.isString() ? QJsonValue(value.toString().trimmed()) : value);
    };
    return readRequired<QString>(object, field, trimmed, lengthProblem(minLength, maxLength));
}

Decoded<QDateTime> readTime(const QJsonObject& object, const QString& field)
{
    return readRequired<QDateTime>(object, field, timeOf, kTimeProblem);
}

Decoded<std::optional<QDateTime>> readOptionalTime(const QJsonObject& object, const QString& field)
{
    return readOptional<QDateTime>(object, field, timeOf, kTimeProblem);
}

Decoded<QString> readRequestId(const QJsonObject& object, const QString& field)
{
    const auto requestId = [](const QJsonValue& value) -> std::optional<QString> {
        if (!value.isString() || !isValidRequestId(value.toString()))
            return std::nullopt;
        return value.toString();
    };
    return readRequired<QString>(object, field, requestId,
                                 QStringLiteral("must be 1 to 64 characters of A-Z, a-z, 0-9, '_' and '-'"));
}

Decoded<QJsonObject> readObject(const QJsonObject& object, const QString& field)
{
    return readRequired<QJsonObject>(object, field, objectOf, QStringLiteral("must be an object"));
}

Decoded<std::optional<QJsonObject>> readOptionalObject(const QJsonObject& object, const QString& field)
{
    return readOptional<QJsonObject>(object, field, objectOf, QStringLiteral("must be an object"));
}

Decoded<QJsonArray> readArray(const QJsonObject& object, const QString& field)
{
    const auto arrayOf = [](const QJsonValue& value) -> std::optional<QJsonArray> {
        if (!value.isArray())
            return std::nullopt;
        return value.toArray();
    };
    return readRequired<QJsonArray>(object, field, arrayOf, QStringLiteral("must be an array"));
}

} // namespace nb
