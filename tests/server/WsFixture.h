#pragma once

#include "server/events/EventBus.h"
#include "server/events/OutboxRelay.h"
#include "server/services/Services.h"
#include "server/storage/ConnectionPool.h"
#include "server/transport/Metrics.h"
#include "server/transport/RateLimiter.h"
#include "server/transport/Workers.h"
#include "server/transport/ws/WebSocketHub.h"
#include "tests/server/ConcurrencyFixture.h"
#include "tests/support/TestDatabase.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QProcess>
#include <QString>
#include <QTcpSocket>
#include <QThread>
#include <QUrl>
#include <QWebSocket>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace nb::test {

/// How a test server limits clients: generous by default so that only the abuse tests meet it.
struct WsLimits {
    transport::WsOptions options;
    double messagesPerSecond = 1000;
    double burst = 2000;
};

/// One server instance's WebSocket face, in-process: Workers, Services, Metrics, RateLimiter,
/// an EventBus and a WebSocketHub listening on 127.0.0.1 (a free port).
class WsInstance {
public:
    explicit WsInstance(const std::string& connectionString, const WsLimits& limits = {});
    ~WsInstance();

    storage::ConnectionPool& pool() { return m_pool; }
    services::Services& services() { return m_services; }
    events::EventBus& bus() { return m_bus; }
    transport::WebSocketHub& hub() { return *m_hub; }
    transport::Metrics& metrics() { return m_metrics; }
    quint16 port() const { return m_port; }
    QUrl url(const QString& path = QStringLiteral("/ws")) const;

private:
    storage::ConnectionPool m_pool;
    transport::Workers m_workers;
    services::Services m_services;
    transport::Metrics m_metrics;
    transport::RateLimiter m_limiter;
    events::EventBus m_bus;
    std::unique_ptr<transport::WebSocketHub> m_hub;
    quint16 m_port = 0;
};

/// The outbox relay on a thread of its own (as the server runs it), handing events to sink.
class RelayThread {
public:
    RelayThread(storage::ConnectionPool& pool, events::OutboxRelay::Sink sink);
    ~RelayThread();

private:
    QThread m_thread;
    QObject m_anchor; // lives on m_thread, to run code there
};

/// A redis-server of the test's own on a free port of 127.0.0.1, without persistence. Stopped
/// (by its pid) when the object goes.
class RedisProcess {
public:
    RedisProcess();
    ~RedisProcess();

    /// Starts it (again) on the same port and waits until it answers PING.
    bool start();
    void stop();
    bool isRunning() const { return m_process.state() == QProcess::Running; }
    quint16 port() const { return m_port; }
    QString url() const { return QStringLiteral("redis://127.0.0.1:%1").arg(m_port); }

private:
    QProcess m_process;
    quint16 m_port = 0;
};

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

/// A peer that speaks just enough WebSocket by hand to subscribe, then never reads again.
class StalledPeer {
public:
    /// Completes the handshake on /ws; false when the server did not switch protocols.
    bool open(quint16 port, int timeoutMs = 5000);
    /// Sends one masked text frame.
    void sendText(const QByteArray& text);
    QTcpSocket& socket() { return m_socket; }

private:
    QTcpSocket m_socket;
};

/// Everything a WebSocket test needs on the executable's (emptied) test database: people with
/// money and live sessions, auctions, and one WsInstance whose EventBus the relay feeds.
class WsFixture {
public:
    struct Person {
        qint64 id = 0;
        QString token;
    };

    /// Who hands committed events on: the relay thread to this instance's bus, or nobody (the
    /// test calls deliverPending(), or wires its own relay).
    enum class Relay { ToBus, Manual };

    explicit WsFixture(const WsLimits& limits = {}, Relay relay = Relay::ToBus);
    ~WsFixture();

    /// Manual relay: hands every pending outbox event for which keep() is true (all without it)
    /// to this instance's bus now, on this thread, and drops the others. Returns how many went.
    int deliverPending(const std::function<bool(const storage::outbox::OutboxEvent&)>& keep = {});

    ConcurrencyFixture& data() { return m_data; }
    WsInstance& server() { return *m_server; }
    TestDatabase& db() { return TestDatabase::instance(); }

    /// count people "<prefix>NNN" with money and a session each (one password hash in all).
    std::vector<Person> makePeople(const QString& prefix, int count, Won money);
    Person makePerson(const QString& name, Won money);
    /// A live session for the user, written directly (no password hashing).
    QString tokenFor(qint64 userId);
    /// An active national auction ending in an hour, start price 10,000, adjusted by adjust.
    qint64 makeAuction(qint64 sellerId, const std::function<void(NewAuction&)>& adjust = {});
    /// A connected client that said hello (signed in when token is given).
    std::unique_ptr<WsClient> connectClient(const QString& token = QString());

    /// The auction's replay log, payloads in seq order.
    std::vector<QJsonObject> replayLog(qint64 auctionId);

private:
    ConcurrencyFixture m_data;
    qint64 m_templateUser = 0;
    std::unique_ptr<WsInstance> m_server;
    std::unique_ptr<RelayThread> m_relay;
};

} // namespace nb::test
