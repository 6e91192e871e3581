#pragma once

#include <QString>

#include <pqxx/connection>
#include <stdexcept>
#include <string>
#include <vector>

namespace nb::storage {

/// The schema could not be brought up to date; nothing of the failing migration was applied.
class MigrationError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Applies the SQL migrations compiled into the binary (:/migrations/NNNN_name.sql) in number
/// order. Each migration runs in one transaction together with its row in schema_version, under
/// a transaction-scoped advisory lock, so servers migrating the same database at once apply each
/// migration exactly once. A database already at a version newer than this binary knows is
/// refused: an older server must not run against a newer schema.
class Migrator {
public:
    struct Migration {
        int version = 0;
        QString name;     // "core_schema" for 0001_core_schema.sql
        QString resource; // ":/migrations/0001_core_schema.sql"
    };

    explicit Migrator(std::string connectionString);

    /// Applies every migration not yet applied. Returns how many were applied (0 when up to
    /// date). Throws MigrationError (newer database, failing SQL) or pqxx::broken_connection.
    int apply();

    /// The highest applied version; 0 for a database without schema_version.
    int currentVersion();
    /// The highest version compiled into this binary.
    int latestKnownVersion() const;

    /// The embedded migrations in version order. Throws MigrationError for a misnamed or
    /// duplicate file.
    static std::vector<Migration> knownMigrations();

private:
    void prepareVersionTable(pqxx::connection& conn);
    bool applyOne(pqxx::connection& conn, const Migration& migration);

    const std::string m_connectionString;
};

} // namespace nb::storage
