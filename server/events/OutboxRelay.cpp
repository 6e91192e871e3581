#include "server/events/OutboxRelay.h"

#include "server/storage/Transaction.h"

#include <QLoggingCategory>
#include <QSocketNotifier>

#include <pqxx/connection>
#include <pqxx/notification>

namespace nb::events {

Q_LOGGING_CATEGORY(lcRelay, "neighborbid.relay")

namespace {
constexpr int kBatchSize = 500;
constexpr int kPollMs = 1000;
constexpr int kRetryWhenBusyMs = 5;
} // namespace

/// Receives the outbox channel's notifications; the payload is empty, the wake-up is the message.
class OutboxListener : public pqxx::notification_receiver {
public:
    explicit OutboxListener(pqxx::connection& conn)
        : pqxx::notification_receiver(conn, storage::outbox::kNotifyChannel)
    {}
    void operator()(const std::string&, int) override {}
};

OutboxRelay::OutboxRelay(storage::ConnectionPool& pool, Sink sink, QObject* parent)
    : QObject(parent)
    , m_pool(pool)
    , m_sink(std::move(sink))
    , m_poll(this) // a child moves to the relay's thread with it
{
    m_poll.setInterval(kPollMs);
    connect(&m_poll, &QTimer::timeout, this, [this] {
        if (!m_listenConn)
            listen();
        drain();
    });
}

OutboxRelay::~OutboxRelay()
{
    dropListener();
}

void OutboxRelay::start()
{
    listen();
    drain();
    m_poll.start();
}

void OutboxRelay::wake()
{
    // Coalesced: one queued drain covers every commit that happened before it runs.
    if (!m_wakeQueued.exchange(true))
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_wakeQueued = false;
                drain();
            },
            Qt::QueuedConnection);
}

int OutboxRelay::drain()
{
    int total = 0;
    bool anotherRelayDrains = false;
    try {
        for (;;) {
            const int handed = storage::inTransaction(m_pool, [&](pqxx::work& tx) {
                const auto batch = storage::outbox::takeBatch(tx, kBatchSize);
                if (!batch) {
                    anotherRelayDrains = true;
                    return 0;
                }
                m_sink(*batch);
                return static_cast<int>(batch->size());
            });
            total += handed;
            if (handed < kBatchSize)
                break;
        }
    } catch (const std::exception& e) {
        // The events stay in the outbox and go out on the next wake-up or poll.
        qCWarning(lcRelay, "outbox relay paused: %s", e.what());
    }
    // Another instance's relay holds the drain; what it took before our events committed
    // would leave ours waiting for the poll, so look again shortly.
    if (anotherRelayDrains)
        QTimer::singleShot(kRetryWhenBusyMs, this, [this] { wake(); });
    if (total > 0)
        emit drained(total);
    return total;
}

void OutboxRelay::listen()
{
    try {
        m_listenConn = std::make_unique<pqxx::connection>(m_pool.connectionString());
        m_listener = std::make_unique<OutboxListener>(*m_listenConn);
        m_notifier = new QSocketNotifier(m_listenConn->sock(), QSocketNotifier::Read, this);
        connect(m_notifier, &QSocketNotifier::activated, this, &OutboxRelay::onNotification);
    } catch (const std::exception& e) {
        qCWarning(lcRelay, "cannot listen for outbox notifications (polling meanwhile): %s", e.what());
        dropListener();
    }
}

void OutboxRelay::onNotification()
{
    try {
        m_listenConn->get_notifs();
    } catch (const pqxx::broken_connection&) {
        qCWarning(lcRelay, "lost the notification connection; reconnecting on the next poll");
        dropListener();
        return;
    }
    drain();
}

void OutboxRelay::dropListener()
{
    if (m_notifier) {
        m_notifier->setEnabled(false);
        m_notifier->deleteLater();
        m_notifier = nullptr;
    }
    m_listener.reset();
    m_listenConn.reset();
}

} // namespace nb::events
