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
    new RequestSizeGuard(socket, m_limitFor, m_onRefused);
    if (m_ssl) {
        auto* tls = static_cast<QSslSocket*>(socket);
        tls->setSslConfiguration(*m_ssl);
        tls->startServerEncryption();
    }
    addPendingConnection(socket);
}

} // namespace nb::transport::http
