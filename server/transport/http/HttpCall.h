#pragma once

#include "shared/protocol/Objects.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QHttpServerRequest>
#include <QString>
#include <QUrlQuery>

#include <optional>

namespace nb::transport {

/// "GET", "POST", …
QByteArray httpMethodName(QHttpServerRequest::Method method);

/// One HTTP request as a route handler sees it: a copy of what it needs from the
/// QHttpServerRequest (which belongs to the socket thread), taken before the handler moves to a
/// worker, plus the signed-in user once the bearer token was checked.
struct HttpCall {
    /// The route's pattern ("/api/v1/auctions/<arg>"), the label of its metrics.
    QString route;
    QByteArray method;
    QString path;
    QUrlQuery query;
    QByteArray body;
    /// The media type without parameters, lower case: "image/png".
    QByteArray contentType;
    /// The bearer token of the Authorization header; empty without one.
    QString token;
    /// An Authorization header was sent, well-formed or not.
    bool hasAuthorization = false;
    QHostAddress peer;
    QElapsedTimer started;
    /// Set for routes that need or accept a signed-in user and got a valid token.
    std::optional<User> user;

    static HttpCall from(const QHttpServerRequest& request, const QString& route);

    /// The signed-in user's id; only on routes that require one.
    qint64 userId() const { return user.value().id; }
    std::optional<qint64> viewerId() const { return user ? std::optional<qint64>(user->id) : std::nullopt; }
};

} // namespace nb::transport
