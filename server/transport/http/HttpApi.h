#pragma once

#include "server/transport/http/HttpOptions.h"

#include <QHostAddress>
#include <QObject>
#include <QSslConfiguration>

#include <memory>
#include <optional>

class QHttpServer;

namespace nb::services {
struct Services;
}

namespace nb::transport {

class Metrics;
class RateLimiter;
class Workers;

namespace http {
class RouteTable;
struct RouteContext;
} // namespace http

/// The REST API of PROTOCOL.md ("HTTP") on QHttpServer. Every route runs its service calls on
/// the Workers, never on the thread that serves the sockets; answers are JSON (image bytes and
/// /metrics aside), errors the protocol's envelope. Anonymous calls are rate-limited per address
/// ("ip:ADDR"), signed-in ones per user ("user:ID"); bodies over their route's limit are refused
/// with 413 before they are read in full. A path no route serves, or a method a path does not
/// take, is 404 not_found (the latter naming the allowed methods in details.allowed).
///
/// Lifetime: services, metrics and limiter must outlive the workers' queued tasks (destroy the
/// HttpApi, then the Workers, then the rest).
class HttpApi : public QObject {
    Q_OBJECT
public:
    HttpApi(services::Services& services, Workers& workers, Metrics& metrics, RateLimiter& limiter,
            HttpOptions options, QObject* parent = nullptr);
    ~HttpApi() override;

    /// The port listened on (the chosen one for port 0), 0 on failure. With ssl set, serves HTTPS.
    /// May be called more than once to listen on several addresses.
    quint16 listen(const QHostAddress& address, quint16 port, const std::optional<QSslConfiguration>& ssl);

private:
    qint64 bodyLimit(const QByteArray& method, const QString& path) const;

    std::shared_ptr<const http::RouteContext> m_context;
    QHttpServer* m_server;
    std::unique_ptr<http::RouteTable> m_routes;
};

} // namespace nb::transport
