#include "client/net/ApiReply.h"

#include <QJsonDocument>
#include <QNetworkReply>
#include <QTimer>

namespace nb::client {

namespace {

/// The body is the protocol's error envelope: {"error": {"code", "message", …}}.
std::optional<ApiError> envelopeOf(const QByteArray& body)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isObject())
        return std::nullopt;
    const QJsonObject inner = document.object().value(QStringLiteral("error")).toObject();
    if (!inner.value(QStringLiteral("code")).isString())
        return std::nullopt;
    return ApiError::fromJson(document.object());
}

} // namespace

ApiError ApiReply::errorFromHttp(int httpStatus, const QByteArray& body, const QString& networkError)
{
    if (httpStatus == 0) {
        // No HTTP answer at all: refused, unreachable, timed out, TLS failure.
        return ApiError{
            ErrorCode::Unavailable,
            tr("Cannot reach the server (%1). Check the connection and try again.").arg(networkError),
            {}};
    }
    if (std::optional<ApiError> error = envelopeOf(body))
        return *error;
    // An answer from something in between (a proxy) or an unexpected status.
    if (httpStatus == 502 || httpStatus == 503 || httpStatus == 504)
        return ApiError{
            ErrorCode::Unavailable,
            tr("The server is unavailable at the moment (HTTP %1). Try again later.").arg(httpStatus),
            {}};
    if (httpStatus == 401)
        return ApiError{ErrorCode::Unauthorized, tr("Please sign in again."), {}};
    if (httpStatus == 404)
        return ApiError{ErrorCode::NotFound, tr("The server does not know this address (HTTP 404)."), {}};
    return ApiError{
        ErrorCode::Internal, tr("The server answered with an unexpected HTTP %1.").arg(httpStatus), {}};
}

ApiReply::ApiReply(QObject* parent)
    : QObject(parent)
{}

void ApiReply::abort()
{
    if (m_finished)
        return;
    m_aborted = true;
    if (m_reply)
        m_reply->abort(); // finishes synchronously: onNetworkFinished sees m_aborted
    else
        finish(std::nullopt);
}

void ApiReply::attach(QNetworkReply* reply)
{
    m_reply = reply;
    reply->setParent(this);
    connect(reply, &QNetworkReply::uploadProgress, this, &ApiReply::uploadProgress);
    connect(reply, &QNetworkReply::finished, this, &ApiReply::onNetworkFinished);
}

void ApiReply::onNetworkFinished()
{
    QNetworkReply* reply = m_reply;
    if (!reply || m_finished)
        return;
    reply->deleteLater();
    if (m_aborted) {
        finish(std::nullopt);
        return;
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    if (status >= 200 && status < 300)
        finish(decodeBody(body));
    else
        finish(errorFromHttp(status, body, reply->errorString()));
}

void ApiReply::failSoon(const ApiError& error)
{
    QTimer::singleShot(0, this, [this, error] { finish(error); });
}

void ApiReply::finish(const std::optional<ApiError>& error)
{
    if (m_finished)
        return;
    m_finished = true;
    if (!m_aborted) {
        m_error = error;
        if (error)
            emit failed(*error);
        else
            emit succeeded();
    }
    emit finished();
    deleteLater();
}

} // namespace nb::client
