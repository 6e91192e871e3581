#include "server/app/ServerRuntime.h"

#include "server/events/OutboxRelay.h"
#include "server/scheduler/AuctionScheduler.h"

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

void ServerRuntime::start()
{
    if (m_running)
        return;
    m_relay = new events::OutboxRelay(m_pool, [this](const storage::outbox::OutboxEvent& e) {
        if (e.auctionId)
            m_bus.publishAuctionEvent(*e.auctionId, e.payload);
        else if (e.userId)
            m_bus.publishUserEvent(*e.userId, e.payload);
    });
    m_relay->moveToThread(&m_relayThread);
    QObject::connect(&m_relayThread, &QThread::finished, m_relay, &QObject::deleteLater);

    m_scheduler = new scheduler::AuctionScheduler(m_pool);
    m_scheduler->moveToThread(&m_schedulerThread);
    QObject::connect(&m_schedulerThread, &QThread::finished, m_scheduler, &QObject::deleteLater);

    m_relayThread.start();
    m_schedulerThread.start();
    QMetaObject::invokeMethod(m_relay, "start", Qt::QueuedConnection);
    QMetaObject::invokeMethod(m_scheduler, "start", Qt::QueuedConnection);
    m_running = true;
}

void ServerRuntime::stop()
{
    if (!m_running)
        return;
    m_schedulerThread.quit();
    m_schedulerThread.wait();
    m_relayThread.quit();
    m_relayThread.wait();
    m_scheduler = nullptr;
    m_relay = nullptr;
    m_running = false;
}

} // namespace nb::app
