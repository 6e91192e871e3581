#include "client/net/LiveClient.h"

#include "shared/protocol/Json.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkRequest>

#include <algorithm>

namespace nb::client {

namespace {

Q_LOGGING_CATEGORY(lcLive, "nb.client.live")

constexpr int kDefaultPingIntervalMs = 20'000;
constexpr int kDefaultSilenceTimeoutMs = 15'000;
const QString kSubscribePrefix = QStringLiteral("sub-");

/// "sub-42-7" -> 42: which auction a subscribe request was for.
std::optional<qint64> auctionOfSubscribeRequest(const QString& requestId)
{
    if (!requestId.startsWith(kSubscribePrefix))
        return std::nullopt;
    bool ok = false;
    const qint64 id = requestId.mid(kSubscribePrefix.size()).section(QLatin1Char('-'), 0, 0).toLongLong(&ok);
    return ok ? std::optional<qint64>(id) : std::nullopt;
}

} // namespace

LiveClient::LiveClient(QObject* parent)
    : QObject(parent)
{
    registerMetaTypes();
    m_clock.start();
    m_reconnectTimer.setSingleShot(true);
    m_silenceTimer.setSingleShot(true);
    m_pingTimer.setInterval(kDefaultPingIntervalMs);
    m_silenceTimer.setInterval(kDefaultSilenceTimeoutMs);
    m_subscribeTimer.setSingleShot(true);
    m_subscribeTimer.setInterval(kSubscribePaceMs);
    connect(&m_subscribeTimer, &QTimer::timeout, this, &LiveClient::pumpSubscriptions);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &LiveClient::open);
    connect(&m_pingTimer, &QTimer::timeout, this, &LiveClient::sendPing);
    connect(&m_silenceTimer, &QTimer::timeout, this, [this] {
        qCInfo(lcLive, "no answer from the server within %d ms: reconnecting", m_silenceTimer.interval());
        m_socket.abort();
    });
    connect(&m_socket, &QWebSocket::connected, this, &LiveClient::onConnected);
    connect(&m_socket, &QWebSocket::disconnected, this, &LiveClient::onDisconnected);
    connect(&m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this](QAbstractSocket::SocketError) {
                qCInfo(lcLive) << "socket error:" << m_socket.errorString();
                if (m_socket.state() == QAbstractSocket::UnconnectedState)
                    onDisconnected();
            });
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &LiveClient::onTextMessage);
}

LiveClient::~LiveClient()
{
    // The socket is a member: quiet it so that its disconnected() does not call back into a
    // half-destroyed object.
    m_wanted = false;
    m_socket.disconnect(this);
    m_socket.abort();
}

void LiveClient::setUrl(const QUrl& url)
{
    if (url == m_url)
        return;
    m_url = url;
    if (m_wanted) { // a new server: start over there
        m_socket.abort();
        m_backoff.reset();
        m_reconnectTimer.stop();
        open();
    }
}

void LiveClient::setToken(const QString& token)
{
    if (token == m_token)
        return;
    m_token = token;
    if (m_socket.state() == QAbstractSocket::ConnectedState)
        sendHello();
}

void LiveClient::setKeepAlive(int intervalMs, int timeoutMs)
{
    m_pingTimer.setInterval(intervalMs);
    m_silenceTimer.setInterval(timeoutMs);
}

void LiveClient::start()
{
    m_wanted = true;
    if (m_state == State::Disconnected && !m_reconnectTimer.isActive())
        open();
}

void LiveClient::stop()
{
    m_wanted = false;
    m_reconnectTimer.stop();
    m_pingTimer.stop();
    m_silenceTimer.stop();
    m_socket.abort();
    failPending(tr("The live connection was closed."));
    setState(State::Disconnected);
}

void LiveClient::open()
{
    if (!m_wanted || !m_url.isValid())
        return;
    m_socket.abort();
    setState(State::Connecting);
    m_socket.open(QNetworkRequest(m_url));
}

void LiveClient::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void LiveClient::onConnected()
{
    sendHello();
    m_pingTimer.start();
}

void LiveClient::onDisconnected()
{
    m_pingTimer.stop();
    m_silenceTimer.stop();
    m_subscribeTimer.stop();
    m_subscribeQueue.clear(); // the welcome of the next connection queues them all again
    failPending(tr("The live connection was lost before the server answered."));
    if (m_state == State::Disconnected && m_reconnectTimer.isActive())
        return; // already handled (error and disconnected both report the same loss)
    setState(State::Disconnected);
    if (m_wanted)
        scheduleReconnect();
}

void LiveClient::scheduleReconnect()
{
    const int delay = m_backoff.nextDelayMs();
    qCInfo(lcLive, "reconnecting in %d ms", delay);
    m_reconnectTimer.start(delay);
    emit reconnectScheduled(delay);
}

void LiveClient::failPending(const QString& why)
{
    const QSet<QString> pending = std::exchange(m_pending, {});
    for (const QString& requestId : pending)
        emit requestFailed(requestId, ApiError{ErrorCode::Unavailable, why, {}});
}

void LiveClient::send(const QJsonObject& message)
{
    m_socket.sendTextMessage(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
}

void LiveClient::sendHello()
{
    m_helloRequestId = QStringLiteral("hello-%1").arg(++m_counter);
    QJsonObject hello{{"type", "hello"}, {"v", 1}, {"request_id", m_helloRequestId}};
    if (!m_token.isEmpty())
        hello.insert("token", m_token);
    send(hello);
}

void LiveClient::queueSubscribe(qint64 auctionId)
{
    if (!m_subscribeQueue.contains(auctionId))
        m_subscribeQueue.append(auctionId);
    if (!m_subscribeTimer.isActive())
        pumpSubscriptions();
}

void LiveClient::pumpSubscriptions()
{
    if (m_state != State::Connected) {
        m_subscribeQueue.clear();
        return;
    }
    for (int sent = 0; sent < kSubscribeBurst && !m_subscribeQueue.isEmpty(); ++sent) {
        const qint64 auctionId = m_subscribeQueue.takeFirst();
        if (m_book.contains(auctionId))
            sendSubscribe(auctionId, m_book.lastSeq(auctionId));
    }
    // Also after the last burst: the next subscription waits out the pace.
    m_subscribeTimer.start();
}

void LiveClient::sendSubscribe(qint64 auctionId, std::optional<qint64> sinceSeq)
{
    QJsonObject message{
        {"type", "subscribe"},
        {"auction_id", auctionId},
        {"request_id", QStringLiteral("%1%2-%3").arg(kSubscribePrefix).arg(auctionId).arg(++m_counter)}};
    if (sinceSeq)
        message.insert("since_seq", *sinceSeq);
    send(message);
}

void LiveClient::sendPing()
{
    send(QJsonObject{{"type", "ping"}, {"request_id", QStringLiteral("ping-%1").arg(++m_counter)}});
    if (!m_silenceTimer.isActive())
        m_silenceTimer.start();
}

void LiveClient::subscribe(qint64 auctionId)
{
    if (m_book.contains(auctionId))
        return;
    m_book.add(auctionId);
    if (m_state == State::Connected)
        queueSubscribe(auctionId);
}

void LiveClient::unsubscribeAll()
{
    for (const qint64 auctionId : m_book.auctionIds())
        unsubscribe(auctionId);
}

void LiveClient::unsubscribe(qint64 auctionId)
{
    if (!m_book.contains(auctionId))
        return;
    m_book.remove(auctionId);
    m_subscribeQueue.removeAll(auctionId);
    if (m_state == State::Connected)
        send(QJsonObject{{"type", "unsubscribe"}, {"auction_id", auctionId}});
}

bool LiveClient::sendBid(const QString& requestId, qint64 auctionId, Won amount, std::optional<Won> maxAmount)
{
    if (m_state != State::Connected)
        return false;
    QJsonObject message{
        {"type", "bid"}, {"request_id", requestId}, {"auction_id", auctionId}, {"amount", amount}};
    if (maxAmount)
        message.insert("max_amount", *maxAmount);
    m_pending.insert(requestId);
    send(message);
    return true;
}

bool LiveClient::sendBuyNow(const QString& requestId, qint64 auctionId)
{
    if (m_state != State::Connected)
        return false;
    m_pending.insert(requestId);
    send(QJsonObject{{"type", "buy_now"}, {"request_id", requestId}, {"auction_id", auctionId}});
    return true;
}

void LiveClient::onTextMessage(const QString& text)
{
    m_silenceTimer.stop();
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8());
    if (!document.isObject()) {
        qCWarning(lcLive, "ignoring a message that is not a JSON object");
        return;
    }
    const QJsonObject message = document.object();
    const QString type = message.value(QStringLiteral("type")).toString();
    if (type.startsWith(QLatin1String("auction.")))
        handleAuctionEvent(type, message);
    else if (type == QLatin1String("welcome"))
        handleWelcome(message);
    else if (type == QLatin1String("snapshot"))
        handleSnapshot(message);
    else if (type == QLatin1String("subscribed"))
        m_book.settled(message.value(QStringLiteral("auction_id")).toInteger());
    else if (type == QLatin1String("error"))
        handleError(message);
    else if (type == QLatin1String("bid_result"))
        handleBidResult(message);
    else if (type == QLatin1String("buy_now_result"))
        handleBuyNowResult(message);
    else if (type == QLatin1String("wallet") || type == QLatin1String("notification"))
        handleUserPush(type, message);
    // pong, unsubscribed and types of later protocol versions need nothing.
}

void LiveClient::handleWelcome(const QJsonObject& message)
{
    std::optional<User> user;
    const QJsonValue userValue = message.value(QStringLiteral("user"));
    if (userValue.isObject()) {
        Decoded<User> decoded = fromJson<User>(userValue.toObject());
        if (decoded)
            user = std::move(decoded).value();
        else
            qCWarning(lcLive) << "welcome with an unreadable user:" << decoded.error().message();
    }
    const bool firstOnConnection = m_state != State::Connected;
    if (firstOnConnection) {
        m_backoff.reset();
        setState(State::Connected);
        // Follow again what we followed, from where we stopped.
        for (const qint64 auctionId : m_book.auctionIds())
            queueSubscribe(auctionId);
    }
    emit welcomed(user);
}

void LiveClient::handleSnapshot(const QJsonObject& message)
{
    Decoded<AuctionDetail> detail =
        fromJson<AuctionDetail>(message.value(QStringLiteral("auction")).toObject());
    if (!detail) {
        qCWarning(lcLive) << "unreadable snapshot:" << detail.error().message();
        return;
    }
    const qint64 auctionId = detail->summary.id;
    if (!m_book.contains(auctionId))
        return;
    m_book.snapshot(auctionId, detail->seq);
    emit snapshotReceived(*detail);
}

void LiveClient::handleAuctionEvent(const QString& type, const QJsonObject& message)
{
    const qint64 auctionId = message.value(QStringLiteral("auction_id")).toInteger();
    const qint64 seq = message.value(QStringLiteral("seq")).toInteger();
    const qint64 now = m_clock.elapsed();
    switch (m_book.judge(auctionId, seq, now)) {
    case SubscriptionBook::Verdict::Apply:
        emitAuctionEvent(type, message);
        return;
    case SubscriptionBook::Verdict::Duplicate:
        ++m_duplicates;
        return;
    case SubscriptionBook::Verdict::Gap: {
        ++m_gaps;
        const std::optional<qint64> last = m_book.lastSeq(auctionId);
        qCInfo(lcLive, "auction %lld: seq %lld after %lld, catching up", auctionId, seq, last.value_or(0));
        m_book.resyncStarted(auctionId, now);
        queueSubscribe(auctionId);
        return;
    }
    case SubscriptionBook::Verdict::GapPending:
    case SubscriptionBook::Verdict::NotSubscribed:
        return;
    }
}

void LiveClient::emitAuctionEvent(const QString& type, const QJsonObject& message)
{
    auto decodeAndEmit = [&](auto decoded, auto signal) {
        if (decoded)
            emit(this->*signal)(*decoded);
        else
            qCWarning(lcLive).noquote() << "unreadable" << type << "event:" << decoded.error().message();
    };
    if (type == QLatin1String(AuctionBidEvent::kType))
        decodeAndEmit(fromJson<AuctionBidEvent>(message), &LiveClient::bidEvent);
    else if (type == QLatin1String(AuctionExtendedEvent::kType))
        decodeAndEmit(fromJson<AuctionExtendedEvent>(message), &LiveClient::extendedEvent);
    else if (type == QLatin1String(AuctionEndedEvent::kType))
        decodeAndEmit(fromJson<AuctionEndedEvent>(message), &LiveClient::endedEvent);
    else if (type == QLatin1String(AuctionStartedEvent::kType))
        decodeAndEmit(fromJson<AuctionStartedEvent>(message), &LiveClient::startedEvent);
}

void LiveClient::handleError(const QJsonObject& message)
{
    const ApiError error = ApiError::fromJson(message);
    const QString requestId = message.value(QStringLiteral("request_id")).toString();
    if (requestId.isEmpty()) {
        emit serverError(error);
        return;
    }
    if (requestId == m_helloRequestId) {
        // The token was refused; the server keeps the connection anonymous.
        if (m_state != State::Connected)
            handleWelcome(QJsonObject{});
        emit helloRefused(error);
        return;
    }
    if (const std::optional<qint64> auctionId = auctionOfSubscribeRequest(requestId)) {
        if (error.code == ErrorCode::RateLimited) {
            const int retryMs = std::max(kSubscribePaceMs, error.details.value("retry_after_ms").toInt());
            const qint64 id = *auctionId;
            QTimer::singleShot(retryMs, this, [this, id] {
                if (m_state == State::Connected && m_book.contains(id))
                    queueSubscribe(id);
            });
        } else if (error.code == ErrorCode::NotFound) {
            m_book.remove(*auctionId);
        } else {
            m_book.settled(*auctionId);
        }
    }
    m_pending.remove(requestId);
    emit requestFailed(requestId, error);
}

void LiveClient::handleBidResult(const QJsonObject& message)
{
    const QString requestId = message.value(QStringLiteral("request_id")).toString();
    m_pending.remove(requestId);
    Decoded<BidResult> result = fromJson<BidResult>(message);
    if (result)
        emit bidResult(requestId, *result);
    else
        emit requestFailed(requestId, result.error().toApiError());
}

void LiveClient::handleBuyNowResult(const QJsonObject& message)
{
    const QString requestId = message.value(QStringLiteral("request_id")).toString();
    m_pending.remove(requestId);
    Decoded<AuctionDetail> auction =
        fromJson<AuctionDetail>(message.value(QStringLiteral("auction")).toObject());
    if (auction)
        emit buyNowResult(requestId, *auction);
    else
        emit requestFailed(requestId, auction.error().toApiError());
}

void LiveClient::handleUserPush(const QString& type, const QJsonObject& message)
{
    if (type == QLatin1String("wallet")) {
        if (Decoded<Wallet> wallet = fromJson<Wallet>(message))
            emit walletPushed(*wallet);
        else
            qCWarning(lcLive) << "unreadable wallet push:" << wallet.error().message();
        return;
    }
    if (Decoded<Notification> notification = fromJson<Notification>(message))
        emit notificationPushed(*notification);
    else
        qCWarning(lcLive) << "unreadable notification push:" << notification.error().message();
}

} // namespace nb::client
