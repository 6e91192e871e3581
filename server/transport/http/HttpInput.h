#pragma once

#include "server/services/ServiceError.h"
#include "shared/protocol/Decoded.h"

#include <QJsonObject>

#include <utility>

namespace nb::transport::http {

/// Turns a decoding failure into the bad_request that route handlers throw: the message and
/// details {"field"} of DecodeError::toApiError().
[[noreturn]] void throwBadRequest(const DecodeError& error);

/// The value, or a thrown bad_request naming the field.
template <typename T>
T valueOrThrow(Decoded<T> decoded)
{
    if (!decoded)
        throwBadRequest(decoded.error());
    return std::move(decoded).value();
}

/// The request body as a JSON object; malformed JSON or another JSON value is a bad_request.
QJsonObject jsonObjectBody(const QByteArray& body);

} // namespace nb::transport::http
