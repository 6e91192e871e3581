#include "server/events/RedisBridge.h"

#include "server/events/EventBus.h"
#include "server/events/RedisQtAdapter.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QUrl>

#include <algorithm>
#include <cstring>
#include <hiredis/async.h>
#include <hiredis/hiredis.h>
#include <stdexcept>
#include <utility>
#include <vector>

namespace nb::events {

Q_LOGGING_CATEGORY(lcRedis, "neighborbid.redis")

namespace {

constexpr int kFirstBackoffMs = 100;
constexpr int kMaxBackoffMs = 5000;
constexpr std::size_t kRememberedIds = 8192;
constexpr timeval kPublishConnectTimeout{1, 0};
constexpr timeval kPublishCommandTimeout{2, 0};

RedisBridge* bridgeOf(const redisAsyncContext* context)
{
    return static_cast<RedisBridge*>(context->data);
}

QByteArray messageFor(const storage::outbox::OutboxEvent& event)
{
    QJsonObject message;
    if (event.auctionId)
        message.insert(QStringLiteral("auction_id"), *event.auctionId);
    else if (event.userId)
        message.insert(QStringLiteral("user_id"), *event.userId);
    message.insert(QStringLiteral("outbox_id"), event.id);
    message.insert(QStringLiteral("payload"), event.payload);
    return QJsonDocument(message).toJson(QJsonDocument::Compact);
}

} // namespace

RedisBridge::RedisBridge(const QString& url, EventBus& bus, QObject* parent)
    : QObject(parent)
    , m_bus(bus)
    , m_backoffMs(kFirstBackoffMs)
{
    const QUrl parsed(url, QUrl::StrictMode);
    bool dbOk = true;
    const QString path = parsed.path();
    if (path.size() > 1)
        dbOk = path.mid(1).toInt(&dbOk) >= 0 && dbOk;
    if (!parsed.isValid() || parsed.scheme() != QLatin1String("redis") || parsed.host().isEmpty() || !dbOk ||
        parsed.port(6379) <= 0) {
        throw std::invalid_argument("the Redis URL must look like redis://host:port[/db]: " +
                                    url.toStdString());
    }
    // Pub/sub channels are shared by all databases, so the db number changes nothing here.
    m_host = parsed.host().toUtf8();
    m_port = parsed.port(6379);
    m_reconnect.setSingleShot(true);
    connect(&m_reconnect, &QTimer::timeout, this, &RedisBridge::connectSubscriber);
}

RedisBridge::~RedisBridge()
{
    m_stopping = true;
    if (m_subscriber) {
        redisAsyncContext* subscriber = std::exchange(m_subscriber, nullptr);
        subscriber->data = nullptr;
        redisAsyncFree(subscriber);
    }
    std::lock_guard lock(m_publishMutex);
    if (m_publisher)
        redisFree(m_publisher);
}

void RedisBridge::start()
{
    if (m_started)
        return;
    m_started = true;
    connectSubscriber();
}

QString RedisBridge::status() const
{
    return m_up.load() ? QStringLiteral("ok") : QStringLiteral("down");
}

void RedisBridge::publish(const std::vector<storage::outbox::OutboxEvent>& batch)
{
    if (batch.empty())
        return;
    std::vector<QByteArray> messages;
    messages.reserve(batch.size());
    for (const storage::outbox::OutboxEvent& event : batch)
        messages.push_back(messageFor(event));

    std::lock_guard lock(m_publishMutex);
    if (!m_publisher) {
        m_publisher = redisConnectWithTimeout(m_host.constData(), m_port, kPublishConnectTimeout);
        if (!m_publisher || m_publisher->err) {
            const std::string why = m_publisher ? m_publisher->errstr : "out of memory";
            if (m_publisher)
                redisFree(std::exchange(m_publisher, nullptr));
            throw std::runtime_error("cannot reach Redis to publish: " + why);
        }
        redisSetTimeout(m_publisher, kPublishCommandTimeout);
    }
    // Pipelined: the whole batch in one write, then its replies, so a batch costs one round trip
    // to Redis rather than one per event (a bid commits four or five). Redis runs them in order.
    for (const QByteArray& message : messages) {
        const char* argv[] = {"PUBLISH", kChannel, message.constData()};
        const std::size_t lengths[] = {std::strlen("PUBLISH"), std::strlen(kChannel),
                                       static_cast<std::size_t>(message.size())};
        redisAppendCommandArgv(m_publisher, 3, argv, lengths);
    }
    std::string refusal;
    bool unheard = false;
    for (std::size_t i = 0; i < messages.size(); ++i) {
        void* raw = nullptr;
        if (redisGetReply(m_publisher, &raw) != REDIS_OK || !raw) {
            const std::string why = m_publisher->errstr;
            redisFree(std::exchange(m_publisher, nullptr));
            throw std::runtime_error("publishing to Redis failed: " + why);
        }
        auto* reply = static_cast<redisReply*>(raw);
        if (reply->type == REDIS_REPLY_ERROR && refusal.empty())
            refusal.assign(reply->str, reply->len);
        // Every instance, this one included, subscribes to the channel; a message that reached
        // no subscriber was published while they were all reconnecting, and would be lost.
        if (reply->type == REDIS_REPLY_INTEGER && reply->integer == 0)
            unheard = true;
        freeReplyObject(reply);
    }
    // Failing keeps the whole batch in the outbox; what did go out is published again with it,
    // and subscribers take each outbox id once.
    if (!refusal.empty())
        throw std::runtime_error("Redis refused to publish: " + refusal);
    if (unheard)
        throw std::runtime_error("no instance is subscribed to Redis yet; the events wait in the outbox");
}

void RedisBridge::connectSubscriber()
{
    if (m_stopping || m_subscriber)
        return;
    redisAsyncContext* context = redisAsyncConnect(m_host.constData(), m_port);
    if (!context || context->err) {
        const std::string why = context ? context->errstr : "out of memory";
        if (context)
            redisAsyncFree(context);
        onSubscriberLost("cannot connect", why.c_str());
        return;
    }
    context->data = this;
    RedisQtAdapter::attach(context, this);
    redisAsyncSetConnectCallback(context, &RedisBridge::onConnectCallback);
    redisAsyncSetDisconnectCallback(context, &RedisBridge::onDisconnectCallback);
    const char* argv[] = {"SUBSCRIBE", kChannel};
    const std::size_t lengths[] = {std::strlen("SUBSCRIBE"), std::strlen(kChannel)};
    m_subscriber = context;
    redisAsyncCommandArgv(context, &RedisBridge::onMessageCallback, this, 2, argv, lengths);
}

void RedisBridge::onConnectCallback(const redisAsyncContext* context, int status)
{
    RedisBridge* bridge = bridgeOf(context);
    if (!bridge || status == REDIS_OK)
        return; // subscribed once SUBSCRIBE is confirmed
    // hiredis frees the context right after this callback.
    bridge->m_subscriber = nullptr;
    bridge->onSubscriberLost("cannot connect", context->errstr);
}

void RedisBridge::onDisconnectCallback(const redisAsyncContext* context, int status)
{
    RedisBridge* bridge = bridgeOf(context);
    if (!bridge)
        return;
    // hiredis frees the context right after this callback.
    bridge->m_subscriber = nullptr;
    bridge->onSubscriberLost("lost the subscription", status == REDIS_OK ? "closed" : context->errstr);
}

void RedisBridge::onMessageCallback(redisAsyncContext* context, void* reply, void* privdata)
{
    if (!reply || !context->data)
        return; // the context is being freed
    static_cast<RedisBridge*>(privdata)->onReply(reply);
}

void RedisBridge::onSubscriberLost(const char* what, const char* why)
{
    if (m_stopping)
        return;
    // One warning per outage; the retries that follow it only at debug level.
    if (m_up.load() || !m_missedSomething)
        qCWarning(lcRedis, "Redis: %s (%s); retrying with back-off", what, why);
    else
        qCDebug(lcRedis, "Redis: %s (%s); retrying in %d ms", what, why, m_backoffMs);
    setUp(false);
    m_missedSomething = true;
    m_reconnect.start(m_backoffMs);
    m_backoffMs = std::min(m_backoffMs * 2, kMaxBackoffMs);
}

void RedisBridge::onReply(void* reply)
{
    const auto* r = static_cast<const redisReply*>(reply);
    if (r->type != REDIS_REPLY_ARRAY || r->elements < 3 || r->element[0]->type != REDIS_REPLY_STRING)
        return;
    const QByteArray kind(r->element[0]->str, static_cast<qsizetype>(r->element[0]->len));
    if (kind == "message" && r->element[2]->type == REDIS_REPLY_STRING) {
        deliver(QByteArray(r->element[2]->str, static_cast<qsizetype>(r->element[2]->len)));
    } else if (kind == "subscribe") {
        m_backoffMs = kFirstBackoffMs;
        setUp(true);
        qCInfo(lcRedis, "subscribed to %s", kChannel);
        if (std::exchange(m_missedSomething, false))
            emit resynchronised();
    }
}

void RedisBridge::deliver(const QByteArray& message)
{
    const QJsonObject json = QJsonDocument::fromJson(message).object();
    const qint64 outboxId = json.value(QStringLiteral("outbox_id")).toInteger(0);
    if (outboxId > 0 && !firstSighting(outboxId))
        return; // a batch the relay published again after a failure
    const QJsonObject payload = json.value(QStringLiteral("payload")).toObject();
    if (const qint64 auctionId = json.value(QStringLiteral("auction_id")).toInteger(0); auctionId > 0)
        m_bus.publishAuctionEvent(auctionId, payload);
    else if (const qint64 userId = json.value(QStringLiteral("user_id")).toInteger(0); userId > 0)
        m_bus.publishUserEvent(userId, payload);
    else
        qCWarning(lcRedis, "ignoring a malformed message on %s", kChannel);
}

void RedisBridge::setUp(bool up)
{
    if (m_up.exchange(up) != up)
        emit statusChanged(up ? QStringLiteral("ok") : QStringLiteral("down"));
}

bool RedisBridge::firstSighting(qint64 outboxId)
{
    if (m_seen.contains(outboxId))
        return false;
    m_seen.insert(outboxId);
    m_seenOrder.push_back(outboxId);
    if (m_seenOrder.size() > kRememberedIds) {
        m_seen.remove(m_seenOrder.front());
        m_seenOrder.pop_front();
    }
    return true;
}

} // namespace nb::events
