#include "shared/protocol/Decoded.h"

#include <QJsonObject>

namespace nb {

QString DecodeError::message() const
{
    if (field.isEmpty())
        return problem;
    return QStringLiteral("field '%1' %2").arg(field, problem);
}

DecodeError DecodeError::inside(const QString& parent) const
{
    if (field.isEmpty())
        return {parent, problem};
    // An array index attaches directly: "items" + "[2].amount".
    const QString separator = field.startsWith(QLatin1Char('[')) ? QString() : QStringLiteral(".");
    return {parent + separator + field, problem};
}

ApiError DecodeError::toApiError() const
{
    ApiError error;
    error.code = ErrorCode::BadRequest;
    error.message = message();
    if (!field.isEmpty())
        error.details = QJsonObject{{"field", field}};
    return error;
}

} // namespace nb
