#pragma once

#include "server/storage/ConnectionPool.h"
#include "server/storage/OutboxStore.h"

#include <QObject>
#include <QTimer>

#include <atomic>
#include <functional>
#include <memory>
#include <pqxx/connection>

class QSocketNotifier;

namespace nb::events {

class OutboxListener;

/// Hands committed outbox events on, in id order, after their transaction committed. Woken by
/// this process's commits (wake()), by PostgreSQL NOTIFY from other processes, and by a slow poll
/// as a backstop; reconnects its LISTEN
/// connection when the database comes back. Each batch is handed on before the transaction that
/// deletes it commits, so a crash in between delivers it again rather than losing it
/// (subscribers drop what they have by seq). Lives on its own thread: it blocks on the database.
class OutboxRelay : public QObject {
    Q_OBJECT
public:
    /// Receives each batch in id order; throwing keeps the batch in the outbox for the next drain.
    using Sink = std::function<void(const std::vector<storage::outbox::OutboxEvent>&)>;

    OutboxRelay(storage::ConnectionPool& pool, Sink sink, QObject* parent = nullptr);
    ~OutboxRelay() override;

    /// Starts listening and drains what is pending; call on the relay's thread.
    Q_INVOKABLE void start();
    /// Drains everything pending now; returns how many events were handed on.
    int drain();
    /// Asks for a drain on the relay's thread soon; callable from any thread.
    void wake();

signals:
    void drained(int count);

private:
    void listen();
    void onNotification();
    void dropListener();

    storage::ConnectionPool& m_pool;
    Sink m_sink;
    std::unique_ptr<pqxx::connection> m_listenConn;
    std::unique_ptr<OutboxListener> m_listener;
    QSocketNotifier* m_notifier = nullptr;
    QTimer m_poll;
    std::atomic<bool> m_wakeQueued{false};
};

} // namespace nb::events
