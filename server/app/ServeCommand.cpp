#include "server/app/ServeCommand.h"

#include "server/app/DatabaseTarget.h"
#include "server/app/NetworkOptions.h"
#include "server/app/ServerRuntime.h"
#include "server/app/SignalWatcher.h"
#include "server/storage/Migrator.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>
#include <exception>

namespace nb::app {

namespace {

void addDatabaseOptions(QCommandLineParser& parser)
{
    parser.addOption(
        {QStringLiteral("data-dir"),
         QStringLiteral("Run a private PostgreSQL cluster in <dir> (default: $NEIGHBORBID_HOME or %1).")
             .arg(DatabaseTarget::defaultDataDir()),
         QStringLiteral("dir")});
    parser.addOption(
        {QStringLiteral("database"),
         QStringLiteral("Use the PostgreSQL 13+ database at <dsn> instead (or $NEIGHBORBID_DATABASE)."),
         QStringLiteral("dsn")});
}

int poolSizeFrom(const QCommandLineParser& parser, bool* ok)
{
    QString text = parser.value(QStringLiteral("db-pool"));
    if (text.isEmpty())
        text = qEnvironmentVariable("NEIGHBORBID_DB_POOL", QStringLiteral("8"));
    const int size = text.toInt(ok);
    *ok = *ok && size >= 4 && size <= 200;
    return size;
}

/// Scripts and tests read the two "listening" lines on stdout to find ports chosen with 0.
void announce(const ServerRuntime& runtime, const NetworkOptions& network)
{
    const QString host = network.listen.protocol() == QAbstractSocket::IPv6Protocol
                             ? QStringLiteral("[%1]").arg(network.listen.toString())
                             : network.listen.toString();
    std::printf("http listening on %s:%u\n", qPrintable(host), unsigned(runtime.httpPort()));
    std::printf("ws listening on %s:%u\n", qPrintable(host), unsigned(runtime.wsPort()));
    std::fflush(stdout);
    std::fprintf(stderr, "neighborbid-server: serving %s://%s:%u/api/v1 and %s://%s:%u/ws%s; Ctrl-C stops\n",
                 network.tls ? "https" : "http", qPrintable(host), unsigned(runtime.httpPort()),
                 network.tls ? "wss" : "ws", qPrintable(host), unsigned(runtime.wsPort()),
                 network.redisUrl.isEmpty() ? "" : " (events shared through Redis)");
    std::fflush(stderr);
}

void printError(const QString& message)
{
    std::fprintf(stderr, "neighborbid-server: %s\n", qPrintable(message));
}

} // namespace

int runServe(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Runs NeighborBid: the HTTP API, live auctions over WebSocket, the auction scheduler and the event "
        "outbox, on its database (a private PostgreSQL cluster unless --database is given). Stops cleanly "
        "on Ctrl-C or SIGTERM."));
    parser.addHelpOption();
    addDatabaseOptions(parser);
    parser.addOption(
        {QStringLiteral("db-pool"),
         QStringLiteral("Database connections to keep (4..200, default 8, or $NEIGHBORBID_DB_POOL)."),
         QStringLiteral("n")});
    NetworkOptions::addTo(parser);
    parser.process(arguments);
    bool ok = false;
    const int poolSize = poolSizeFrom(parser, &ok);
    if (!ok) {
        printError(QStringLiteral("--db-pool must be a number from 4 to 200."));
        return 2;
    }
    QString optionError;
    const auto network = NetworkOptions::from(parser, &optionError);
    if (!network) {
        printError(optionError);
        return 2;
    }

    try {
        DatabaseTarget target(parser.value(QStringLiteral("data-dir")),
                              parser.value(QStringLiteral("database")));
        target.open(DatabaseTarget::Role::Serve);
        storage::Migrator migrator(target.connectionString());
        const int applied = migrator.apply();
        std::fprintf(stderr, "database: schema version %d (%d migration(s) applied)\n",
                     migrator.currentVersion(), applied);

        ServerRuntime runtime(target.connectionString(), poolSize);
        SignalWatcher signalWatcher;
        QObject::connect(&signalWatcher, &SignalWatcher::terminationRequested, qApp, [](int signalNumber) {
            std::fprintf(stderr, "neighborbid-server: signal %d received, shutting down\n", signalNumber);
            QCoreApplication::quit();
        });
        runtime.enableNetwork(*network);
        runtime.start();
        announce(runtime, *network);
        const int code = QCoreApplication::exec();
        runtime.stop();
        target.close();
        std::fprintf(stderr, "neighborbid-server: stopped\n");
        return code;
    } catch (const std::exception& e) {
        printError(QString::fromUtf8(e.what()));
        return 1;
    }
}

int runMigrate(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Applies pending schema migrations and exits."));
    parser.addHelpOption();
    addDatabaseOptions(parser);
    parser.process(arguments);
    try {
        DatabaseTarget target(parser.value(QStringLiteral("data-dir")),
                              parser.value(QStringLiteral("database")));
        target.open(DatabaseTarget::Role::Command);
        storage::Migrator migrator(target.connectionString());
        const int applied = migrator.apply();
        std::printf("schema version %d (%d migration(s) applied)\n", migrator.currentVersion(), applied);
        return 0;
    } catch (const std::exception& e) {
        printError(QString::fromUtf8(e.what()));
        return 1;
    }
}

} // namespace nb::app
