#pragma once

#include "shared/ApiError.h"

#include <QByteArray>
#include <QHttpServerResponse>
#include <QJsonObject>

namespace nb::transport::http {

/// The answers of the REST API: JSON bodies with Content-Type application/json, errors in the
/// envelope of PROTOCOL.md with the status of their code.

QHttpServerResponse jsonReply(const QJsonObject& body, int status = 200);
QHttpServerResponse createdReply(const QJsonObject& body);
QHttpServerResponse noContentReply();
QHttpServerResponse bytesReply(const QByteArray& contentType, const QByteArray& bytes);

/// {"error": {...}} with httpStatusFor(code); rate_limited also gets a Retry-After header
/// (whole seconds, rounded up) from details.retry_after_ms.
QHttpServerResponse errorReply(const ApiError& error);
QHttpServerResponse errorReply(ErrorCode code, const QString& message, const QJsonObject& details = {});

/// 429 rate_limited for a limiter's answer.
QHttpServerResponse rateLimitedReply(int retryAfterMs);
/// 500 internal with a message that tells nothing of the cause (log it instead).
QHttpServerResponse internalErrorReply();

/// The whole response as raw HTTP/1.1 bytes with "Connection: close", for the socket-level
/// guard that answers before QHttpServer has a request to answer.
QByteArray rawErrorResponse(const ApiError& error);

} // namespace nb::transport::http
