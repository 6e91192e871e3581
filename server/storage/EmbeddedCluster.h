#pragma once

#include "server/storage/ClusterError.h"

#include <QString>
#include <QStringList>

#include <string>

namespace nb::storage {

/// A private PostgreSQL cluster living in a data folder DIR:
///   DIR/pgdata            the cluster (initdb'd on first use)
///   DIR/run               the unix socket and postgres.log
///   DIR/start.lock        serialises processes deciding to start the cluster at the same time
/// Clients connect over the unix socket in DIR/run as the superuser "postgres" (trust auth);
/// the port and socket folder are read back from pgdata/postmaster.pid, so a process that did
/// not start the cluster can still find it.
///
/// The socket path DIR/run/.s.PGSQL.PORT must fit in a unix socket address (107 bytes): a DIR
/// whose path is too long is refused with a ClusterError rather than silently moving the socket.
///
/// Run as root, initdb and pg_ctl run as an unprivileged user through runuser: the owner of an
/// existing pgdata, else "postgres", else "nobody". That user must be able to enter every parent
/// of DIR.
///
/// Every method blocks (QProcess with timeouts) and throws ClusterError on failure.
class EmbeddedCluster {
public:
    /// extraSettings are "name=value" server settings passed as -c at every start. When they
    /// include fsync=off, initdb also skips its own fsync (throwaway test clusters).
    explicit EmbeddedCluster(QString dataDir, QStringList extraSettings = {});

    const QString& dataDir() const { return m_dataDir; }
    QString pgDataDir() const;
    QString socketDir() const;
    QString logFile() const;

    /// Creates DIR (and missing parents, made traversable) with DIR/pgdata and DIR/run owned by
    /// the user postgres runs as. Safe to call again.
    void prepareDataDir();

    bool isInitialized() const;
    /// initdb -U postgres --auth=trust -E UTF8 --locale=C.UTF-8. Does nothing when initialized.
    void initialize();

    /// Whether a postmaster is alive for pgdata (postmaster.pid names a live postgres process).
    bool isRunning() const;
    /// Starts the cluster on a free 127.0.0.1 port and waits until it accepts connections.
    void start();
    /// pg_ctl stop -m fast, waiting for the shutdown. Does nothing when not running.
    void stop();

    /// Initializes and starts the cluster as needed, or waits for one another process is
    /// starting. Returns true only when this call started it (the caller then owns stopping it).
    bool ensureRunning();

    /// The TCP port of the running cluster, from postmaster.pid.
    int port() const;
    /// libpq key=value connection string for dbname on the running cluster (unix socket).
    std::string connectionString(const QString& dbname) const;
    /// CREATE DATABASE dbname unless it exists. Returns true when it was created.
    bool ensureDatabase(const QString& dbname);

    /// The last lines of DIR/run/postgres.log (for error messages).
    QString logTail(int lines = 20) const;

private:
    struct PidFile {
        qint64 pid = 0;
        int port = 0;
        QString socketDir;
        QString status;
    };

    PidFile readPidFile() const;
    void waitUntilReady(int timeoutMs) const;
    bool tryStart(int tcpPort, QString* failure);
    void checkSocketPathLength() const;

    const QString m_dataDir;
    const QStringList m_extraSettings;
};

} // namespace nb::storage
