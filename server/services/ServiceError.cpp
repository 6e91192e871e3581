#include "server/services/ServiceError.h"

namespace nb::services {

ServiceError::ServiceError(ErrorCode code, const QString& message, QJsonObject details)
    : std::runtime_error(message.toStdString())
    , m_error{code, message, std::move(details)}
{}

void fail(ErrorCode code, const QString& message, QJsonObject details)
{
    throw ServiceError(code, message, std::move(details));
}

} // namespace nb::services
