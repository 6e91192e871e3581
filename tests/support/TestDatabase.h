#pragma once

#include "server/storage/EmbeddedCluster.h"

#include <QString>
#include <QTemporaryDir>

#include <cstdint>
#include <memory>
#include <mutex>
#include <pqxx/connection>
#include <pqxx/result>
#include <stdexcept>
#include <string>

namespace nb::test {

/// One throwaway PostgreSQL cluster per test executable: a fresh folder under /tmp, started on
/// first use with durability turned off, the database "neighborbid_test" migrated to the latest
/// schema, and everything stopped and removed when the executable exits. Should the executable
/// be killed, a small watchdog process stops the cluster and removes the folder.
class TestDatabase {
public:
    static constexpr const char* kDatabaseName = "neighborbid_test";

    /// The executable's database, started and migrated on the first call.
    static TestDatabase& instance();

    ~TestDatabase();
    TestDatabase(const TestDatabase&) = delete;
    TestDatabase& operator=(const TestDatabase&) = delete;

    /// libpq connection string of the migrated test database.
    const std::string& connectionString() const { return m_connectionString; }
    /// Connection string of another database on the same cluster.
    std::string connectionStringFor(const QString& dbname) const;
    /// A new, empty database (dropped first when it exists), with no migrations applied.
    std::string createEmptyDatabase(const QString& dbname);

    storage::EmbeddedCluster& cluster() { return *m_cluster; }
    QString dataDir() const { return m_dir.path(); }

    /// Empties every table except the reference data (regions, categories, schema_version),
    /// restarting their id sequences.
    void resetData();

    /// Runs sql (one or more statements) in its own transaction on the test database.
    void exec(const QString& sql);
    /// Runs one query in its own transaction and returns its rows.
    pqxx::result query(const QString& sql);
    /// The first column of the first row of query(sql).
    template <typename T = std::int64_t>
    T scalar(const QString& sql)
    {
        const pqxx::result rows = query(sql);
        if (rows.empty() || rows.columns() == 0)
            throw std::runtime_error("scalar query returned no value: " + sql.toStdString());
        return rows[0][0].as<T>();
    }

    /// Starts a detached watchdog that, once this process has exited however it ended, stops
    /// the cluster in clusterDir (if still running) and deletes removeDir.
    static void cleanUpAfterExit(const QString& clusterDir, const QString& removeDir);

private:
    TestDatabase();
    template <typename Body>
    auto withConnection(Body&& body);

    QTemporaryDir m_dir;
    std::unique_ptr<storage::EmbeddedCluster> m_cluster;
    std::string m_connectionString;
    std::mutex m_mutex;
    std::unique_ptr<pqxx::connection> m_conn;
};

} // namespace nb::test
