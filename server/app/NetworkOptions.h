#pragma once

#include <QHostAddress>
#include <QSslConfiguration>
#include <QString>
#include <QStringList>

#include <optional>

class QCommandLineParser;

namespace nb::app {

/// How `serve` faces the network: addresses, ports, Redis, allowed WebSocket origins and TLS.
/// Every option also reads an environment variable (PROTOCOL.md, "Server command line").
struct NetworkOptions {
    QHostAddress listen = QHostAddress::LocalHost;
    quint16 httpPort = 8080; // 0 picks a free port
    quint16 wsPort = 8081;
    QString redisUrl; // empty: one instance, in-process fan-out
    QStringList allowedOrigins;
    std::optional<QSslConfiguration> tls;
    /// Requests per second allowed to each user (or anonymous address), with bursts of twice as
    /// many; 0 turns limiting off (for load tests behind another limiter).
    double rateLimit = 50;

    /// Adds the options to a parser.
    static void addTo(QCommandLineParser& parser);
    /// Reads them (options first, then NEIGHBORBID_* variables, then defaults). On a bad value
    /// returns nothing and sets *error to a sentence naming the option.
    static std::optional<NetworkOptions> from(const QCommandLineParser& parser, QString* error);
};

} // namespace nb::app
