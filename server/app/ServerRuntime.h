#pragma once

#include "server/app/NetworkOptions.h"
#include "server/events/EventBus.h"
#include "server/services/ListingCache.h"
#include "server/storage/ConnectionPool.h"
#include "server/storage/OutboxStore.h"

#include <QThread>

#include <memory>
#include <optional>
#include <string>

namespace nb::events {
class OutboxRelay;
class RedisBridge;
} // namespace nb::events
namespace nb::scheduler {
class AuctionScheduler;
}
namespace nb::services {
struct Services;
}
namespace nb::transport {
class HttpApi;
class Metrics;
class RateLimiter;
class WebSocketHub;
class Workers;
} // namespace nb::transport

namespace nb::app {

/// The running server's moving parts, wired once: the connection pool, the event bus, the outbox
/// relay and the scheduler (each blocking part on its own thread) and, with enableNetwork(), the
/// worker pool, the HTTP API, the WebSocket hub and the Redis bridge. stop() (or destruction)
/// winds them down in reverse order.
class ServerRuntime {
public:
    ServerRuntime(const std::string& connectionString, int poolSize);
    ~ServerRuntime();
    ServerRuntime(const ServerRuntime&) = delete;
    ServerRuntime& operator=(const ServerRuntime&) = delete;

    /// Makes start() open the listeners (call before start()).
    void enableNetwork(NetworkOptions options);
    /// Throws std::runtime_error when a listener cannot be opened.
    void start();
    void stop();

    storage::ConnectionPool& pool() { return m_pool; }
    /// The listings' cache: services made beside the runtime's own report their changes to it
    /// (services::Services(pool(), &listingCache())) so that listings show them at once.
    services::ListingCache& listingCache() { return m_listingCache; }
    events::EventBus& bus() { return m_bus; }
    /// The ports actually bound (useful with port 0); 0 without the network.
    quint16 httpPort() const { return m_httpPort; }
    quint16 wsPort() const { return m_wsPort; }

private:
    void startNetwork();
    void publishCommitted(const std::vector<storage::outbox::OutboxEvent>& batch);

    storage::ConnectionPool m_pool;
    events::EventBus m_bus;
    /// Listings answered from memory (see ListingCache for how fresh); outlives every service.
    services::ListingCache m_listingCache;
    std::optional<NetworkOptions> m_network;
    std::unique_ptr<transport::Workers> m_workers;
    std::unique_ptr<services::Services> m_services;
    std::unique_ptr<transport::Metrics> m_metrics;
    std::unique_ptr<transport::RateLimiter> m_limiter;
    std::unique_ptr<events::RedisBridge> m_redis;
    std::unique_ptr<transport::HttpApi> m_http;
    std::unique_ptr<transport::WebSocketHub> m_ws;
    QThread m_relayThread;
    QThread m_schedulerThread;
    events::OutboxRelay* m_relay = nullptr;
    scheduler::AuctionScheduler* m_scheduler = nullptr;
    quint16 m_httpPort = 0;
    quint16 m_wsPort = 0;
    bool m_running = false;
};

} // namespace nb::app
