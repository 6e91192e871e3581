#include "server/app/NetworkOptions.h"

#include <QCommandLineParser>
#include <QFile>
#include <QSslCertificate>
#include <QSslKey>

namespace nb::app {

namespace {

QString valueOrEnv(const QCommandLineParser& parser, const QString& option, const char* variable)
{
    const QString value = parser.value(option);
    return value.isEmpty() ? qEnvironmentVariable(variable) : value;
}

std::optional<quint16> port(const QString& text, quint16 fallback)
{
    if (text.isEmpty())
        return fallback;
    bool ok = false;
    const uint value = text.toUInt(&ok);
    if (!ok || value > 65535)
        return std::nullopt;
    return static_cast<quint16>(value);
}

std::optional<QSslConfiguration> loadTls(const QString& certPath, const QString& keyPath, QString* error)
{
    QFile certFile(certPath);
    QFile keyFile(keyPath);
    if (!certFile.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read --tls-cert %1: %2").arg(certPath, certFile.errorString());
        return std::nullopt;
    }
    if (!keyFile.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read --tls-key %1: %2").arg(keyPath, keyFile.errorString());
        return std::nullopt;
    }
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
    const QByteArray keyBytes = keyFile.readAll();
    QSslKey key(keyBytes, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(keyBytes, QSsl::Ec, QSsl::Pem);
    if (chain.isEmpty() || key.isNull()) {
        *error = chain.isEmpty()
                     ? QStringLiteral("--tls-cert %1 holds no PEM certificate").arg(certPath)
                     : QStringLiteral("--tls-key %1 holds no PEM RSA or EC private key").arg(keyPath);
        return std::nullopt;
    }
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificateChain(chain);
    config.setPrivateKey(key);
    config.setPeerVerifyMode(QSslSocket::VerifyNone); // clients are not asked for certificates
    return config;
}

} // namespace

void NetworkOptions::addTo(QCommandLineParser& parser)
{
    parser.addOption({QStringLiteral("listen"),
                      QStringLiteral("Address to listen on (default 127.0.0.1, or $NEIGHBORBID_LISTEN)."),
                      QStringLiteral("addr")});
    parser.addOption(
        {QStringLiteral("http-port"),
         QStringLiteral("HTTP port (default 8080, 0 picks a free one, or $NEIGHBORBID_HTTP_PORT)."),
         QStringLiteral("n")});
    parser.addOption(
        {QStringLiteral("ws-port"),
         QStringLiteral("WebSocket port (default 8081, 0 picks a free one, or $NEIGHBORBID_WS_PORT)."),
         QStringLiteral("n")});
    parser.addOption({QStringLiteral("redis"),
                      QStringLiteral("Share events with other instances through Redis at <url> "
                                     "(redis://host:port[/db], or $NEIGHBORBID_REDIS)."),
                      QStringLiteral("url")});
    parser.addOption(
        {QStringLiteral("allowed-origin"),
         QStringLiteral("A WebSocket Origin to accept; repeatable (or $NEIGHBORBID_ALLOWED_ORIGINS, "
                        "comma-separated). Without any, every Origin is accepted."),
         QStringLiteral("origin")});
    parser.addOption(
        {QStringLiteral("tls-cert"),
         QStringLiteral("PEM certificate (chain) to serve HTTPS and WSS (or $NEIGHBORBID_TLS_CERT)."),
         QStringLiteral("file")});
    parser.addOption({QStringLiteral("tls-key"),
                      QStringLiteral("PEM private key for --tls-cert (or $NEIGHBORBID_TLS_KEY)."),
                      QStringLiteral("file")});
    parser.addOption({QStringLiteral("rate-limit"),
                      QStringLiteral("Requests per second per user or address, bursts of twice as many "
                                     "(default 50; 0 turns limiting off; or $NEIGHBORBID_RATE_LIMIT)."),
                      QStringLiteral("n")});
}

std::optional<NetworkOptions> NetworkOptions::from(const QCommandLineParser& parser, QString* error)
{
    NetworkOptions o;
    const QString listen = valueOrEnv(parser, QStringLiteral("listen"), "NEIGHBORBID_LISTEN");
    if (!listen.isEmpty() && !o.listen.setAddress(listen)) {
        *error = QStringLiteral("--listen %1 is not an IP address").arg(listen);
        return std::nullopt;
    }
    const auto http = port(valueOrEnv(parser, QStringLiteral("http-port"), "NEIGHBORBID_HTTP_PORT"), 8080);
    const auto ws = port(valueOrEnv(parser, QStringLiteral("ws-port"), "NEIGHBORBID_WS_PORT"), 8081);
    if (!http || !ws) {
        *error = QStringLiteral("--http-port and --ws-port must be numbers from 0 to 65535");
        return std::nullopt;
    }
    o.httpPort = *http;
    o.wsPort = *ws;
    o.redisUrl = valueOrEnv(parser, QStringLiteral("redis"), "NEIGHBORBID_REDIS");
    if (!o.redisUrl.isEmpty() && !o.redisUrl.startsWith(QLatin1String("redis://"))) {
        *error = QStringLiteral("--redis must look like redis://host:port[/db]");
        return std::nullopt;
    }
    o.allowedOrigins = parser.values(QStringLiteral("allowed-origin"));
    if (o.allowedOrigins.isEmpty())
        o.allowedOrigins =
            qEnvironmentVariable("NEIGHBORBID_ALLOWED_ORIGINS").split(QLatin1Char(','), Qt::SkipEmptyParts);
    const QString cert = valueOrEnv(parser, QStringLiteral("tls-cert"), "NEIGHBORBID_TLS_CERT");
    const QString key = valueOrEnv(parser, QStringLiteral("tls-key"), "NEIGHBORBID_TLS_KEY");
    if (cert.isEmpty() != key.isEmpty()) {
        *error = QStringLiteral("--tls-cert and --tls-key go together");
        return std::nullopt;
    }
    if (!cert.isEmpty()) {
        o.tls = loadTls(cert, key, error);
        if (!o.tls)
            return std::nullopt;
    }
    const QString rate = valueOrEnv(parser, QStringLiteral("rate-limit"), "NEIGHBORBID_RATE_LIMIT");
    if (!rate.isEmpty()) {
        bool ok = false;
        o.rateLimit = rate.toDouble(&ok);
        if (!ok || o.rateLimit < 0 || o.rateLimit > 1e6) {
            *error = QStringLiteral("--rate-limit must be a number from 0 to 1000000");
            return std::nullopt;
        }
    }
    return o;
}

} // namespace nb::app
