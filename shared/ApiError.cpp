#include "shared/ApiError.h"

namespace nb {

QJsonObject ApiError::toJson() const
{
    QJsonObject inner{{"code", errorCodeName(code)}, {"message", message}};
    if (!details.isEmpty())
        inner.insert("details", details);
    return inner;
}

QJsonObject ApiError::toEnvelope() const
{
    return QJsonObject{{"error", toJson()}};
}

ApiError ApiError::fromJson(const QJsonObject& json)
{
    const QJsonObject inner = json.contains("error") ? json.value("error").toObject() : json;
    ApiError error;
    error.code = errorCodeFromName(inner.value("code").toString()).value_or(ErrorCode::Internal);
    error.message = inner.value("message").toString();
    error.details = inner.value("details").toObject();
    return error;
}

} // namespace nb
