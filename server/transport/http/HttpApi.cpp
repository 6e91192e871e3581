#include "server/transport/http/HttpApi.h"

#include "server/services/ImageService.h"
#include "server/transport/Metrics.h"
#include "server/transport/Workers.h"
#include "server/transport/http/HttpTcpServer.h"
#include "server/transport/http/RouteTable.h"
#include "server/transport/http/Routes.h"

#include <QHttpServer>

namespace nb::transport {

HttpApi::HttpApi(services::Services& services, Workers& workers, Metrics& metrics, RateLimiter& limiter,
                 HttpOptions options, QObject* parent)
    : QObject(parent)
    , m_context(std::make_shared<const http::RouteContext>(
          http::RouteContext{services, metrics, limiter, std::move(options)}))
    , m_server(new QHttpServer(this))
    , m_routes(std::make_unique<http::RouteTable>(*m_server, workers, m_context))
{
    http::addSystemRoutes(*m_routes);
    http::addAuthRoutes(*m_routes);
    http::addAuctionRoutes(*m_routes);
    http::addImageRoutes(*m_routes);
    http::addBidRoutes(*m_routes);
    http::addCommunityRoutes(*m_routes);
    http::addMeRoutes(*m_routes);
    http::addWalletRoutes(*m_routes);
    m_server->setMissingHandler([this](const QHttpServerRequest& request, QHttpServerResponder&& responder) {
        m_routes->answerUnmatched(request, std::move(responder));
    });
}

HttpApi::~HttpApi()
{
    // The server's connections call back into the route table: close them first.
    delete m_server;
}

quint16 HttpApi::listen(const QHostAddress& address, quint16 port,
                        const std::optional<QSslConfiguration>& ssl)
{
    auto* server = new http::HttpTcpServer(
        ssl, [this](const QByteArray& method, const QString& path) { return bodyLimit(method, path); },
        [this](const QByteArray& method, const QString& path) {
            const http::Route* route = m_routes->match(method, path);
            m_context->metrics.countHttpRequest(route ? route->pattern : QStringLiteral("(unmatched)"), 413);
        });
    if (!server->listen(address, port)) {
        qCWarning(http::lcHttp, "cannot listen on %s:%u: %s", qPrintable(address.toString()), unsigned(port),
                  qPrintable(server->errorString()));
        delete server;
        return 0;
    }
    m_server->bind(server);
    return server->serverPort();
}

qint64 HttpApi::bodyLimit(const QByteArray& method, const QString& path) const
{
    const http::Route* route = m_routes->match(method, path);
    if (route && route->body == http::BodyKind::Image)
        return services::ImageService::kMaxBytes;
    return m_context->options.maxBodyBytes;
}

} // namespace nb::transport
