#include "server/transport/http/QueryReader.h"

#include "server/services/ServiceError.h"
#include "shared/protocol/JsonFields.h"

#include <QJsonObject>
#include <QUrl>

namespace nb::transport::http {

QueryReader::QueryReader(QUrlQuery query)
    : m_query(std::move(query))
{}

bool QueryReader::has(const QString& name) const
{
    return m_query.hasQueryItem(name);
}

QString QueryReader::text(const QString& name, int maxLength) const
{
    QString encoded = m_query.queryItemValue(name, QUrl::FullyEncoded);
    encoded.replace(QLatin1Char('+'), QLatin1String("%20"));
    const QString value = QUrl::fromPercentEncoding(encoded.toLatin1());
    if (value.size() > maxLength)
        fail(name, QStringLiteral("must be at most %1 characters").arg(maxLength));
    return value;
}

std::optional<qint64> QueryReader::integer(const QString& name, qint64 min, qint64 max) const
{
    if (!has(name))
        return std::nullopt;
    bool ok = false;
    const qint64 value = text(name).toLongLong(&ok);
    if (!ok || value < min || value > max)
        fail(name, QStringLiteral("must be an integer between %1 and %2").arg(min).arg(max));
    return value;
}

std::optional<qint64> QueryReader::id(const QString& name) const
{
    return integer(name, 1, kMaxJsonInteger);
}

std::optional<Won> QueryReader::amount(const QString& name) const
{
    if (!has(name))
        return std::nullopt;
    bool ok = false;
    const Won value = text(name).toLongLong(&ok);
    if (!ok || !isValidAmount(value))
        fail(name, QStringLiteral("must be an integer between 1 and 10^12"));
    return value;
}

bool QueryReader::flag(const QString& name) const
{
    if (!has(name))
        return false;
    const QString value = text(name);
    if (value == QLatin1String("1") || value == QLatin1String("true"))
        return true;
    if (value.isEmpty() || value == QLatin1String("0") || value == QLatin1String("false"))
        return false;
    fail(name, QStringLiteral("must be 1, 0, true or false"));
}

int QueryReader::page() const
{
    return static_cast<int>(integer(QStringLiteral("page"), 1, 1'000'000).value_or(1));
}

int QueryReader::pageSize() const
{
    return static_cast<int>(integer(QStringLiteral("page_size"), 1, kMaxPageSize).value_or(kDefaultPageSize));
}

void QueryReader::fail(const QString& name, const QString& problem) const
{
    throw services::ServiceError(ErrorCode::BadRequest,
                                 QStringLiteral("query parameter '%1' %2").arg(name, problem),
                                 QJsonObject{{"field", name}});
}

} // namespace nb::transport::http
