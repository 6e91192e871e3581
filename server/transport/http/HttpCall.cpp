#include "server/transport/http/HttpCall.h"

#include <QMetaEnum>

namespace nb::transport {

namespace {

QByteArray mediaType(const QByteArray& header)
{
    const int semicolon = header.indexOf(';');
    return (semicolon < 0 ? header : header.left(semicolon)).trimmed().toLower();
}

} // namespace

QByteArray httpMethodName(QHttpServerRequest::Method method)
{
    const QMetaEnum names = QMetaEnum::fromType<QHttpServerRequest::Method>();
    return QByteArray(names.valueToKey(static_cast<int>(method))).toUpper();
}

HttpCall HttpCall::from(const QHttpServerRequest& request, const QString& route)
{
    HttpCall call;
    call.started.start();
    call.route = route;
    call.method = httpMethodName(request.method());
    call.path = request.url().path();
    call.query = request.query();
    call.body = request.body();
    call.contentType = mediaType(request.value(QByteArrayLiteral("Content-Type")));
    call.peer = request.remoteAddress();
    const QByteArray authorization = request.value(QByteArrayLiteral("Authorization")).trimmed();
    call.hasAuthorization = !authorization.isEmpty();
    // "Bearer" is case-insensitive (RFC 7235); anything else leaves the token empty: 401.
    if (authorization.size() > 7 && authorization.left(7).toLower() == "bearer ")
        call.token = QString::fromLatin1(authorization.mid(7).trimmed());
    return call;
}

} // namespace nb::transport
