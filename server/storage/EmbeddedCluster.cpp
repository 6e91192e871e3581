#include "server/storage/EmbeddedCluster.h"

#include "server/storage/PostgresTools.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QLockFile>
#include <QTcpServer>
#include <QThread>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <pqxx/connection>
#include <pqxx/except>
#include <pqxx/nontransaction>
#include <sys/stat.h>
#include <unistd.h>

namespace nb::storage {

namespace {

// sun_path holds 108 bytes including the terminating NUL; postgres names the socket
// DIR/.s.PGSQL.PORT with a port of up to five digits.
constexpr int kMaxSocketPathBytes = 107;
constexpr int kSocketFileNameBytes = 15; // "/.s.PGSQL.65535"

constexpr int kInitdbTimeoutMs = 180'000;
constexpr int kPgCtlWaitSeconds = 60;
constexpr int kPgCtlTimeoutMs = (kPgCtlWaitSeconds + 30) * 1000;
constexpr int kStartLockTimeoutMs = 180'000;
constexpr int kStartAttempts = 3;

QString shellQuote(const QString& value)
{
    QString quoted = value;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

QString libpqQuote(const QString& value)
{
    QString quoted = value;
    quoted.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    quoted.replace(QLatin1Char('\''), QStringLiteral("\\'"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

int pickFreePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        throw ClusterError("cannot find a free TCP port on 127.0.0.1 for PostgreSQL: " +
                           probe.errorString().toStdString());
    return probe.serverPort();
}

bool processAlive(qint64 pid)
{
    if (pid <= 0)
        return false;
    if (::kill(static_cast<pid_t>(pid), 0) != 0 && errno != EPERM)
        return false;
    // After a crash the pid in postmaster.pid may belong to an unrelated process by now.
    QFile comm(QStringLiteral("/proc/%1/comm").arg(pid));
    if (!comm.open(QIODevice::ReadOnly))
        return true;
    const QByteArray name = comm.readAll().trimmed();
    return name.startsWith("postgres") || name.startsWith("postmaster");
}

QStringList lastLines(const QByteArray& text, int lines)
{
    QStringList all = QString::fromUtf8(text).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (all.size() > lines)
        all = all.mid(all.size() - lines);
    return all;
}

qint64 fileSize(const QString& path)
{
    return QFileInfo(path).exists() ? QFileInfo(path).size() : 0;
}

QString logSince(const QString& path, qint64 offset, int lines)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    if (offset > 0 && offset <= file.size())
        file.seek(offset);
    return lastLines(file.readAll(), lines).join(QLatin1Char('\n'));
}

} // namespace

EmbeddedCluster::EmbeddedCluster(QString dataDir, QStringList extraSettings)
    : m_dataDir(QDir::cleanPath(QFileInfo(dataDir).absoluteFilePath()))
    , m_extraSettings(std::move(extraSettings))
{}

QString EmbeddedCluster::pgDataDir() const
{
    return m_dataDir + QStringLiteral("/pgdata");
}

QString EmbeddedCluster::socketDir() const
{
    return m_dataDir + QStringLiteral("/run");
}

QString EmbeddedCluster::logFile() const
{
    return socketDir() + QStringLiteral("/postgres.log");
}

void EmbeddedCluster::checkSocketPathLength() const
{
    const int bytes = static_cast<int>(socketDir().toUtf8().size()) + kSocketFileNameBytes;
    if (bytes > kMaxSocketPathBytes)
        throw ClusterError(
            QStringLiteral("the data folder path %1 is too long: PostgreSQL's socket path %2/.s.PGSQL.PORT "
                           "would be %3 bytes, and Linux allows %4. Choose a shorter --data-dir.")
                .arg(m_dataDir, socketDir())
                .arg(bytes)
                .arg(kMaxSocketPathBytes)
                .toStdString());
}

void EmbeddedCluster::prepareDataDir()
{
    checkSocketPathLength();
    const PostgresUser user = PostgresUser::forDataDir(pgDataDir());

    QStringList created;
    for (QString dir = m_dataDir; !QFileInfo::exists(dir) && dir != QLatin1String("/");
         dir = QFileInfo(dir).path())
        created.prepend(dir);
    if (!QDir().mkpath(m_dataDir))
        throw ClusterError(QStringLiteral("cannot create the data folder %1: %2")
                               .arg(m_dataDir, QString::fromLocal8Bit(std::strerror(errno)))
                               .toStdString());
    for (const QString& dir : std::as_const(created)) {
        // A folder we made for a server running as root must let postgres through; one we
        // made for an ordinary user stays private.
        const mode_t mode = !user.switchesUser() ? 0700 : dir == m_dataDir ? 0711 : 0755;
        ::chmod(QFile::encodeName(dir).constData(), mode);
    }

    const QString pgdata = pgDataDir();
    const QString run = socketDir();
    const bool newPgdata = !QFileInfo::exists(pgdata);
    const bool newRun = !QFileInfo::exists(run);
    if (!QDir().mkpath(pgdata) || !QDir().mkpath(run))
        throw ClusterError(QStringLiteral("cannot create %1 and %2: %3")
                               .arg(pgdata, run, QString::fromLocal8Bit(std::strerror(errno)))
                               .toStdString());
    if (newPgdata) {
        user.giveOwnership(pgdata);
        ::chmod(QFile::encodeName(pgdata).constData(), 0700);
    }
    user.giveOwnership(run);
    if (newRun)
        ::chmod(QFile::encodeName(run).constData(), 0700);
    user.checkCanEnter(m_dataDir);
}

bool EmbeddedCluster::isInitialized() const
{
    return QFileInfo::exists(pgDataDir() + QStringLiteral("/PG_VERSION"));
}

void EmbeddedCluster::initialize()
{
    prepareDataDir();
    if (isInitialized())
        return;
    if (!QDir(pgDataDir()).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden))
        throw ClusterError(QStringLiteral("%1 is not empty but holds no PostgreSQL cluster (no PG_VERSION); "
                                          "move it away or choose another --data-dir")
                               .arg(pgDataDir())
                               .toStdString());

    // Only the unix socket, inside a folder no one else may enter, is trusted; TCP connections
    // on the private port are refused, so other local users cannot reach the cluster.
    QStringList args{QStringLiteral("-D"),
                     pgDataDir(),
                     QStringLiteral("-U"),
                     QStringLiteral("postgres"),
                     QStringLiteral("--auth-local=trust"),
                     QStringLiteral("--auth-host=reject"),
                     QStringLiteral("-E"),
                     QStringLiteral("UTF8"),
                     QStringLiteral("--locale=C.UTF-8")};
    if (m_extraSettings.contains(QStringLiteral("fsync=off")))
        args << QStringLiteral("--no-sync");
    const PostgresUser user = PostgresUser::forDataDir(pgDataDir());
    const ToolResult result =
        runPostgresTool(QStringLiteral("initdb"), args, user, m_dataDir, kInitdbTimeoutMs);
    if (!result.ok)
        throw ClusterError(QStringLiteral("initdb could not create a PostgreSQL cluster in %1:\n%2")
                               .arg(pgDataDir(), lastLines(result.output, 15).join(QLatin1Char('\n')))
                               .toStdString());
}

EmbeddedCluster::PidFile EmbeddedCluster::readPidFile() const
{
    // postmaster.pid: pid, data dir, start time, port, socket dir, listen address, shmem key,
    // status ("starting", "ready", "stopping").
    PidFile info;
    QFile file(pgDataDir() + QStringLiteral("/postmaster.pid"));
    if (!file.open(QIODevice::ReadOnly))
        return info;
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    if (lines.size() > 0)
        info.pid = lines[0].trimmed().toLongLong();
    if (lines.size() > 3)
        info.port = lines[3].trimmed().toInt();
    if (lines.size() > 4)
        info.socketDir = lines[4].trimmed();
    if (lines.size() > 7)
        info.status = lines[7].trimmed();
    return info;
}

bool EmbeddedCluster::isRunning() const
{
    return processAlive(readPidFile().pid);
}

void EmbeddedCluster::waitUntilReady(int timeoutMs) const
{
    QElapsedTimer timer;
    timer.start();
    for (;;) {
        const PidFile info = readPidFile();
        if (!processAlive(info.pid))
            throw ClusterError(
                QStringLiteral("the PostgreSQL cluster in %1 stopped while we waited for it\n%2")
                    .arg(m_dataDir, logTail())
                    .toStdString());
        if (info.status == QLatin1String("ready") && info.port > 0)
            return;
        if (timer.hasExpired(timeoutMs))
            throw ClusterError(
                QStringLiteral("the PostgreSQL cluster in %1 did not become ready within %2 s (state: %3)")
                    .arg(m_dataDir)
                    .arg(timeoutMs / 1000)
                    .arg(info.status.isEmpty() ? QStringLiteral("unknown") : info.status)
                    .toStdString());
        QThread::msleep(100);
    }
}

bool EmbeddedCluster::tryStart(int tcpPort, QString* failure)
{
    QString options = QStringLiteral("-c listen_addresses=127.0.0.1 -k %1 -p %2 -c max_connections=300")
                          .arg(shellQuote(socketDir()))
                          .arg(tcpPort);
    for (const QString& setting : m_extraSettings)
        options += QStringLiteral(" -c ") + shellQuote(setting);

    const qint64 logOffset = fileSize(logFile());
    const QStringList args{QStringLiteral("-D"),
                           pgDataDir(),
                           QStringLiteral("-l"),
                           logFile(),
                           QStringLiteral("-w"),
                           QStringLiteral("-t"),
                           QString::number(kPgCtlWaitSeconds),
                           QStringLiteral("-o"),
                           options,
                           QStringLiteral("start")};
    const PostgresUser user = PostgresUser::forDataDir(pgDataDir());
    const ToolResult result =
        runPostgresTool(QStringLiteral("pg_ctl"), args, user, m_dataDir, kPgCtlTimeoutMs);
    if (result.ok && isRunning())
        return true;
    *failure = lastLines(result.output, 5).join(QLatin1Char('\n'));
    const QString log = logSince(logFile(), logOffset, 20);
    if (!log.isEmpty())
        *failure += QStringLiteral("\n--- last lines of %1 ---\n%2").arg(logFile(), log);
    return false;
}

void EmbeddedCluster::start()
{
    checkSocketPathLength();
    if (!isInitialized())
        throw ClusterError(QStringLiteral("there is no PostgreSQL cluster in %1 yet (initialize it first)")
                               .arg(m_dataDir)
                               .toStdString());
    if (isRunning())
        throw ClusterError(
            QStringLiteral("the PostgreSQL cluster in %1 is already running").arg(m_dataDir).toStdString());
    prepareDataDir();

    QString failure;
    for (int attempt = 1; attempt <= kStartAttempts; ++attempt) {
        if (tryStart(pickFreePort(), &failure))
            return;
        // Another process may have taken the port between our probe and postgres binding it.
        const bool portTaken = failure.contains(QLatin1String("could not bind")) ||
                               failure.contains(QLatin1String("Address already in use"));
        if (!portTaken || isRunning())
            break;
    }
    throw ClusterError(
        QStringLiteral("PostgreSQL did not start in %1:\n%2").arg(m_dataDir, failure).toStdString());
}

void EmbeddedCluster::stop()
{
    if (!isRunning())
        return;
    const PostgresUser user = PostgresUser::forDataDir(pgDataDir());
    QString output;
    for (const char* mode : {"fast", "immediate"}) {
        const QStringList args{QStringLiteral("stop"),
                               QStringLiteral("-D"),
                               pgDataDir(),
                               QStringLiteral("-m"),
                               QLatin1String(mode),
                               QStringLiteral("-w"),
                               QStringLiteral("-t"),
                               QString::number(kPgCtlWaitSeconds)};
        const ToolResult result =
            runPostgresTool(QStringLiteral("pg_ctl"), args, user, m_dataDir, kPgCtlTimeoutMs);
        if (!isRunning())
            return;
        output = lastLines(result.output, 5).join(QLatin1Char('\n'));
    }
    throw ClusterError(QStringLiteral("the PostgreSQL cluster in %1 did not stop:\n%2")
                           .arg(m_dataDir, output)
                           .toStdString());
}

bool EmbeddedCluster::ensureRunning()
{
    prepareDataDir();
    QLockFile startLock(m_dataDir + QStringLiteral("/start.lock"));
    startLock.setStaleLockTime(0);
    if (!startLock.tryLock(kStartLockTimeoutMs))
        throw ClusterError(
            QStringLiteral("timed out waiting for another process to start the PostgreSQL cluster "
                           "in %1 (lock file %1/start.lock)")
                .arg(m_dataDir)
                .toStdString());
    if (!isInitialized())
        initialize();
    if (isRunning()) {
        waitUntilReady(kPgCtlWaitSeconds * 1000);
        return false;
    }
    start();
    return true;
}

int EmbeddedCluster::port() const
{
    const PidFile info = readPidFile();
    if (!processAlive(info.pid) || info.port <= 0)
        throw ClusterError(
            QStringLiteral("the PostgreSQL cluster in %1 is not running").arg(m_dataDir).toStdString());
    return info.port;
}

std::string EmbeddedCluster::connectionString(const QString& dbname) const
{
    const PidFile info = readPidFile();
    if (!processAlive(info.pid) || info.port <= 0)
        throw ClusterError(
            QStringLiteral("the PostgreSQL cluster in %1 is not running").arg(m_dataDir).toStdString());
    const QString host = info.socketDir.isEmpty() ? socketDir() : info.socketDir;
    return QStringLiteral("host=%1 port=%2 dbname=%3 user=postgres connect_timeout=10")
        .arg(libpqQuote(host))
        .arg(info.port)
        .arg(libpqQuote(dbname))
        .toStdString();
}

bool EmbeddedCluster::ensureDatabase(const QString& dbname)
{
    const std::string name = dbname.toStdString();
    try {
        pqxx::connection conn(connectionString(QStringLiteral("postgres")));
        pqxx::nontransaction tx(conn);
        if (!tx.exec_params("SELECT 1 FROM pg_database WHERE datname = $1", name).empty())
            return false;
        tx.exec("CREATE DATABASE " + tx.quote_name(name));
        return true;
    } catch (const pqxx::sql_error& e) {
        if (e.sqlstate() == "42P04") // duplicate_database: another process was quicker
            return false;
        throw ClusterError("cannot create database " + name + ": " + e.what());
    } catch (const pqxx::broken_connection& e) {
        throw ClusterError(QStringLiteral("cannot connect to the PostgreSQL cluster in %1: %2")
                               .arg(m_dataDir, QString::fromUtf8(e.what()).trimmed())
                               .toStdString());
    }
}

QString EmbeddedCluster::logTail(int lines) const
{
    return logSince(logFile(), 0, lines);
}

} // namespace nb::storage
