#include "server/transport/http/HttpTcpServer.h"

#include <QSslSocket>

namespace nb::transport::http {

HttpTcpServer::HttpTcpServer(std::optional<QSslConfiguration> ssl, RequestSizeGuard::LimitFor limitFor,
                             RequestSizeGuard::OnRefused onRefused, QObject* parent)
    : QTcpServer(parent)
    , m_ssl(std::move(ssl))
    , m_limitFor(std::move(limitFor))
    , m_onRefused(std::move(onRefused))
{}

void HttpTcpServer::incomingConnection(qintptr descriptor)
{
    QTcpSocket* socket = m_ssl ? new QSslSocket(this) : new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    // Nagle's algorithm would hold a response's last small segment until the client's delayed
    // ACK: tens of milliseconds on every keep-alive request.
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    new RequestSizeGuard(socket, m_limitFor, m_onRefused);
    if (m_ssl) {
        auto* tls = static_cast<QSslSocket*>(socket);
        tls->setSslConfiguration(*m_ssl);
        tls->startServerEncryption();
    }
    addPendingConnection(socket);
}

} // namespace nb::transport::http
