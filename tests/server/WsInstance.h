#pragma once

#include "server/events/EventBus.h"
#include "server/services/Services.h"
#include "server/storage/ConnectionPool.h"
#include "server/transport/Metrics.h"
#include "server/transport/RateLimiter.h"
#include "server/transport/Workers.h"
#include "server/transport/ws/WebSocketHub.h"

#include <QString>
#include <QUrl>

#include <memory>
#include <string>

namespace nb::test {

/// How a test server limits clients: generous by default so that only the abuse tests meet it.
struct WsLimits {
    transport::WsOptions options;
    double messagesPerSecond = 1000;
    double burst = 2000;
};

/// One server instance's WebSocket face, in-process: Workers, Services, Metrics, RateLimiter,
/// an EventBus and a WebSocketHub listening on 127.0.0.1 (a free port).
class WsInstance {
public:
    explicit WsInstance(const std::string& connectionString, const WsLimits& limits = {});
    ~WsInstance();

    storage::ConnectionPool& pool() { return m_pool; }
    services::Services& services() { return m_services; }
    events::EventBus& bus() { return m_bus; }
    transport::WebSocketHub& hub() { return *m_hub; }
    transport::Metrics& metrics() { return m_metrics; }
    quint16 port() const { return m_port; }
    QUrl url(const QString& path = QStringLiteral("/ws")) const;

private:
    storage::ConnectionPool m_pool;
    transport::Workers m_workers;
    services::Services m_services;
    transport::Metrics m_metrics;
    transport::RateLimiter m_limiter;
    events::EventBus m_bus;
    std::unique_ptr<transport::WebSocketHub> m_hub;
    quint16 m_port = 0;
};

} // namespace nb::test
