#pragma once

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>
#include <QWebSocket>

#include <functional>
#include <optional>

namespace nb::test {

/// A WebSocket client for tests: sends JSON, keeps every message it receives, and waits.
class WsClient : public QObject {
    Q_OBJECT
public:
    explicit WsClient(const QString& origin = QString());

    bool open(const QUrl& url, int timeoutMs = 5000);
    void send(const QJsonObject& message);
    void sendText(const QString& text) { m_socket.sendTextMessage(text); }
    /// Sends message (with a fresh request_id unless it has one) and waits for its answer; an
    /// empty object on timeout.
    QJsonObject request(QJsonObject message, int timeoutMs = 10'000);
    /// hello with the token (none: anonymous); returns the answer.
    QJsonObject hello(const QString& token = QString());
    /// subscribe and wait for the snapshot (or error); returns it.
    QJsonObject subscribe(qint64 auctionId);

    /// The first received message (from the start) that satisfies match, waiting for it.
    std::optional<QJsonObject> waitFor(const std::function<bool(const QJsonObject&)>& match,
                                       int timeoutMs = 10'000);
    /// Waits until count messages of the type have arrived; returns whether they did.
    bool waitForCount(const QString& type, int count, int timeoutMs = 10'000);
    bool waitDisconnected(int timeoutMs = 10'000);
    /// Sends a ping and returns the milliseconds until its pong arrived (-1 on timeout). Waits in
    /// an event loop, not in sleeps, so that only the server's own work adds to the time.
    double pingRoundTripMs(int timeoutMs = 5000);
    /// Runs the event loop for ms milliseconds without sleeping.
    static void spin(int ms);

    const QList<QJsonObject>& messages() const { return m_messages; }
    QList<QJsonObject> ofType(const QString& type) const;
    /// The seqs of the auction.* events received for one auction, in arrival order.
    QList<qint64> eventSeqs(qint64 auctionId) const;
    int answersTo(const QString& requestId) const;
    void clear() { m_messages.clear(); }

    QWebSocket& socket() { return m_socket; }
    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }

    static QString newRequestId();

private:
    QWebSocket m_socket;
    QList<QJsonObject> m_messages;
};

} // namespace nb::test
