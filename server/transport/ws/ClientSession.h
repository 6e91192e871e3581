#pragma once

#include "server/transport/ws/WsTextFrame.h"
#include "shared/protocol/Objects.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QTcpSocket>
#include <QWebSocketProtocol>

#include <map>
#include <optional>
#include <utility>
#include <vector>

class QWebSocket;

namespace nb::transport {

class SendCoalescer;

/// One WebSocket connection: who it is (after hello), what it follows, and its outgoing queue.
/// Lives on the hub's thread; owns its socket.
class ClientSession : public QObject {
    Q_OBJECT
public:
    /// What the connection knows about one auction it follows.
    struct Subscription {
        /// Grows with every subscribe, so that a late answer to an older one is recognised.
        quint64 generation = 0;
        /// Waiting for its snapshot or replay; live events are held meanwhile.
        bool pending = true;
        /// The seq the client holds: from its snapshot, replay or the last event sent.
        qint64 lastSeq = 0;
        /// Live events that arrived while pending, in seq order (shared frames).
        std::vector<std::pair<qint64, WsTextFrame>> held;
        /// More events arrived while pending than are held: a fresh snapshot is needed.
        bool overflowed = false;
    };

    ClientSession(quint64 id, QWebSocket* socket, qint64 maxSendQueueBytes, SendCoalescer& coalescer,
                  QObject* parent = nullptr);
    ~ClientSession() override;

    quint64 id() const { return m_id; }
    QWebSocket* socket() const { return m_socket; }
    /// The connection's own unencrypted TCP socket, under the QWebSocket: frames built once for
    /// many connections are written to it directly. Without one, messages go through QWebSocket.
    void setPlainSocket(QTcpSocket* socket) { m_plain = socket; }
    /// Connected and not being closed: messages sent now may arrive.
    bool isOpen() const;

    const std::optional<User>& user() const { return m_user; }
    std::optional<qint64> userId() const;
    void setUser(std::optional<User> user) { m_user = std::move(user); }
    /// The rate limiter's key: the user once signed in (shared with HTTP), else this connection.
    QString rateLimitKey() const;

    /// Sends one text message now, after whatever queue() holds. A peer that stopped reading, so
    /// that its unsent bytes pass the bound, is cut off at once: its queue is dropped and others
    /// are unaffected.
    void send(const WsTextFrame& frame);
    void send(const QJsonObject& message);
    /// Sends a pushed message (fan-out) with the others queued in this pass of the event loop,
    /// in one write (see SendCoalescer). A connection QWebSocket frames itself (TLS) sends now.
    void queue(const WsTextFrame& frame);
    /// What queue() holds, taken out to be written now (SendCoalescer).
    QByteArray takeQueued() { return std::exchange(m_queued, {}); }
    /// The descriptor bytes taken by takeQueued() may go to with a plain send(), from any
    /// thread while this one waits: open, unencrypted, and Qt holds no earlier bytes. -1 when
    /// they must go through writeQueued().
    int directWriteFd() const;
    /// Writes bytes taken by takeQueued() through the socket; false when it is closed.
    bool writeQueued(const QByteArray& bytes);
    /// After a direct send() of bytes that took only `sent` of them: the socket queues the rest
    /// (and the peer is cut off when too much is unsent).
    void finishDirectWrite(const QByteArray& bytes, qsizetype sent);
    /// Closes with a code and reason (abuse); the socket's disconnected() follows.
    void close(QWebSocketProtocol::CloseCode code, const QString& reason);

    /// Starts (or restarts) following an auction: pending until its snapshot or replay.
    Subscription& beginSubscription(qint64 auctionId, qint64 sinceSeq);
    Subscription* subscription(qint64 auctionId);
    void endSubscription(qint64 auctionId);
    int subscriptionCount() const { return static_cast<int>(m_subscriptions.size()); }
    std::vector<qint64> subscribedAuctions() const;

    /// A live event of an auction this connection follows (already serialised, shared between
    /// connections). Held while the subscription is pending; skipped when the client already has
    /// it. Returns whether it was sent now.
    bool deliverAuctionEvent(qint64 auctionId, qint64 seq, const WsTextFrame& frame);
    /// Sends what was held after a snapshot or replay brought the client to sub.lastSeq.
    /// Returns how many events were sent.
    int releaseHeld(Subscription& sub);

    /// Counts one refusal by the rate limiter; true when the refusals within windowMs reached
    /// limit, meaning the peer keeps flooding.
    bool noteRateLimited(int limit, int windowMs);

    /// Messages that arrived while hello was still authenticating, to run after it.
    bool isAuthenticating() const { return m_authenticating; }
    void setAuthenticating(bool authenticating) { m_authenticating = authenticating; }
    void defer(const QString& text) { m_deferred.append(text); }
    int deferredCount() const { return static_cast<int>(m_deferred.size()); }
    QStringList takeDeferred() { return std::exchange(m_deferred, {}); }

private:
    void cutOff();
    /// Writes whole frames to the plain socket, straight to the kernel when it can, cutting the
    /// peer off when too much is unsent.
    void writeFrames(const QByteArray& bytes);
    /// Cuts the peer off when its unsent bytes pass the bound.
    void checkSendQueue();
    bool hasPlainSocket() const;

    const quint64 m_id;
    QWebSocket* m_socket;
    /// Owned by m_socket; guarded, because QWebSocket decides when it goes.
    QPointer<QTcpSocket> m_plain;
    const qint64 m_maxSendQueueBytes;
    SendCoalescer& m_coalescer;
    /// Frames queue() holds until the coalescer's next flush.
    QByteArray m_queued;
    bool m_closing = false;
    std::optional<User> m_user;
    std::map<qint64, Subscription> m_subscriptions;
    quint64 m_nextGeneration = 1;
    QElapsedTimer m_floodWindow;
    int m_rejections = 0;
    bool m_authenticating = false;
    QStringList m_deferred;
};

} // namespace nb::transport
