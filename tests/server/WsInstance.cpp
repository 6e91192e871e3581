#include "tests/server/WsInstance.h"

#include <QHostAddress>

namespace nb::test {

namespace {

constexpr int kInstanceConnections = 6;

} // namespace

WsInstance::WsInstance(const std::string& connectionString, const WsLimits& limits)
    : m_pool(connectionString, kInstanceConnections)
    , m_workers(kInstanceConnections)
    , m_services(m_pool)
    , m_limiter(limits.messagesPerSecond, limits.burst)
{
    m_hub = std::make_unique<transport::WebSocketHub>(m_services, m_workers, m_bus, m_metrics, m_limiter,
                                                      limits.options);
    m_port = m_hub->listen(QHostAddress::LocalHost, 0, std::nullopt);
}

WsInstance::~WsInstance()
{
    m_hub.reset();
    // Work still running uses the services, which go before the workers do.
    m_workers.pool().waitForDone();
}

QUrl WsInstance::url(const QString& path) const
{
    return QUrl(QStringLiteral("ws://127.0.0.1:%1%2").arg(m_port).arg(path));
}

} // namespace nb::test
