#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QUrl>
#include <QWebSocketServer>

#include <functional>
#include <optional>

class QWebSocket;

namespace nb::test {

/// A scripted stand-in for the server's WebSocket face, speaking PROTOCOL.md's messages: hello
/// -> welcome, subscribe -> snapshot (or the replay after since_seq, then "subscribed"), bid ->
/// bid_result, ping -> pong. Auction events are kept in a log per auction, so a test can publish
/// some, hide others (to make a gap, or while the client is away) and check the client catches up.
class FakeLiveServer : public QObject {
    Q_OBJECT

public:
    FakeLiveServer();
    ~FakeLiveServer() override;

    bool listen(quint16 port = 0);
    void close();
    QUrl url() const;
    quint16 port() const { return m_port; }

    /// The auction's events so far start after seq (its snapshot's seq).
    void addAuction(qint64 auctionId, qint64 seq, qint64 price);
    /// Appends the next auction.bid to the log and sends it to the auction's subscribers.
    QJsonObject publishBid(qint64 auctionId, qint64 price);
    /// Appends it to the log only: subscribers miss it.
    QJsonObject logBidSilently(qint64 auctionId, qint64 price);
    /// Sends a message to every connection as is.
    void sendToAll(const QJsonObject& message);
    void dropConnections();
    void setAnswerPings(bool answer) { m_answerPings = answer; }
    void setAnswerBids(bool answer) { m_answerBids = answer; }

    qint64 lastSeq(qint64 auctionId) const;
    int connectionsAccepted() const { return m_accepted; }
    int openConnections() const { return static_cast<int>(m_sockets.size()); }
    const QList<QJsonObject>& received() const { return m_received; }
    QList<QJsonObject> receivedOfType(const QString& type) const;
    /// Waits until a received message matches.
    std::optional<QJsonObject> waitFor(const std::function<bool(const QJsonObject&)>& match,
                                       int timeoutMs = 5000);

    static constexpr const char* kGoodToken = "good-token";
    static constexpr const char* kExpiredToken = "expired-token";

private:
    struct Auction {
        qint64 snapshotSeq = 0;
        qint64 price = 0;
        QList<QJsonObject> log; // events after snapshotSeq, in seq order
        QList<QWebSocket*> subscribers;
    };

    void onNewConnection();
    void onMessage(QWebSocket* socket, const QString& text);
    void send(QWebSocket* socket, const QJsonObject& message);
    void answerSubscribe(QWebSocket* socket, const QJsonObject& message);
    QJsonObject snapshotOf(qint64 auctionId) const;
    QJsonObject appendBid(qint64 auctionId, qint64 price);

    QWebSocketServer m_server;
    quint16 m_port = 0;
    QList<QWebSocket*> m_sockets;
    QHash<qint64, Auction> m_auctions;
    QList<QJsonObject> m_received;
    int m_accepted = 0;
    bool m_answerPings = true;
    bool m_answerBids = true;
};

} // namespace nb::test
