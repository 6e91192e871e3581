#pragma once

#include "server/events/EventBus.h"
#include "server/storage/ConnectionPool.h"

#include <QThread>

#include <memory>
#include <string>

namespace nb::events {
class OutboxRelay;
}
namespace nb::scheduler {
class AuctionScheduler;
}

namespace nb::app {

/// The running server's moving parts, wired once: the connection pool, the event bus, the outbox
/// relay and the scheduler, each blocking part on its own thread. stop() (or destruction) winds
/// them down in reverse order.
class ServerRuntime {
public:
    ServerRuntime(const std::string& connectionString, int poolSize);
    ~ServerRuntime();
    ServerRuntime(const ServerRuntime&) = delete;
    ServerRuntime& operator=(const ServerRuntime&) = delete;

    void start();
    void stop();

    storage::ConnectionPool& pool() { return m_pool; }
    events::EventBus& bus() { return m_bus; }

private:
    storage::ConnectionPool m_pool;
    events::EventBus m_bus;
    QThread m_relayThread;
    QThread m_schedulerThread;
    events::OutboxRelay* m_relay = nullptr;
    scheduler::AuctionScheduler* m_scheduler = nullptr;
    bool m_running = false;
};

} // namespace nb::app
