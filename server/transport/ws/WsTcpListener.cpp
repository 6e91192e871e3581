#include "server/transport/ws/WsTcpListener.h"

#include <QSslSocket>
#include <QWebSocket>
#include <QWebSocketServer>

#include <algorithm>

namespace nb::transport {

WsTcpListener::WsTcpListener(std::optional<QSslConfiguration> ssl, QWebSocketServer& target, QObject* parent)
    : QTcpServer(parent)
    , m_ssl(std::move(ssl))
    , m_target(target)
{}

void WsTcpListener::incomingConnection(qintptr descriptor)
{
    QTcpSocket* socket = m_ssl ? new QSslSocket : new QTcpSocket;
    // Unbuffered is asked for, but a socket set up from a descriptor buffers its writes all the
    // same (Qt honours the flag only in connectToHost); ClientSession writes the frames of plain
    // connections to the kernel itself, see claimPlainSocket(). TLS needs its buffers.
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
    if (!m_ssl) {
        m_unclaimed.erase(std::remove(m_unclaimed.begin(), m_unclaimed.end(), nullptr), m_unclaimed.end());
        m_unclaimed.emplace_back(socket);
    }
    // The WebSocket server owns the socket from here: it reads the (decrypted) handshake, or
    // drops the connection when none comes in time.
    m_target.handleConnection(socket);
}

QTcpSocket* WsTcpListener::claimPlainSocket(const QWebSocket& webSocket)
{
    // QWebSocket reports its socket's addresses, and one TCP connection is one address pair.
    const auto same = [&webSocket](const QPointer<QTcpSocket>& socket) {
        return socket && socket->state() == QAbstractSocket::ConnectedState &&
               socket->peerPort() == webSocket.peerPort() && socket->localPort() == webSocket.localPort() &&
               socket->peerAddress() == webSocket.peerAddress() &&
               socket->localAddress() == webSocket.localAddress();
    };
    const auto it = std::find_if(m_unclaimed.begin(), m_unclaimed.end(), same);
    if (it == m_unclaimed.end())
        return nullptr;
    QTcpSocket* socket = *it;
    m_unclaimed.erase(it);
    return socket;
}

} // namespace nb::transport
