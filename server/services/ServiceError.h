#pragma once

#include "shared/ApiError.h"

#include <stdexcept>

namespace nb::services {

/// A typed error of PROTOCOL.md raised by the service layer. Thrown inside a transaction it rolls
/// the transaction back, so an operation that fails changes nothing.
class ServiceError : public std::runtime_error {
public:
    ServiceError(ErrorCode code, const QString& message, QJsonObject details = {});

    const ApiError& error() const { return m_error; }
    ErrorCode code() const { return m_error.code; }

private:
    ApiError m_error;
};

[[noreturn]] void fail(ErrorCode code, const QString& message, QJsonObject details = {});

} // namespace nb::services
