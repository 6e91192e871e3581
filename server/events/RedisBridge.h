#pragma once

#include "server/storage/OutboxStore.h"

#include <QByteArray>
#include <QObject>
#include <QSet>
#include <QString>
#include <QTimer>

#include <atomic>
#include <deque>
#include <mutex>

struct redisAsyncContext;
struct redisContext;

namespace nb::events {

class EventBus;

/// Carries committed events between server instances over Redis pub/sub, on the channel
/// "neighborbid:events", each message {"auction_id"|"user_id", "outbox_id", "payload"}.
///
/// Publishing: the outbox relay hands every batch to publish() on its own thread, which sends
/// it, pipelined, on a synchronous connection of its own and throws when Redis cannot take it,
/// so that the relay keeps the batch and tries again: nothing committed is lost while Redis is
/// down.
/// Subscribing: an asynchronous connection on the bridge's thread, driven by RedisQtAdapter,
/// hands every message to the EventBus (each outbox event once, even when a retried batch is
/// published twice). When it drops, status() turns "down" and the bridge reconnects with
/// exponential back-off (100 ms .. 5 s); once subscribed again it emits resynchronised(), so
/// that the hub replays from the database what went by meanwhile.
class RedisBridge : public QObject {
    Q_OBJECT
public:
    static constexpr const char* kChannel = "neighborbid:events";

    /// url: redis://host:port[/db]. Throws std::invalid_argument for anything else.
    RedisBridge(const QString& url, EventBus& bus, QObject* parent = nullptr);
    ~RedisBridge() override;

    /// Connects and subscribes; reconnects by itself from then on.
    void start();
    /// PUBLISHes committed events, in order, in one round trip. Thread-safe; called from the
    /// outbox relay's thread. Throws std::runtime_error when Redis did not take every one.
    void publish(const std::vector<storage::outbox::OutboxEvent>& batch);
    /// "ok" while subscribed, else "down". Thread-safe.
    QString status() const;

signals:
    /// Subscribed again after an outage (or after a failed first attempt).
    void resynchronised();
    /// "ok" or "down", on every change.
    void statusChanged(const QString& status);

private:
    static void onConnectCallback(const redisAsyncContext* context, int status);
    static void onDisconnectCallback(const redisAsyncContext* context, int status);
    static void onMessageCallback(redisAsyncContext* context, void* reply, void* privdata);

    void connectSubscriber();
    void onSubscriberLost(const char* what, const char* why);
    void onReply(void* reply);
    void deliver(const QByteArray& message);
    void setUp(bool up);
    /// True the first time an outbox id is seen (a bounded memory of recent ones).
    bool firstSighting(qint64 outboxId);

    QByteArray m_host;
    int m_port = 6379;
    EventBus& m_bus;

    redisAsyncContext* m_subscriber = nullptr;
    QTimer m_reconnect;
    int m_backoffMs;
    bool m_started = false;
    bool m_stopping = false;
    bool m_missedSomething = false;
    std::atomic<bool> m_up{false};
    QSet<qint64> m_seen;
    std::deque<qint64> m_seenOrder;

    std::mutex m_publishMutex;
    redisContext* m_publisher = nullptr;
};

} // namespace nb::events
