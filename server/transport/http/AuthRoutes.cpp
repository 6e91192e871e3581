#include "server/services/Services.h"
#include "server/transport/http/HttpInput.h"
#include "server/transport/http/HttpReplies.h"
#include "server/transport/http/RouteTable.h"
#include "server/transport/http/Routes.h"
#include "shared/protocol/Json.h"

namespace nb::transport::http {

namespace {

using Method = QHttpServerRequest::Method;

QJsonObject toJson(const services::Session& session)
{
    return QJsonObject{{"token", session.token}, {"user", nb::toJson(session.user)}};
}

QHttpServerResponse registerUser(const RouteContext& context, HttpCall& call)
{
    JsonReader in(jsonObjectBody(call.body));
    services::Registration registration;
    registration.username = in.string(QStringLiteral("username"));
    registration.password = in.string(QStringLiteral("password"));
    registration.displayName = in.optionalString(QStringLiteral("display_name"));
    registration.regionId = in.optionalId(QStringLiteral("region_id"));
    if (!in.ok())
        throwBadRequest(in.error());
    return createdReply(toJson(context.services.auth.registerUser(registration)));
}

QHttpServerResponse login(const RouteContext& context, HttpCall& call)
{
    JsonReader in(jsonObjectBody(call.body));
    const QString username = in.string(QStringLiteral("username"));
    const QString password = in.string(QStringLiteral("password"));
    if (!in.ok())
        throwBadRequest(in.error());
    return jsonReply(toJson(context.services.auth.login(username, password)));
}

QHttpServerResponse logout(const RouteContext& context, HttpCall& call)
{
    context.services.auth.logout(call.token);
    return noContentReply();
}

} // namespace

void addAuthRoutes(RouteTable& routes)
{
    routes.add(Route{Method::Post, QStringLiteral("/api/v1/auth/register"), Access::Public, BodyKind::Json},
               Handler(registerUser));
    routes.add(Route{Method::Post, QStringLiteral("/api/v1/auth/login"), Access::Public, BodyKind::Json},
               Handler(login));
    routes.add(Route{Method::Post, QStringLiteral("/api/v1/auth/logout"), Access::User}, Handler(logout));
}

} // namespace nb::transport::http
