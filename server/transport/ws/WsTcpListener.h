#pragma once

#include <QSslConfiguration>
#include <QTcpServer>

#include <optional>

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

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    const std::optional<QSslConfiguration> m_ssl;
    QWebSocketServer& m_target;
};

} // namespace nb::transport
