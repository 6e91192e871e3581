#pragma once

#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <string>

class QLockFile;

namespace nb::storage {
class EmbeddedCluster;
}

namespace nb::app {

/// Where the server's database is, and keeping it available while it is used.
///
/// Resolution, first match wins:
///   1. --database DSN                 an external PostgreSQL (13+); nothing is started
///   2. --data-dir DIR                 a private cluster in DIR (see storage::EmbeddedCluster)
///   3. $NEIGHBORBID_DATABASE          as 1
///   4. $NEIGHBORBID_HOME              as 2
///   5. defaultDataDir()               as 2
/// Giving both --database and --data-dir is an error.
///
/// With a private cluster, open(Role::Serve) takes DIR/serve.lock (one server per folder), starts
/// the cluster unless it runs already, and stops it when the target is closed or destroyed.
/// open(Role::Command) uses a running cluster as it is, or starts it for the command's length
/// and stops it afterwards, unless a server has taken the folder over meanwhile.
/// Either way the database "neighborbid" is created when missing.
///
/// Each step is logged to stderr as one line starting with "database: ".
class DatabaseTarget {
public:
    enum class Role { Serve, Command };

    static constexpr const char* kDatabaseName = "neighborbid";

    /// The options' values as given on the command line, empty when absent. Throws
    /// std::invalid_argument when both are given.
    DatabaseTarget(const QString& dataDirOption, const QString& databaseOption);
    ~DatabaseTarget();
    DatabaseTarget(const DatabaseTarget&) = delete;
    DatabaseTarget& operator=(const DatabaseTarget&) = delete;

    /// /var/lib/neighborbid for root; otherwise $XDG_DATA_HOME/neighborbid, normally
    /// ~/.local/share/neighborbid.
    static QString defaultDataDir();

    bool usesPrivateCluster() const { return !m_dataDir.isEmpty(); }
    /// The private cluster's folder; empty for an external database.
    const QString& dataDir() const { return m_dataDir; }

    /// Extra "name=value" server settings for a private cluster this target starts.
    void setExtraSettings(QStringList settings) { m_extraSettings = std::move(settings); }
    /// Replaces the stderr log (tests capture it).
    void setLogger(std::function<void(const QString&)> logger) { m_log = std::move(logger); }

    /// Makes the database reachable for role. Throws storage::ClusterError (private cluster) or
    /// pqxx::broken_connection.
    void open(Role role);
    /// Stops what open() took responsibility for. Called by the destructor; never throws
    /// (failures are logged).
    void close() noexcept;

    bool isOpen() const { return m_open; }
    /// libpq connection string of the database; valid after open().
    const std::string& connectionString() const { return m_connectionString; }
    /// Whether open() started the private cluster (false when it was already running).
    bool startedCluster() const { return m_started; }

private:
    void openPrivate(Role role);
    void takeServeLock();
    void log(const QString& line) const;

    QString m_dataDir;
    QString m_dsn;
    QStringList m_extraSettings;
    std::function<void(const QString&)> m_log;
    std::unique_ptr<storage::EmbeddedCluster> m_cluster;
    std::unique_ptr<QLockFile> m_serveLock;
    std::string m_connectionString;
    Role m_role = Role::Command;
    bool m_open = false;
    bool m_started = false;
};

} // namespace nb::app
