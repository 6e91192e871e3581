#include "server/transport/http/HttpReplies.h"

#include <QJsonDocument>

namespace nb::transport::http {

namespace {

using StatusCode = QHttpServerResponder::StatusCode;

StatusCode statusCode(int status)
{
    // QHttpServerResponder::StatusCode's values are the HTTP status numbers.
    return static_cast<StatusCode>(status);
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 400:
        return "Bad Request";
    case 413:
        return "Payload Too Large";
    case 429:
        return "Too Many Requests";
    default:
        return "Error";
    }
}

} // namespace

QHttpServerResponse jsonReply(const QJsonObject& body, int status)
{
    return QHttpServerResponse(QByteArrayLiteral("application/json"),
                               QJsonDocument(body).toJson(QJsonDocument::Compact), statusCode(status));
}

QHttpServerResponse createdReply(const QJsonObject& body)
{
    return jsonReply(body, 201);
}

QHttpServerResponse noContentReply()
{
    QHttpServerResponse response(StatusCode::NoContent);
    // QHttpServerResponse labels an empty body "application/x-empty"; a 204 has no body to label.
    response.clearHeader(QByteArrayLiteral("Content-Type"));
    return response;
}

QHttpServerResponse bytesReply(const QByteArray& contentType, const QByteArray& bytes)
{
    return QHttpServerResponse(contentType, bytes, StatusCode::Ok);
}

QHttpServerResponse errorReply(const ApiError& error)
{
    QHttpServerResponse response = jsonReply(error.toEnvelope(), httpStatusFor(error.code));
    if (error.code == ErrorCode::RateLimited) {
        const qint64 waitMs = error.details.value(QStringLiteral("retry_after_ms")).toInteger(1000);
        response.setHeader(QByteArrayLiteral("Retry-After"),
                           QByteArray::number(qMax<qint64>(1, (waitMs + 999) / 1000)));
    }
    return response;
}

QHttpServerResponse errorReply(ErrorCode code, const QString& message, const QJsonObject& details)
{
    return errorReply(ApiError{code, message, details});
}

QHttpServerResponse rateLimitedReply(int retryAfterMs)
{
    return errorReply(ErrorCode::RateLimited,
                      QStringLiteral("Too many requests; retry in %1 ms.").arg(retryAfterMs),
                      QJsonObject{{"retry_after_ms", retryAfterMs}});
}

QHttpServerResponse internalErrorReply()
{
    return errorReply(ErrorCode::Internal, QStringLiteral("Something went wrong on our side."));
}

QByteArray rawErrorResponse(const ApiError& error)
{
    const int status = httpStatusFor(error.code);
    const QByteArray body = QJsonDocument(error.toEnvelope()).toJson(QJsonDocument::Compact);
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) +
           "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) +
           "\r\nConnection: close\r\n\r\n" + body;
}

} // namespace nb::transport::http
