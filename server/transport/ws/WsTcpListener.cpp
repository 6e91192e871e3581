#include "server/transport/ws/WsTcpListener.h"

#include <QSslSocket>
#include <QWebSocketServer>

namespace nb::transport {

WsTcpListener::WsTcpListener(std::optional<QSslConfiguration> ssl, QWebSocketServer& target, QObject* parent)
    : QTcpServer(parent)
    , m_ssl(std::move(ssl))
    , m_target(target)
{}

void WsTcpListener::incomingConnection(qintptr descriptor)
{
    QTcpSocket* socket = m_ssl ? new QSslSocket : new QTcpSocket;
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    if (m_ssl) {
        auto* tls = static_cast<QSslSocket*>(socket);
        tls->setSslConfiguration(*m_ssl);
        tls->startServerEncryption();
    }
    // The WebSocket server owns the socket from here: it reads the (decrypted) handshake, or
    // drops the connection when none comes in time.
    m_target.handleConnection(socket);
}

} // namespace nb::transport
