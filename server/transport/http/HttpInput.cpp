#include "server/transport/http/HttpInput.h"

#include "shared/protocol/JsonFields.h"

namespace nb::transport::http {

void throwBadRequest(const DecodeError& error)
{
    const ApiError apiError = error.toApiError();
    throw services::ServiceError(apiError.code, apiError.message, apiError.details);
}

QJsonObject jsonObjectBody(const QByteArray& body)
{
    return valueOrThrow(parseJsonObject(body));
}

} // namespace nb::transport::http
