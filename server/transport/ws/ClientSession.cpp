#include "server/transport/ws/ClientSession.h"

#include "server/transport/ws/ParallelSender.h"
#include "server/transport/ws/SendCoalescer.h"

#include <QLoggingCategory>
#include <QTcpSocket>
#include <QWebSocket>

namespace nb::transport {

Q_LOGGING_CATEGORY(lcWsSession, "neighborbid.ws.session")

namespace {
/// Live events held for one pending subscription; a snapshot fetch normally takes milliseconds.
constexpr std::size_t kMaxHeldEvents = 2000;
} // namespace

ClientSession::ClientSession(quint64 id, QWebSocket* socket, qint64 maxSendQueueBytes,
                             SendCoalescer& coalescer, QObject* parent)
    : QObject(parent)
    , m_id(id)
    , m_socket(socket)
    , m_maxSendQueueBytes(maxSendQueueBytes)
    , m_coalescer(coalescer)
{
    m_socket->setParent(this);
}

ClientSession::~ClientSession()
{
    // The socket announces its own destruction; nobody should hear it any more.
    m_socket->disconnect();
}

bool ClientSession::isOpen() const
{
    return !m_closing && m_socket->state() == QAbstractSocket::ConnectedState;
}

std::optional<qint64> ClientSession::userId() const
{
    if (!m_user)
        return std::nullopt;
    return m_user->id;
}

QString ClientSession::rateLimitKey() const
{
    if (m_user)
        return QStringLiteral("user:%1").arg(m_user->id);
    return QStringLiteral("ws:%1").arg(m_id);
}

bool ClientSession::hasPlainSocket() const
{
    return m_plain && m_plain->state() == QAbstractSocket::ConnectedState;
}

void ClientSession::send(const WsTextFrame& frame)
{
    if (!isOpen())
        return;
    if (!m_queued.isEmpty()) {
        // Behind what is queued, in the same write; the coalescer then finds nothing to do.
        m_queued.append(frame.bytes());
        writeQueued(takeQueued());
    } else if (hasPlainSocket()) {
        writeFrames(frame.bytes());
    } else {
        m_socket->sendTextMessage(frame.text());
        checkSendQueue();
    }
}

void ClientSession::queue(const WsTextFrame& frame)
{
    if (!isOpen())
        return;
    if (!hasPlainSocket()) {
        send(frame);
        return;
    }
    if (m_queued.isEmpty()) {
        m_coalescer.schedule(*this);
        m_queued = frame.bytes(); // shared, not copied, while it is alone
    } else {
        m_queued.append(frame.bytes());
    }
}

int ClientSession::directWriteFd() const
{
#ifdef Q_OS_LINUX
    if (isOpen() && hasPlainSocket() && m_plain->bytesToWrite() == 0)
        return static_cast<int>(m_plain->socketDescriptor());
#endif
    return -1;
}

bool ClientSession::writeQueued(const QByteArray& bytes)
{
    if (!isOpen() || !hasPlainSocket())
        return false;
    writeFrames(bytes);
    return true;
}

void ClientSession::finishDirectWrite(const QByteArray& bytes, qsizetype sent)
{
    // When it all went to the kernel, nothing more waits here than before.
    if (sent >= bytes.size() || !isOpen() || !hasPlainSocket())
        return;
    m_plain->write(bytes.constData() + sent, bytes.size() - sent);
    checkSendQueue();
}

void ClientSession::writeFrames(const QByteArray& bytes)
{
    // A QTcpSocket made from an accepted descriptor always buffers (Unbuffered is honoured only
    // by connectToHost): each write would wait for a write notifier and the next turn of the
    // event loop, a thousand notifiers for one event. So on Linux the frames go to the kernel
    // here, unless Qt still holds earlier bytes (which must go first), and only what the kernel
    // does not take goes through Qt. The whole frames in one call: QWebSocket's own writes
    // (pongs, close) stay whole frames around them.
    const int fd = directWriteFd();
    finishDirectWrite(bytes, fd >= 0 ? ParallelSender::sendSome(fd, bytes) : 0);
}

void ClientSession::checkSendQueue()
{
    if (m_socket->bytesToWrite() <= m_maxSendQueueBytes)
        return;
    // A burst can outrun the event loop; only what the kernel will not take counts against the peer.
    m_socket->flush();
    if (m_socket->bytesToWrite() > m_maxSendQueueBytes)
        cutOff();
}

void ClientSession::send(const QJsonObject& message)
{
    send(WsTextFrame::fromJson(message));
}

void ClientSession::close(QWebSocketProtocol::CloseCode code, const QString& reason)
{
    if (m_closing)
        return;
    m_closing = true;
    m_socket->close(code, reason);
}

void ClientSession::cutOff()
{
    qCInfo(lcWsSession, "connection %llu stopped reading (%lld bytes unsent); closing it", m_id,
           m_socket->bytesToWrite());
    m_closing = true;
    // The close frame would queue behind everything the peer is not reading, so the queue is
    // dropped: abort() frees it now rather than when the peer drains it.
    m_socket->close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("send queue overflow"));
    m_socket->abort();
}

ClientSession::Subscription& ClientSession::beginSubscription(qint64 auctionId, qint64 sinceSeq)
{
    Subscription& sub = m_subscriptions[auctionId];
    sub.generation = m_nextGeneration++;
    sub.pending = true;
    sub.lastSeq = sinceSeq;
    sub.held.clear();
    sub.overflowed = false;
    return sub;
}

ClientSession::Subscription* ClientSession::subscription(qint64 auctionId)
{
    const auto it = m_subscriptions.find(auctionId);
    return it == m_subscriptions.end() ? nullptr : &it->second;
}

void ClientSession::endSubscription(qint64 auctionId)
{
    m_subscriptions.erase(auctionId);
}

std::vector<qint64> ClientSession::subscribedAuctions() const
{
    std::vector<qint64> ids;
    ids.reserve(m_subscriptions.size());
    for (const auto& entry : m_subscriptions)
        ids.push_back(entry.first);
    return ids;
}

bool ClientSession::deliverAuctionEvent(qint64 auctionId, qint64 seq, const WsTextFrame& frame)
{
    Subscription* sub = subscription(auctionId);
    if (!sub)
        return false;
    if (sub->pending) {
        if (sub->held.size() >= kMaxHeldEvents) {
            sub->held.clear();
            sub->overflowed = true;
        } else if (!sub->overflowed) {
            sub->held.emplace_back(seq, frame);
        }
        return false;
    }
    if (seq <= sub->lastSeq)
        return false;
    sub->lastSeq = seq;
    queue(frame);
    return true;
}

int ClientSession::releaseHeld(Subscription& sub)
{
    int sent = 0;
    for (const auto& [seq, frame] : std::exchange(sub.held, {})) {
        if (seq <= sub.lastSeq)
            continue;
        sub.lastSeq = seq;
        queue(frame);
        ++sent;
    }
    return sent;
}

bool ClientSession::noteRateLimited(int limit, int windowMs)
{
    if (!m_floodWindow.isValid() || m_floodWindow.elapsed() > windowMs) {
        m_floodWindow.start();
        m_rejections = 0;
    }
    return ++m_rejections >= limit;
}

} // namespace nb::transport
