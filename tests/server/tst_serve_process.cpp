// The real `neighborbid-server serve` with its private cluster, end to end: first start creates
// the cluster, the console attaches while it runs, SIGTERM stops both, the next start reuses the
// cluster and its data, and an auction that ended while the server was down settles at start-up.
// The test functions run in order on one data folder.
#include "server/services/AuctionService.h"
#include "server/services/BiddingService.h"
#include "server/storage/ConnectionPool.h"
#include "server/storage/EmbeddedCluster.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <optional>
#include <pqxx/connection>
#include <pqxx/nontransaction>
#include <sys/stat.h>

#ifndef NB_SERVER_BIN
#error "NB_SERVER_BIN must name the neighborbid-server executable"
#endif

using nb::storage::EmbeddedCluster;

namespace {

constexpr int kStartTimeoutMs = 120'000; // the first start runs initdb on a busy machine
constexpr const char* kDatabase = "neighborbid";

/// Whether pid names a live process (a zombie left for an unreaping init counts as gone).
bool processAlive(qint64 pid)
{
    if (pid <= 0 || ::kill(static_cast<pid_t>(pid), 0) != 0)
        return false;
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    const QByteArray text = stat.readAll();
    const int afterName = text.lastIndexOf(')');
    return afterName < 0 || text.mid(afterName + 2, 1) != "Z";
}

struct ConsoleRun {
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TstServeProcess : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void firstStartCreatesAndRunsTheCluster();
    void consoleAttachesWhileServing();
    void sigtermStopsTheServerAndTheCluster();
    void restartReusesTheClusterAndItsData();
    void overdueAuctionSettlesAtStartUp();

private:
    QString dataDir() const { return m_dir.path() + QStringLiteral("/data"); }
    QString pgData() const { return dataDir() + QStringLiteral("/pgdata"); }
    std::string dsn() const
    {
        return EmbeddedCluster(dataDir()).connectionString(QString::fromLatin1(kDatabase));
    }
    qint64 postmasterPid() const;
    /// Starts `serve` and waits for its "serving" line; false (with the log in m_log) otherwise.
    bool startServer();
    /// SIGTERM, then the exit; false when it does not exit cleanly with 0.
    bool stopServer();
    ConsoleRun console(const QStringList& arguments);
    qint64 scalar(const std::string& sql);

    QTemporaryDir m_dir{QStringLiteral("/tmp/nbserve-XXXXXX")};
    std::optional<QProcess> m_server;
    QString m_log;
    qint64 m_aliceId = 0;
    qint64 m_bobId = 0;
    qint64 m_pidAtStart = 0;
    QDateTime m_pgVersionModified;
};

void TstServeProcess::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // PostgreSQL runs as an unprivileged user when the tests run as root: it must get in.
    QCOMPARE(::chmod(QFile::encodeName(m_dir.path()).constData(), 0755), 0);
    QVERIFY2(QFileInfo(QStringLiteral(NB_SERVER_BIN)).isExecutable(), NB_SERVER_BIN);
}

void TstServeProcess::cleanupTestCase()
{
    if (m_server && m_server->state() != QProcess::NotRunning) {
        m_server->terminate();
        if (!m_server->waitForFinished(30'000))
            m_server->kill();
        m_server->waitForFinished(5'000);
    }
    try {
        EmbeddedCluster(dataDir()).stop();
    } catch (const std::exception& e) {
        qWarning("could not stop the cluster in %s: %s", qPrintable(dataDir()), e.what());
    }
}

qint64 TstServeProcess::postmasterPid() const
{
    QFile file(pgData() + QStringLiteral("/postmaster.pid"));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    return file.readLine().trimmed().toLongLong();
}

bool TstServeProcess::startServer()
{
    m_server.emplace();
    m_log.clear();
    m_server->setProgram(QStringLiteral(NB_SERVER_BIN));
    m_server->setArguments({QStringLiteral("serve"), QStringLiteral("--data-dir"), dataDir()});
    m_server->setStandardOutputFile(QProcess::nullDevice());
    m_server->setReadChannel(QProcess::StandardError);
    m_server->start();
    if (!m_server->waitForStarted(10'000))
        return false;
    QElapsedTimer timer;
    timer.start();
    while (!timer.hasExpired(kStartTimeoutMs)) {
        m_server->waitForReadyRead(200);
        m_log += QString::fromLocal8Bit(m_server->readAllStandardError());
        if (m_log.contains(QLatin1String("neighborbid-server: serving")))
            return true;
        if (m_server->state() == QProcess::NotRunning)
            return false;
    }
    return false;
}

bool TstServeProcess::stopServer()
{
    m_server->terminate(); // SIGTERM
    const bool exited = m_server->waitForFinished(60'000);
    m_log += QString::fromLocal8Bit(m_server->readAllStandardError());
    return exited && m_server->exitStatus() == QProcess::NormalExit && m_server->exitCode() == 0;
}

ConsoleRun TstServeProcess::console(const QStringList& arguments)
{
    QProcess process;
    process.start(QStringLiteral(NB_SERVER_BIN),
                  QStringList{QStringLiteral("console"), QStringLiteral("--data-dir"), dataDir()} +
                      arguments);
    ConsoleRun run;
    if (!process.waitForFinished(60'000)) {
        process.kill();
        process.waitForFinished();
        run.err = QStringLiteral("console did not finish within 60 s");
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

qint64 TstServeProcess::scalar(const std::string& sql)
{
    pqxx::connection conn(dsn());
    pqxx::nontransaction tx(conn);
    return tx.exec1(sql)[0].as<qint64>();
}

void TstServeProcess::firstStartCreatesAndRunsTheCluster()
{
    QVERIFY2(startServer(), qPrintable(m_log));
    QVERIFY2(m_log.contains(QLatin1String("created a private PostgreSQL cluster")), qPrintable(m_log));
    QVERIFY(QFileInfo(pgData()).isDir());
    QVERIFY(QFileInfo::exists(pgData() + QStringLiteral("/PG_VERSION")));
    m_pidAtStart = postmasterPid();
    QVERIFY2(processAlive(m_pidAtStart), qPrintable(QStringLiteral("postmaster pid %1").arg(m_pidAtStart)));
    QVERIFY(EmbeddedCluster(dataDir()).isRunning());
    QVERIFY(scalar("SELECT count(*) FROM schema_version") >= 2);
    m_pgVersionModified = QFileInfo(pgData() + QStringLiteral("/PG_VERSION")).lastModified();
}

void TstServeProcess::consoleAttachesWhileServing()
{
    QVERIFY(m_server && m_server->state() == QProcess::Running);
    const ConsoleRun alice =
        console({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--username"),
                 QStringLiteral("alice"), QStringLiteral("--password"), QStringLiteral("alice-secret-1"),
                 QStringLiteral("--region"), QStringLiteral("11680")});
    QVERIFY2(alice.exitCode == 0, qPrintable(alice.err));
    m_aliceId = alice.out.trimmed().toLongLong();
    QVERIFY2(m_aliceId > 0, qPrintable(alice.out));
    QVERIFY2(alice.err.contains(QLatin1String("using the private PostgreSQL already running")),
             qPrintable(alice.err));

    const ConsoleRun bob =
        console({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--username"),
                 QStringLiteral("bob"), QStringLiteral("--password"), QStringLiteral("bob-secret-12")});
    QVERIFY2(bob.exitCode == 0, qPrintable(bob.err));
    m_bobId = bob.out.trimmed().toLongLong();
    const ConsoleRun deposit =
        console({QStringLiteral("wallet"), QStringLiteral("deposit"), QStringLiteral("--user"),
                 QStringLiteral("bob"), QStringLiteral("--amount"), QStringLiteral("100000")});
    QVERIFY2(deposit.exitCode == 0, qPrintable(deposit.err));

    // The console left the server's cluster running, and the server with it.
    QCOMPARE(postmasterPid(), m_pidAtStart);
    QVERIFY(processAlive(m_pidAtStart));
    QCOMPARE(m_server->state(), QProcess::Running);
    QCOMPARE(scalar("SELECT balance FROM wallets WHERE user_id = " + std::to_string(m_bobId)),
             qint64(100'000));
}

void TstServeProcess::sigtermStopsTheServerAndTheCluster()
{
    QVERIFY(m_server && m_server->state() == QProcess::Running);
    QVERIFY2(stopServer(), qPrintable(m_log));
    QVERIFY2(m_log.contains(QLatin1String("neighborbid-server: stopped")), qPrintable(m_log));
    QVERIFY(!QFileInfo::exists(pgData() + QStringLiteral("/postmaster.pid")));
    QTRY_VERIFY_WITH_TIMEOUT(!processAlive(m_pidAtStart), 5'000);
    QVERIFY(!EmbeddedCluster(dataDir()).isRunning());
}

void TstServeProcess::restartReusesTheClusterAndItsData()
{
    QVERIFY2(startServer(), qPrintable(m_log));
    QVERIFY2(!m_log.contains(QLatin1String("created a private PostgreSQL cluster")), qPrintable(m_log));
    QVERIFY2(m_log.contains(QLatin1String("started private PostgreSQL")), qPrintable(m_log));
    QCOMPARE(QFileInfo(pgData() + QStringLiteral("/PG_VERSION")).lastModified(), m_pgVersionModified);
    QVERIFY(processAlive(postmasterPid()));
    QVERIFY(m_aliceId > 0);
    QCOMPARE(
        scalar("SELECT count(*) FROM users WHERE username = 'alice' AND id = " + std::to_string(m_aliceId)),
        qint64(1));
    QCOMPARE(scalar("SELECT balance FROM wallets WHERE user_id = " + std::to_string(m_bobId)),
             qint64(100'000));
    const ConsoleRun verify = console({QStringLiteral("ledger"), QStringLiteral("verify")});
    QVERIFY2(verify.exitCode == 0, qPrintable(verify.out + verify.err));
}

void TstServeProcess::overdueAuctionSettlesAtStartUp()
{
    QVERIFY(m_server && m_server->state() == QProcess::Running);
    QVERIFY(m_aliceId > 0 && m_bobId > 0);
    qint64 auctionId = 0;
    {
        // Listed and bid on through the services, attached to the running server's database.
        nb::storage::ConnectionPool pool(dsn(), 1);
        nb::NewAuction spec;
        spec.title = QStringLiteral("Bicycle");
        spec.category = QStringLiteral("home");
        spec.startPrice = 30'000;
        spec.endsAt = QDateTime::currentDateTimeUtc().addSecs(3600);
        auctionId = nb::services::AuctionService(pool).create(m_aliceId, spec).summary.id;
        nb::services::BiddingService(pool).placeBid(m_bobId, auctionId, 30'000, std::nullopt,
                                                    QStringLiteral("serve-test-bid-1"));
    }
    QVERIFY2(stopServer(), qPrintable(m_log));

    // While no server runs, the auction's end passes.
    {
        EmbeddedCluster cluster(dataDir());
        cluster.start();
        pqxx::connection conn(dsn());
        pqxx::nontransaction tx(conn);
        tx.exec("UPDATE auctions SET starts_at = now() - interval '2 hours', ends_at = now() - interval '1 "
                "minute' "
                "WHERE id = " +
                std::to_string(auctionId));
        conn.disconnect();
        cluster.stop();
    }

    QVERIFY2(startServer(), qPrintable(m_log));
    QElapsedTimer sinceServing;
    sinceServing.start();
    const std::string ended =
        "SELECT count(*) FROM auctions WHERE status = 'ended' AND id = " + std::to_string(auctionId);
    QTRY_VERIFY_WITH_TIMEOUT(scalar(ended) == 1, 5'000);
    QVERIFY2(sinceServing.elapsed() < 2'500,
             qPrintable(QStringLiteral("settled %1 ms after start-up").arg(sinceServing.elapsed())));
    const std::string id = std::to_string(auctionId);
    QCOMPARE(scalar("SELECT winner_id FROM auctions WHERE id = " + id), m_bobId);
    QCOMPARE(scalar("SELECT final_price FROM auctions WHERE id = " + id), qint64(30'000));
    QCOMPARE(scalar("SELECT balance FROM wallets WHERE user_id = " + std::to_string(m_aliceId)),
             qint64(30'000));
    QCOMPARE(scalar("SELECT balance + locked FROM wallets WHERE user_id = " + std::to_string(m_bobId)),
             qint64(70'000));
    const ConsoleRun verify = console({QStringLiteral("ledger"), QStringLiteral("verify")});
    QVERIFY2(verify.exitCode == 0, qPrintable(verify.out + verify.err));
    QVERIFY2(stopServer(), qPrintable(m_log));
    QVERIFY(!EmbeddedCluster(dataDir()).isRunning());
}

QTEST_GUILESS_MAIN(TstServeProcess)
#include "tst_serve_process.moc"
