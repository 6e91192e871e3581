#include "server/app/DatabaseTarget.h"
#include "server/storage/EmbeddedCluster.h"
#include "tests/support/TestDatabase.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <pqxx/connection>
#include <pqxx/nontransaction>
#include <stdexcept>
#include <sys/stat.h>
#include <unistd.h>

using nb::app::DatabaseTarget;
using nb::storage::ClusterError;
using nb::storage::EmbeddedCluster;

namespace {

const QStringList kFast{QStringLiteral("fsync=off"), QStringLiteral("synchronous_commit=off"),
                        QStringLiteral("full_page_writes=off")};

/// A fresh data folder whose cluster is stopped however the test ends.
class ScratchDir {
public:
    ScratchDir()
        : m_dir(QStringLiteral("/tmp/nbtest-XXXXXX"))
    {
        ::chmod(QFile::encodeName(m_dir.path()).constData(), 0711);
        nb::test::TestDatabase::cleanUpAfterExit(path(), m_dir.path());
    }
    ~ScratchDir()
    {
        try {
            EmbeddedCluster(path()).stop();
        } catch (const std::exception& e) {
            qWarning("%s", e.what());
        }
    }
    QString path() const { return m_dir.path() + QStringLiteral("/data"); }

private:
    QTemporaryDir m_dir;
};

std::int64_t scalar(const std::string& connectionString, const std::string& sql)
{
    pqxx::connection conn(connectionString);
    pqxx::nontransaction tx(conn);
    return tx.exec(sql)[0][0].as<std::int64_t>();
}

void exec(const std::string& connectionString, const std::string& sql)
{
    pqxx::connection conn(connectionString);
    pqxx::nontransaction tx(conn);
    tx.exec(sql);
}

} // namespace

class TstEmbeddedCluster : public QObject {
    Q_OBJECT

private slots:
    void freshFolderIsCreatedStartedAndStopped();
    void restartReusesTheClusterAndKeepsData();
    void attachingDoesNotStopARunningCluster();
    void serveOwnsTheFolderAndStopsTheCluster();
    void commandStartsAndStopsOnlyWhatItStarted();
    void commandLeavesTheClusterToAServerThatTookOver();
    void optionsAndEnvironmentChooseTheTarget();
    void startFailureShowsTheServerLog();
    void tooLongPathIsRefused();
    void unreachableParentIsNamed();
};

void TstEmbeddedCluster::freshFolderIsCreatedStartedAndStopped()
{
    ScratchDir scratch;
    EmbeddedCluster cluster(scratch.path(), kFast);
    QVERIFY(!cluster.isInitialized());
    QVERIFY(!cluster.isRunning());

    QVERIFY(cluster.ensureRunning());
    QVERIFY(cluster.isInitialized());
    QVERIFY(cluster.isRunning());
    QVERIFY(cluster.port() > 0);
    QVERIFY(QFileInfo::exists(scratch.path() + QStringLiteral("/run/postgres.log")));

    QVERIFY(cluster.ensureDatabase(QStringLiteral("neighborbid")));
    QVERIFY(!cluster.ensureDatabase(QStringLiteral("neighborbid")));
    const std::string dsn = cluster.connectionString(QStringLiteral("neighborbid"));
    QCOMPARE(scalar(dsn, "SELECT 41"), 41);
    QCOMPARE(scalar(dsn, "SHOW max_connections"), 300);

    cluster.stop();
    QVERIFY(!cluster.isRunning());
    QVERIFY_THROWS_EXCEPTION(ClusterError, cluster.connectionString(QStringLiteral("neighborbid")));
    cluster.stop(); // stopping a stopped cluster is harmless
}

void TstEmbeddedCluster::restartReusesTheClusterAndKeepsData()
{
    ScratchDir scratch;
    std::int64_t systemId = 0;
    {
        EmbeddedCluster cluster(scratch.path(), kFast);
        QVERIFY(cluster.ensureRunning());
        cluster.ensureDatabase(QStringLiteral("neighborbid"));
        const std::string dsn = cluster.connectionString(QStringLiteral("neighborbid"));
        systemId = scalar(dsn, "SELECT system_identifier FROM pg_control_system()");
        exec(dsn, "CREATE TABLE kept (v bigint); INSERT INTO kept VALUES (7), (35)");
        cluster.stop();
    }
    EmbeddedCluster again(scratch.path(), kFast);
    QVERIFY(again.isInitialized());
    QVERIFY(again.ensureRunning());
    QVERIFY(!again.ensureDatabase(QStringLiteral("neighborbid")));
    const std::string dsn = again.connectionString(QStringLiteral("neighborbid"));
    // The same cluster (initdb did not run again) with the data written before the restart.
    QCOMPARE(scalar(dsn, "SELECT system_identifier FROM pg_control_system()"), systemId);
    QCOMPARE(scalar(dsn, "SELECT sum(v) FROM kept"), 42);
    again.stop();
}

void TstEmbeddedCluster::attachingDoesNotStopARunningCluster()
{
    ScratchDir scratch;
    EmbeddedCluster owner(scratch.path(), kFast);
    QVERIFY(owner.ensureRunning());
    const int port = owner.port();
    {
        // What a console in another process sees: a running cluster it must leave alone.
        EmbeddedCluster visitor(scratch.path());
        QVERIFY(visitor.isRunning());
        QVERIFY(!visitor.ensureRunning());
        QCOMPARE(visitor.port(), port);
        QCOMPARE(scalar(visitor.connectionString(QStringLiteral("postgres")), "SELECT 1"), 1);
    }
    QVERIFY(owner.isRunning());
    QCOMPARE(scalar(owner.connectionString(QStringLiteral("postgres")), "SELECT 2"), 2);
    owner.stop();
}

void TstEmbeddedCluster::serveOwnsTheFolderAndStopsTheCluster()
{
    ScratchDir scratch;
    QStringList lines;
    {
        DatabaseTarget serve(scratch.path(), {});
        serve.setExtraSettings(kFast);
        serve.setLogger([&](const QString& line) { lines << line; });
        serve.open(DatabaseTarget::Role::Serve);
        QVERIFY(serve.startedCluster());
        QCOMPARE(scalar(serve.connectionString(),
                        "SELECT count(*) FROM pg_database WHERE datname = current_database()"),
                 1);
        QVERIFY(QFileInfo::exists(scratch.path() + QStringLiteral("/serve.lock")));

        DatabaseTarget secondServe(scratch.path(), {});
        secondServe.setLogger([](const QString&) {});
        QVERIFY_THROWS_EXCEPTION(ClusterError, secondServe.open(DatabaseTarget::Role::Serve));
        QVERIFY(EmbeddedCluster(scratch.path()).isRunning());

        // A console command while the server runs uses the cluster and leaves it running.
        DatabaseTarget command(scratch.path(), {});
        command.setLogger([&](const QString& line) { lines << line; });
        command.open(DatabaseTarget::Role::Command);
        QVERIFY(!command.startedCluster());
        QCOMPARE(command.connectionString(), serve.connectionString());
        command.close();
        QVERIFY(EmbeddedCluster(scratch.path()).isRunning());
    }
    QVERIFY(!EmbeddedCluster(scratch.path()).isRunning());
    for (const QString& line : std::as_const(lines))
        QVERIFY2(line.startsWith(QLatin1String("database: ")), qPrintable(line));
    QVERIFY2(lines.join(QLatin1Char('\n')).contains(QLatin1String("started private PostgreSQL in ")),
             qPrintable(lines.join(QLatin1Char('\n'))));
}

void TstEmbeddedCluster::commandStartsAndStopsOnlyWhatItStarted()
{
    ScratchDir scratch;
    {
        DatabaseTarget command(scratch.path(), {});
        command.setExtraSettings(kFast);
        command.setLogger([](const QString&) {});
        command.open(DatabaseTarget::Role::Command);
        QVERIFY(command.startedCluster());
        QCOMPARE(scalar(command.connectionString(), "SELECT 3"), 3);
    }
    QVERIFY(!EmbeddedCluster(scratch.path()).isRunning());

    // A cluster someone else started stays up after the command.
    EmbeddedCluster owner(scratch.path(), kFast);
    QVERIFY(owner.ensureRunning());
    {
        DatabaseTarget command(scratch.path(), {});
        command.setLogger([](const QString&) {});
        command.open(DatabaseTarget::Role::Command);
        QVERIFY(!command.startedCluster());
    }
    QVERIFY(owner.isRunning());
    owner.stop();
}

void TstEmbeddedCluster::commandLeavesTheClusterToAServerThatTookOver()
{
    ScratchDir scratch;
    DatabaseTarget command(scratch.path(), {});
    command.setExtraSettings(kFast);
    QStringList lines;
    command.setLogger([&](const QString& line) { lines << line; });
    command.open(DatabaseTarget::Role::Command);
    QVERIFY(command.startedCluster());
    {
        DatabaseTarget serve(scratch.path(), {});
        serve.setLogger([](const QString&) {});
        serve.open(DatabaseTarget::Role::Serve);
        QVERIFY(!serve.startedCluster());
        command.close();
        QVERIFY(EmbeddedCluster(scratch.path()).isRunning());
        QVERIFY(lines.join(QLatin1Char('\n')).contains(QLatin1String("leaving private PostgreSQL")));
    }
    QVERIFY(!EmbeddedCluster(scratch.path()).isRunning());
}

void TstEmbeddedCluster::optionsAndEnvironmentChooseTheTarget()
{
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             DatabaseTarget(QStringLiteral("/tmp/a"), QStringLiteral("dbname=x")));

    qputenv("NEIGHBORBID_DATABASE", "dbname=fromenv password=secret");
    qputenv("NEIGHBORBID_HOME", "/tmp/nb-home-from-env");
    {
        DatabaseTarget fromFlag(QStringLiteral("/tmp/flag-dir"), {});
        QCOMPARE(fromFlag.dataDir(), QStringLiteral("/tmp/flag-dir"));
        DatabaseTarget fromEnv({}, {});
        QVERIFY(!fromEnv.usesPrivateCluster());
        QStringList lines;
        fromEnv.setLogger([&](const QString& line) { lines << line; });
        fromEnv.open(DatabaseTarget::Role::Command);
        QCOMPARE(fromEnv.connectionString(), std::string("dbname=fromenv password=secret"));
        QVERIFY(!lines.join(QLatin1Char(' ')).contains(QLatin1String("secret")));
    }
    {
        DatabaseTarget uri(
            {}, QStringLiteral("postgresql://nb:hunter2@localhost/nb?sslmode=disable&password=hunter3"));
        QStringList lines;
        uri.setLogger([&](const QString& line) { lines << line; });
        uri.open(DatabaseTarget::Role::Command);
        QVERIFY2(!lines.join(QLatin1Char(' ')).contains(QLatin1String("hunter")),
                 qPrintable(lines.join(' ')));
        QVERIFY2(lines.join(QLatin1Char(' ')).contains(QLatin1String("localhost/nb")),
                 qPrintable(lines.join(' ')));
    }
    qunsetenv("NEIGHBORBID_DATABASE");
    QCOMPARE(DatabaseTarget({}, {}).dataDir(), QStringLiteral("/tmp/nb-home-from-env"));
    qunsetenv("NEIGHBORBID_HOME");
    QCOMPARE(DatabaseTarget({}, {}).dataDir(), DatabaseTarget::defaultDataDir());
    if (::geteuid() == 0)
        QCOMPARE(DatabaseTarget::defaultDataDir(), QStringLiteral("/var/lib/neighborbid"));
    else
        QVERIFY(DatabaseTarget::defaultDataDir().endsWith(QLatin1String("/neighborbid")));
}

void TstEmbeddedCluster::startFailureShowsTheServerLog()
{
    ScratchDir scratch;
    EmbeddedCluster cluster(scratch.path(), kFast);
    cluster.initialize();
    QFile conf(cluster.pgDataDir() + QStringLiteral("/postgresql.conf"));
    QVERIFY(conf.open(QIODevice::Append));
    conf.write("shared_buffers = 'plenty'\n");
    conf.close();
    try {
        cluster.start();
        QFAIL("a cluster with a broken configuration started");
    } catch (const ClusterError& e) {
        qInfo("%s", e.what());
        const QString message = QString::fromUtf8(e.what());
        QVERIFY2(message.contains(QLatin1String("postgres.log")), e.what());
        QVERIFY2(message.contains(QLatin1String("shared_buffers")), e.what());
    }
    QVERIFY(!cluster.isRunning());
}

void TstEmbeddedCluster::tooLongPathIsRefused()
{
    const QString longDir = QStringLiteral("/tmp/") + QString(100, QLatin1Char('x'));
    EmbeddedCluster cluster(longDir);
    try {
        cluster.prepareDataDir();
        QFAIL("a data folder too long for a unix socket was accepted");
    } catch (const ClusterError& e) {
        qInfo("%s", e.what());
        QVERIFY2(QString::fromUtf8(e.what()).contains(QLatin1String("too long")), e.what());
    }
    QVERIFY(!QFileInfo::exists(longDir));
}

void TstEmbeddedCluster::unreachableParentIsNamed()
{
    if (::geteuid() != 0) {
        // QSKIP's variadic macro trips -Wpedantic.
        QTest::qSkip("only a server running as root hands PostgreSQL to another user", __FILE__, __LINE__);
        return;
    }
    QTemporaryDir closed(QStringLiteral("/tmp/nbtest-XXXXXX"));
    ::chmod(QFile::encodeName(closed.path()).constData(), 0700);
    EmbeddedCluster cluster(closed.path() + QStringLiteral("/inner/data"));
    try {
        cluster.ensureRunning();
        QFAIL("a data folder PostgreSQL cannot reach was accepted");
    } catch (const ClusterError& e) {
        qInfo("%s", e.what());
        QVERIFY2(QString::fromUtf8(e.what()).contains(closed.path() + QStringLiteral(" (")), e.what());
    }
}

QTEST_GUILESS_MAIN(TstEmbeddedCluster)
#include "tst_embedded_cluster.moc"
