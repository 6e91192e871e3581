#pragma once

#include "tests/bench/load/WsClientSocket.h"

#include <QJsonObject>
#include <QString>
#include <QUrl>

#include <memory>

namespace nb::bench::load {

class WsHandler;

/// One WebSocket to the server: opens, says hello (with a token or anonymously), then hands
/// every message to its handler. No retries: a failure is reported once and the connection
/// stays dead, so the run counts it instead of hiding it.
class WsConnection : private WsClientSocket::Listener {
public:
    enum class State { Idle, Opening, Ready, Dead, Closed };

    WsConnection(QUrl url, QString token, WsHandler& handler);
    ~WsConnection() override;
    WsConnection(const WsConnection&) = delete;
    WsConnection& operator=(const WsConnection&) = delete;

    void open(qint64 nowNs);
    void send(const QJsonObject& message);
    /// Sends a message already written as compact JSON text (UTF-8).
    void sendText(QByteArrayView utf8);
    /// Closes on purpose; no failure is reported after this.
    void close();
    /// Fails an opening that has taken longer than `timeoutNs` (the owner checks on a timer).
    void checkOpenDeadline(qint64 nowNs, qint64 timeoutNs);

    State state() const { return m_state; }
    bool isReady() const { return m_state == State::Ready; }
    /// The signed-in user from the welcome; 0 for anonymous.
    qint64 userId() const { return m_userId; }

private:
    void onSocketOpen() override;
    void onSocketText(const QString& text, qint64 arrivalNs) override;
    void onSocketClosed(int code, const QString& reason) override;
    void onSocketError(const QString& detail) override;
    void fail(const QString& code, const QString& detail);

    const QUrl m_url;
    const QString m_token;
    WsHandler& m_handler;
    std::unique_ptr<WsClientSocket> m_socket;
    State m_state = State::Idle;
    qint64 m_openedAtNs = 0;
    qint64 m_userId = 0;
};

} // namespace nb::bench::load
