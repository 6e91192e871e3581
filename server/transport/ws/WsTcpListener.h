#pragma once

#include <QPointer>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QTcpSocket>

#include <optional>
#include <vector>

class QWebSocket;
class QWebSocketServer;

namespace nb::transport {

/// The WebSocket port's listening socket. QWebSocketServer listening by itself leaves Nagle's
/// algorithm on, so a small frame written behind another waits for the peer's delayed ACK (tens
/// of milliseconds on Linux). This listener accepts the connection itself, turns Nagle off, speaks
/// TLS when configured, and hands the socket to the WebSocket server for the handshake.
class WsTcpListener : public QTcpServer {
    Q_OBJECT
public:
    WsTcpListener(std::optional<QSslConfiguration> ssl, QWebSocketServer& target, QObject* parent = nullptr);

    /// The unencrypted TCP socket a finished handshake runs on, which QWebSocket does not show;
    /// nullptr for TLS (or when it cannot be told). Each socket is handed out once.
    QTcpSocket* claimPlainSocket(const QWebSocket& webSocket);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    const std::optional<QSslConfiguration> m_ssl;
    QWebSocketServer& m_target;
    /// Plain sockets handed to the WebSocket server and not claimed yet (a handshake that fails
    /// takes its socket with it).
    std::vector<QPointer<QTcpSocket>> m_unclaimed;
};

} // namespace nb::transport
