#include "server/services/TransactionScope.h"

namespace nb::services {

Q_LOGGING_CATEGORY(lcServices, "neighborbid.services")

namespace detail {

void reportInternal(const char* operation, const std::exception& e)
{
    qCCritical(lcServices, "%s failed: %s", operation, e.what());
    fail(ErrorCode::Internal, QStringLiteral("Something went wrong on our side; nothing was changed."));
}

void reportUnavailable(const char* operation, const std::exception& e)
{
    qCWarning(lcServices, "%s: database unavailable: %s", operation, e.what());
    fail(ErrorCode::Unavailable,
         QStringLiteral("The service is temporarily unavailable; nothing was changed. Please retry."));
}

} // namespace detail
} // namespace nb::services
