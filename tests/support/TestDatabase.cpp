#include "tests/support/TestDatabase.h"

#include "server/storage/Migrator.h"

#include <QFile>
#include <QProcess>

#include <cstdio>
#include <pqxx/except>
#include <pqxx/nontransaction>
#include <pqxx/transaction>
#include <sys/stat.h>
#include <unistd.h>

namespace nb::test {

namespace {

// Runs detached from the test: once the test process is gone, stops a cluster it left
// behind (SIGQUIT is PostgreSQL's immediate shutdown) and removes the folder.
constexpr const char* kWatchdogScript = R"sh(
while kill -0 "$1" 2>/dev/null; do sleep 1; done
pidfile="$2/pgdata/postmaster.pid"
if [ -f "$pidfile" ]; then
    pid=$(head -n 1 "$pidfile")
    kill -QUIT "$pid" 2>/dev/null
    i=0
    while kill -0 "$pid" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
fi
rm -rf "$3"
)sh";

const QStringList kThrowawaySettings{QStringLiteral("fsync=off"), QStringLiteral("synchronous_commit=off"),
                                     QStringLiteral("full_page_writes=off")};

} // namespace

TestDatabase& TestDatabase::instance()
{
    static TestDatabase database;
    return database;
}

TestDatabase::TestDatabase()
    : m_dir(QStringLiteral("/tmp/nbtest-XXXXXX"))
{
    if (!m_dir.isValid())
        throw std::runtime_error("cannot create a temporary folder for the test database: " +
                                 m_dir.errorString().toStdString());
    // PostgreSQL runs as another user when the tests run as root; it must be able to enter.
    ::chmod(QFile::encodeName(m_dir.path()).constData(), 0711);
    m_cluster = std::make_unique<storage::EmbeddedCluster>(m_dir.path(), kThrowawaySettings);
    cleanUpAfterExit(m_dir.path(), m_dir.path());
    m_cluster->initialize();
    m_cluster->start();
    m_cluster->ensureDatabase(QString::fromLatin1(kDatabaseName));
    m_connectionString = m_cluster->connectionString(QString::fromLatin1(kDatabaseName));
    storage::Migrator(m_connectionString).apply();
}

TestDatabase::~TestDatabase()
{
    m_conn.reset();
    try {
        m_cluster->stop();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "TestDatabase: %s\n", e.what());
    }
}

void TestDatabase::cleanUpAfterExit(const QString& clusterDir, const QString& removeDir)
{
    const QStringList args{QStringLiteral("-c"),
                           QString::fromLatin1(kWatchdogScript),
                           QStringLiteral("nb-test-watchdog"),
                           QString::number(::getpid()),
                           clusterDir,
                           removeDir};
    if (!QProcess::startDetached(QStringLiteral("/bin/sh"), args))
        std::fprintf(stderr, "TestDatabase: could not start the cleanup watchdog\n");
}

std::string TestDatabase::connectionStringFor(const QString& dbname) const
{
    return m_cluster->connectionString(dbname);
}

std::string TestDatabase::createEmptyDatabase(const QString& dbname)
{
    pqxx::connection admin(m_cluster->connectionString(QStringLiteral("postgres")));
    pqxx::nontransaction tx(admin);
    const std::string name = tx.quote_name(dbname.toStdString());
    tx.exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    tx.exec("CREATE DATABASE " + name);
    return m_cluster->connectionString(dbname);
}

template <typename Body>
auto TestDatabase::withConnection(Body&& body)
{
    std::lock_guard lock(m_mutex);
    for (int attempt = 1;; ++attempt) {
        try {
            if (!m_conn || !m_conn->is_open())
                m_conn = std::make_unique<pqxx::connection>(m_connectionString);
            return body(*m_conn);
        } catch (const pqxx::broken_connection&) {
            // A test may have restarted the cluster under us: reconnect once.
            m_conn.reset();
            if (attempt > 1)
                throw;
        }
    }
}

void TestDatabase::resetData()
{
    exec(QStringLiteral(R"sql(
DO $$
DECLARE
    tables text;
BEGIN
    SELECT string_agg(format('%I.%I', schemaname, tablename), ', ')
      INTO tables
      FROM pg_tables
     WHERE schemaname = current_schema()
       AND tablename NOT IN ('regions', 'categories', 'schema_version');
    IF tables IS NOT NULL THEN
        EXECUTE 'TRUNCATE ' || tables || ' RESTART IDENTITY CASCADE';
    END IF;
END
$$)sql"));
}

void TestDatabase::exec(const QString& sql)
{
    withConnection([&](pqxx::connection& conn) {
        pqxx::work tx(conn);
        tx.exec(sql.toStdString());
        tx.commit();
        return 0;
    });
}

pqxx::result TestDatabase::query(const QString& sql)
{
    return withConnection([&](pqxx::connection& conn) {
        pqxx::work tx(conn);
        pqxx::result rows = tx.exec(sql.toStdString());
        tx.commit();
        return rows;
    });
}

} // namespace nb::test
