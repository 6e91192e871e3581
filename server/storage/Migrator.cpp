#include "server/storage/Migrator.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include <cstdint>
#include <pqxx/connection>
#include <pqxx/except>
#include <pqxx/nontransaction>
#include <pqxx/pqxx>

namespace nb::storage {

namespace {

// One fixed advisory lock key for "someone is migrating this database".
constexpr std::int64_t kMigrationLockKey = 0x4e42'6d69'6772'6174;

void lockMigrations(pqxx::work& tx)
{
    tx.exec_params("SELECT pg_advisory_xact_lock($1)", kMigrationLockKey);
}

int highestApplied(pqxx::work& tx)
{
    return tx.exec("SELECT coalesce(max(version), 0) FROM schema_version")[0][0].as<int>();
}

void refuseNewerDatabase(int applied, int known)
{
    if (applied > known)
        throw MigrationError("the database schema is at version " + std::to_string(applied) +
                             ", newer than the newest this neighborbid-server knows (" +
                             std::to_string(known) + "); run a newer neighborbid-server against it");
}

std::string readMigration(const Migrator::Migration& migration)
{
    QFile file(migration.resource);
    if (!file.open(QIODevice::ReadOnly))
        throw MigrationError("cannot read the embedded migration " + migration.resource.toStdString());
    return file.readAll().toStdString();
}

} // namespace

Migrator::Migrator(std::string connectionString)
    : m_connectionString(std::move(connectionString))
{}

std::vector<Migrator::Migration> Migrator::knownMigrations()
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})_([a-z0-9_]+)\\.sql$"));
    const QDir dir(QStringLiteral(":/migrations"));
    std::vector<Migration> migrations;
    const QStringList files = dir.entryList(QDir::Files, QDir::Name);
    for (const QString& file : files) {
        const QRegularExpressionMatch match = pattern.match(file);
        if (!match.hasMatch())
            throw MigrationError("embedded migration " + file.toStdString() +
                                 " is not named NNNN_name.sql (lower case)");
        const int version = match.captured(1).toInt();
        if (version < 1 || (!migrations.empty() && migrations.back().version == version))
            throw MigrationError("embedded migration " + file.toStdString() +
                                 " reuses or has an invalid number");
        migrations.push_back({version, match.captured(2), dir.filePath(file)});
    }
    return migrations;
}

int Migrator::latestKnownVersion() const
{
    const std::vector<Migration> migrations = knownMigrations();
    return migrations.empty() ? 0 : migrations.back().version;
}

int Migrator::currentVersion()
{
    pqxx::connection conn(m_connectionString);
    pqxx::nontransaction tx(conn);
    if (tx.exec("SELECT to_regclass('schema_version') IS NULL")[0][0].as<bool>())
        return 0;
    return tx.exec("SELECT coalesce(max(version), 0) FROM schema_version")[0][0].as<int>();
}

void Migrator::prepareVersionTable(pqxx::connection& conn)
{
    pqxx::work tx(conn);
    lockMigrations(tx);
    tx.exec("CREATE TABLE IF NOT EXISTS schema_version ("
            " version    integer PRIMARY KEY,"
            " name       text NOT NULL,"
            " applied_at timestamptz NOT NULL DEFAULT now())");
    refuseNewerDatabase(highestApplied(tx), latestKnownVersion());
    tx.commit();
}

bool Migrator::applyOne(pqxx::connection& conn, const Migration& migration)
{
    const std::string label =
        migration.resource.mid(migration.resource.lastIndexOf(QLatin1Char('/')) + 1).toStdString();
    const std::string sql = readMigration(migration);
    try {
        pqxx::work tx(conn, "migration " + label);
        lockMigrations(tx);
        // Another server may have migrated while we waited for the lock.
        refuseNewerDatabase(highestApplied(tx), latestKnownVersion());
        if (!tx.exec_params("SELECT 1 FROM schema_version WHERE version = $1", migration.version).empty())
            return false;
        tx.exec(sql);
        tx.exec_params("INSERT INTO schema_version (version, name, applied_at) VALUES ($1, $2, now())",
                       migration.version, migration.name.toStdString());
        tx.commit();
        return true;
    } catch (const pqxx::sql_error& e) {
        throw MigrationError("migration " + label + " failed and was rolled back: " + e.what());
    }
}

int Migrator::apply()
{
    const std::vector<Migration> migrations = knownMigrations();
    pqxx::connection conn(m_connectionString);
    prepareVersionTable(conn);
    int applied = 0;
    for (const Migration& migration : migrations) {
        if (applyOne(conn, migration))
            ++applied;
    }
    return applied;
}

} // namespace nb::storage
