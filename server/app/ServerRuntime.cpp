#include "server/app/ServerRuntime.h"

#include "server/events/OutboxRelay.h"
#include "server/events/RedisBridge.h"
#include "server/scheduler/AuctionScheduler.h"
#include "server/services/Services.h"
#include "server/transport/Metrics.h"
#include "server/transport/RateLimiter.h"
#include "server/transport/Workers.h"
#include "server/transport/http/HttpApi.h"
#include "server/transport/ws/WebSocketHub.h"

#include <stdexcept>

namespace nb::app {

ServerRuntime::ServerRuntime(const std::string& connectionString, int poolSize)
    : m_pool(connectionString, poolSize)
{
    m_relayThread.setObjectName(QStringLiteral("outbox-relay"));
    m_schedulerThread.setObjectName(QStringLiteral("scheduler"));
}

ServerRuntime::~ServerRuntime()
{
    stop();
}

void ServerRuntime::enableNetwork(NetworkOptions options)
{
    m_network = std::move(options);
}

void ServerRuntime::start()
{
    if (m_running)
        return;
    if (m_network)
        startNetwork();

    m_relay = new events::OutboxRelay(
        m_pool, [this](const std::vector<storage::outbox::OutboxEvent>& batch) { publishCommitted(batch); });
    m_relay->moveToThread(&m_relayThread);
    QObject::connect(&m_relayThread, &QThread::finished, m_relay, &QObject::deleteLater);
    // This process's commits wake its relay directly (no NOTIFY inside the transactions).
    events::OutboxRelay* relay = m_relay;
    m_pool.setOutboxCommittedHandler([relay] { relay->wake(); });

    m_scheduler = new scheduler::AuctionScheduler(m_pool, services::ListingChanges(&m_listingCache));
    m_scheduler->moveToThread(&m_schedulerThread);
    QObject::connect(&m_schedulerThread, &QThread::finished, m_scheduler, &QObject::deleteLater);

    m_relayThread.start();
    m_schedulerThread.start();
    QMetaObject::invokeMethod(m_relay, "start", Qt::QueuedConnection);
    QMetaObject::invokeMethod(m_scheduler, "start", Qt::QueuedConnection);
    m_running = true;
}

void ServerRuntime::startNetwork()
{
    const NetworkOptions& net = *m_network;
    // One worker per database connection, less the two the relay and the scheduler use and
    // the workers' reserve for bids holding their auction's turn.
    m_workers = std::make_unique<transport::Workers>(
        std::max(2, m_pool.size() - 2 - transport::Workers::kTurnReserve));
    m_services = std::make_unique<services::Services>(m_pool, &m_listingCache);
    m_services->listings.warmUpCache();
    m_metrics = std::make_unique<transport::Metrics>();
    m_limiter = std::make_unique<transport::RateLimiter>(net.rateLimit, 2 * net.rateLimit);

    if (!net.redisUrl.isEmpty()) {
        m_redis = std::make_unique<events::RedisBridge>(net.redisUrl, m_bus);
        m_redis->start();
    }

    transport::HttpOptions httpOptions;
    events::RedisBridge* redis = m_redis.get();
    httpOptions.redisStatus = [redis] { return redis ? redis->status() : QStringLiteral("off"); };
    m_http =
        std::make_unique<transport::HttpApi>(*m_services, *m_workers, *m_metrics, *m_limiter, httpOptions);
    m_httpPort = m_http->listen(net.listen, net.httpPort, net.tls);
    if (m_httpPort == 0)
        throw std::runtime_error(QStringLiteral("cannot listen for HTTP on %1:%2")
                                     .arg(net.listen.toString())
                                     .arg(net.httpPort)
                                     .toStdString());

    transport::WsOptions wsOptions;
    wsOptions.allowedOrigins = net.allowedOrigins;
    m_ws = std::make_unique<transport::WebSocketHub>(*m_services, *m_workers, m_bus, *m_metrics, *m_limiter,
                                                     wsOptions);
    m_wsPort = m_ws->listen(net.listen, net.wsPort, net.tls);
    if (m_wsPort == 0)
        throw std::runtime_error(QStringLiteral("cannot listen for WebSocket on %1:%2")
                                     .arg(net.listen.toString())
                                     .arg(net.wsPort)
                                     .toStdString());
    if (m_redis) {
        transport::WebSocketHub* hub = m_ws.get();
        QObject::connect(m_redis.get(), &events::RedisBridge::resynchronised, hub,
                         [hub] { hub->resynchronise(); });
    }
}

void ServerRuntime::publishCommitted(const std::vector<storage::outbox::OutboxEvent>& batch)
{
    // With Redis every instance (this one included) delivers what arrives on the channel;
    // without it this instance is the only one and delivers directly.
    if (m_redis)
        m_redis->publish(batch);
    else
        m_bus.publish(batch);
}

void ServerRuntime::stop()
{
    if (!m_running)
        return;
    m_schedulerThread.quit();
    m_schedulerThread.wait();
    m_pool.setOutboxCommittedHandler({}); // the relay goes with its thread
    m_relayThread.quit();
    m_relayThread.wait();
    m_scheduler = nullptr;
    m_relay = nullptr;
    // The workers finish what they hold first (the event loop is blocked meanwhile, so no new
    // work arrives), so that no task posts its answer to a listener being destroyed; answers
    // still queued go with their listeners.
    if (m_workers)
        m_workers->drain();
    m_ws.reset();
    m_http.reset();
    m_workers.reset();
    m_redis.reset();
    m_services.reset();
    m_running = false;
}

} // namespace nb::app
