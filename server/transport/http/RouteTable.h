#pragma once

#include "server/transport/http/RequestPipeline.h"
#include "server/transport/http/Route.h"
#include "server/transport/http/RouteContext.h"

#include <QHttpServerResponse>
#include <QRegularExpression>
#include <QStringList>

#include <functional>
#include <memory>
#include <vector>

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponder;

namespace nb::transport {
class Workers;
}

namespace nb::transport::http {

/// Handlers of routes with one or two ids in their path ("/api/v1/auctions/<arg>/…").
using IdHandler = std::function<QHttpServerResponse(const RouteContext&, HttpCall&, qint64)>;
using IdIdHandler = std::function<QHttpServerResponse(const RouteContext&, HttpCall&, qint64, qint64)>;

/// Registers the API's routes on a QHttpServer so that each request is screened on the socket
/// thread, handled on the Workers and answered back on the socket thread
/// when its connection is still there, and counted in the metrics; remembers the routes to tell
/// an unknown path from a wrong method.
class RouteTable {
public:
    RouteTable(QHttpServer& server, Workers& workers, std::shared_ptr<const RouteContext> context);

    void add(const Route& route, Handler handler);
    void add(const Route& route, IdHandler handler);
    void add(const Route& route, IdIdHandler handler);

    /// The route serving method and path, or nullptr. With a wrong method, `allowed` receives
    /// the methods the path does take.
    const Route* match(const QByteArray& method, const QString& path, QStringList* allowed = nullptr) const;

    /// The answer to a request no route took: 404 not_found, naming the allowed methods when
    /// only the method was wrong.
    void answerUnmatched(const QHttpServerRequest& request, QHttpServerResponder&& responder) const;

private:
    struct Entry {
        Route route;
        QRegularExpression path;
    };

    void dispatch(const Route& route, const QHttpServerRequest& request, QHttpServerResponder&& responder,
                  Handler handler) const;
    void remember(const Route& route);

    QHttpServer& m_server;
    Workers& m_workers;
    std::shared_ptr<const RouteContext> m_context;
    std::vector<Entry> m_entries;
};

} // namespace nb::transport::http
