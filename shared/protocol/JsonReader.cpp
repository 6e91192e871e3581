#include "shared/protocol/JsonReader.h"

#include <limits>

namespace nb {

JsonReader::JsonReader(QJsonObject object)
    : m_object(std::move(object))
{}

void JsonReader::fail(const QString& field, const QString& problem)
{
    if (ok())
        m_error = DecodeError{field, problem};
}

Won JsonReader::won(const QString& field)
{
    return take(readWon(m_object, field));
}

std::optional<Won> JsonReader::optionalWon(const QString& field)
{
    return take(readOptionalWon(m_object, field));
}

Won JsonReader::nonNegativeWon(const QString& field)
{
    return take(readNonNegativeWon(m_object, field));
}

qint64 JsonReader::id(const QString& field)
{
    return take(readId(m_object, field));
}

std::optional<qint64> JsonReader::optionalId(const QString& field)
{
    return take(readOptionalId(m_object, field));
}

qint64 JsonReader::integer(const QString& field, qint64 min, qint64 max)
{
    return take(readInteger(m_object, field, min, max), min);
}

std::optional<qint64> JsonReader::optionalInteger(const QString& field, qint64 min, qint64 max)
{
    return take(readOptionalInteger(m_object, field, min, max));
}

int JsonReader::count(const QString& field)
{
    return static_cast<int>(integer(field, 0, std::numeric_limits<int>::max()));
}

double JsonReader::number(const QString& field, double min, double max)
{
    return take(readNumber(m_object, field, min, max), min);
}

bool JsonReader::boolean(const QString& field)
{
    return take(readBool(m_object, field));
}

std::optional<bool> JsonReader::optionalBool(const QString& field)
{
    return take(readOptionalBool(m_object, field));
}

QString JsonReader::string(const QString& field, int minLength, int maxLength)
{
    return take(readString(m_object, field, minLength, maxLength));
}

QString JsonReader::optionalString(const QString& field, int minLength, int maxLength)
{
    return take(readOptionalString(m_object, field, minLength, maxLength)).value_or(QString());
}

QString JsonReader::trimmedString(const QString& field, int minLength, int maxLength)
{
    return take(readTrimmedString(m_object, field, minLength, maxLength));
}

QDateTime JsonReader::time(const QString& field)
{
    return take(readTime(m_object, field));
}

QDateTime JsonReader::optionalTime(const QString& field)
{
    return take(readOptionalTime(m_object, field)).value_or(QDateTime());
}

QString JsonReader::requestId(const QString& field)
{
    return take(readRequestId(m_object, field));
}

QJsonObject JsonReader::objectField(const QString& field)
{
    return take(readObject(m_object, field));
}

std::optional<QJsonObject> JsonReader::optionalObjectField(const QString& field)
{
    return take(readOptionalObject(m_object, field));
}

QJsonArray JsonReader::array(const QString& field)
{
    return take(readArray(m_object, field));
}

QStringList JsonReader::stringList(const QString& field)
{
    const QJsonArray items = array(field);
    QStringList strings;
    strings.reserve(items.size());
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (!items.at(i).isString()) {
            fail(QStringLiteral("%1[%2]").arg(field).arg(i), QStringLiteral("must be a string"));
            return {};
        }
        strings.append(items.at(i).toString());
    }
    return strings;
}

} // namespace nb
