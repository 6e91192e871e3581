#pragma once

#include "server/transport/http/RequestSizeGuard.h"

#include <QSslConfiguration>
#include <QTcpServer>

#include <optional>

namespace nb::transport::http {

/// The listening socket handed to QHttpServer::bind(): puts a RequestSizeGuard on every
/// connection before QHttpServer reads from it, and speaks TLS when given a configuration.
class HttpTcpServer : public QTcpServer {
    Q_OBJECT
public:
    HttpTcpServer(std::optional<QSslConfiguration> ssl, RequestSizeGuard::LimitFor limitFor,
                  RequestSizeGuard::OnRefused onRefused, QObject* parent = nullptr);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    const std::optional<QSslConfiguration> m_ssl;
    const RequestSizeGuard::LimitFor m_limitFor;
    const RequestSizeGuard::OnRefused m_onRefused;
};

} // namespace nb::transport::http
