#include "server/transport/http/RequestPipeline.h"

#include "server/services/ImageService.h"
#include "server/services/ServiceError.h"
#include "server/services/Services.h"
#include "server/transport/Metrics.h"
#include "server/transport/RateLimiter.h"
#include "server/transport/http/HttpReplies.h"

#include <exception>

namespace nb::transport::http {

Q_LOGGING_CATEGORY(lcHttp, "neighborbid.http")

namespace pipeline {

namespace {

QString addressKey(const HttpCall& call)
{
    return QStringLiteral("ip:") + call.peer.toString();
}

qint64 bodyLimit(const RouteContext& context, const Route& route)
{
    return route.body == BodyKind::Image ? services::ImageService::kMaxBytes : context.options.maxBodyBytes;
}

QHttpServerResponse unauthorized(const QString& message)
{
    return errorReply(ErrorCode::Unauthorized, message);
}

/// Checks the token and sets call.user; an answer when the call must stop here.
std::optional<QHttpServerResponse> authenticate(const RouteContext& context, HttpCall& call)
{
    if (call.token.isEmpty())
        return unauthorized(QStringLiteral("The Authorization header must read 'Bearer <token>'."));
    call.user = context.services.auth.authenticate(call.token);
    if (!call.user) {
        // Guessing tokens costs a database lookup each: bound it per address.
        if (const std::optional<int> waitMs = context.limiter.admit(addressKey(call)))
            return rateLimitedReply(*waitMs);
        return unauthorized(QStringLiteral("The token is invalid or has expired; sign in again."));
    }
    if (const std::optional<int> waitMs = context.limiter.admit(QStringLiteral("user:%1").arg(call.user->id)))
        return rateLimitedReply(*waitMs);
    return std::nullopt;
}

} // namespace

std::optional<QHttpServerResponse> screen(const RouteContext& context, const Route& route,
                                          const HttpCall& call)
{
    const bool personal = route.access != Access::Public && call.hasAuthorization;
    if (!personal) {
        if (const std::optional<int> waitMs = context.limiter.admit(addressKey(call)))
            return rateLimitedReply(*waitMs);
    }
    if (route.access == Access::User && !call.hasAuthorization)
        return unauthorized(QStringLiteral("Sign in first: send 'Authorization: Bearer <token>'."));
    const qint64 limit = bodyLimit(context, route);
    if (call.body.size() > limit) {
        return errorReply(ErrorCode::PayloadTooLarge,
                          QStringLiteral("The request body is over %1 bytes.").arg(limit),
                          QJsonObject{{"max_bytes", limit}});
    }
    return std::nullopt;
}

QHttpServerResponse run(const RouteContext& context, const Route& route, HttpCall& call,
                        const Handler& handler)
{
    try {
        if (route.access != Access::Public && call.hasAuthorization) {
            if (std::optional<QHttpServerResponse> refusal = authenticate(context, call))
                return std::move(*refusal);
        }
        return handler(context, call);
    } catch (const services::ServiceError& e) {
        return errorReply(e.error());
    } catch (const std::exception& e) {
        qCWarning(lcHttp, "%s %s failed: %s", call.method.constData(), qPrintable(call.path), e.what());
    } catch (...) {
        qCWarning(lcHttp, "%s %s failed with an unknown exception", call.method.constData(),
                  qPrintable(call.path));
    }
    return internalErrorReply();
}

QHttpServerResponse finish(const RouteContext& context, const HttpCall& call, QHttpServerResponse response)
{
    context.metrics.countHttpRequest(call.route, static_cast<int>(response.statusCode()));
    context.metrics.observeLatency(QStringLiteral("http"),
                                   static_cast<double>(call.started.nsecsElapsed()) / 1e9);
    return response;
}

} // namespace pipeline
} // namespace nb::transport::http
