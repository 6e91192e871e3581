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
    // Plain TCP unbuffered: a frame goes to the kernel at once instead of through Qt's write
    // buffer and a write notifier toggled per frame (which a fan-out to a thousand subscribers
    // pays a thousand times). TLS needs its buffers.
    const QIODevice::OpenMode mode =
        m_ssl ? QIODevice::ReadWrite : QIODevice::ReadWrite | QIODevice::Unbuffered;
    if (!socket->setSocketDescriptor(descriptor, QAbstractSocket::ConnectedState, mode)) {
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
