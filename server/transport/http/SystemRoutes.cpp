#include "server/services/Services.h"
#include "server/transport/Metrics.h"
#include "server/transport/http/HttpReplies.h"
#include "server/transport/http/RouteTable.h"
#include "server/transport/http/Routes.h"
#include "shared/protocol/Json.h"

#include <QJsonArray>

#include <chrono>
#include <pqxx/pqxx>

namespace nb::transport::http {

namespace {

using Method = QHttpServerRequest::Method;

/// A round trip to the database on a pooled connection, failing fast when it is unreachable.
bool databaseAnswers(storage::ConnectionPool& pool)
{
    try {
        storage::ConnectionPool::Lease lease = pool.acquire(std::chrono::seconds(2));
        try {
            pqxx::nontransaction tx(*lease);
            tx.exec("SELECT 1");
            return true;
        } catch (const pqxx::broken_connection&) {
            lease.discard();
        }
    } catch (const std::exception&) {
        // Unreachable, or no connection free within the wait: either way not healthy.
    }
    return false;
}

QHttpServerResponse health(const RouteContext& context, HttpCall&)
{
    const bool databaseUp = databaseAnswers(context.services.pool);
    const QString redis = context.options.redisStatus ? context.options.redisStatus() : QStringLiteral("off");
    const QJsonObject body{{"status", databaseUp ? "ok" : "unavailable"},
                           {"version", QStringLiteral(NEIGHBORBID_VERSION)},
                           {"db", databaseUp ? "ok" : "down"},
                           {"redis", redis}};
    return jsonReply(body, databaseUp ? 200 : 503);
}

QHttpServerResponse metrics(const RouteContext& context, HttpCall& call)
{
    if (!context.options.metricsPublic && !call.peer.isLoopback())
        return errorReply(ErrorCode::Forbidden, QStringLiteral("Metrics are served to local peers only."));
    return bytesReply(QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8"),
                      context.metrics.render(&context.services.pool).toUtf8());
}

/// Reference data changes only with a migration: clients may keep it for an hour.
QHttpServerResponse referenceData(const QJsonArray& items)
{
    QHttpServerResponse response = jsonReply(QJsonObject{{"items", items}});
    response.setHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("public, max-age=3600"));
    return response;
}

} // namespace

void addSystemRoutes(RouteTable& routes)
{
    routes.add(Route{Method::Get, QStringLiteral("/api/v1/health")}, Handler(health));
    routes.add(Route{Method::Get, QStringLiteral("/metrics")}, Handler(metrics));
    routes.add(Route{Method::Get, QStringLiteral("/api/v1/regions")},
               Handler([](const RouteContext& context, HttpCall&) {
                   return referenceData(toJsonArray(context.services.listings.regions()));
               }));
    routes.add(Route{Method::Get, QStringLiteral("/api/v1/categories")},
               Handler([](const RouteContext& context, HttpCall&) {
                   return referenceData(toJsonArray(context.services.listings.categories()));
               }));
}

} // namespace nb::transport::http
