#include "server/app/DatabaseTarget.h"

#include "server/storage/EmbeddedCluster.h"

#include <QDir>
#include <QLockFile>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QUrl>

#include <cstdio>
#include <stdexcept>
#include <unistd.h>

namespace nb::app {

namespace {

// A console command holds serve.lock only while it stops the cluster, so a server starting at
// that moment waits this long before concluding that another process owns the folder.
constexpr int kServeLockWaitMs = 5000;

QString environment(const char* name)
{
    return qEnvironmentVariable(name).trimmed();
}

QString withoutPassword(const QString& dsn)
{
    QString redacted = dsn;
    if (dsn.startsWith(QLatin1String("postgres://")) || dsn.startsWith(QLatin1String("postgresql://"))) {
        QUrl url(dsn);
        url.setPassword(QString());
        redacted = url.toString();
    }
    // key=value strings, and URIs carrying ?password=…
    static const QRegularExpression password(
        QStringLiteral("password\\s*=\\s*('(?:[^'\\\\]|\\\\.)*'|[^\\s&]+)"));
    redacted.replace(password, QStringLiteral("password=***"));
    return redacted;
}

} // namespace

DatabaseTarget::DatabaseTarget(const QString& dataDirOption, const QString& databaseOption)
    : m_log([](const QString& line) {
        std::fputs(line.toLocal8Bit().constData(), stderr);
        std::fputc('\n', stderr);
        std::fflush(stderr);
    })
{
    if (!dataDirOption.isEmpty() && !databaseOption.isEmpty())
        throw std::invalid_argument("--data-dir and --database cannot be used together");
    if (!databaseOption.isEmpty())
        m_dsn = databaseOption;
    else if (!dataDirOption.isEmpty())
        m_dataDir = QDir::cleanPath(QDir(dataDirOption).absolutePath());
    else if (const QString dsn = environment("NEIGHBORBID_DATABASE"); !dsn.isEmpty())
        m_dsn = dsn;
    else if (const QString home = environment("NEIGHBORBID_HOME"); !home.isEmpty())
        m_dataDir = QDir::cleanPath(QDir(home).absolutePath());
    else
        m_dataDir = defaultDataDir();
}

DatabaseTarget::~DatabaseTarget()
{
    close();
}

QString DatabaseTarget::defaultDataDir()
{
    if (::geteuid() == 0)
        return QStringLiteral("/var/lib/neighborbid");
    QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    if (base.isEmpty())
        base = QDir::homePath() + QStringLiteral("/.local/share");
    return QDir::cleanPath(base + QStringLiteral("/neighborbid"));
}

void DatabaseTarget::log(const QString& line) const
{
    if (m_log)
        m_log(QStringLiteral("database: ") + line);
}

void DatabaseTarget::open(Role role)
{
    if (m_open)
        throw std::logic_error("DatabaseTarget::open called twice");
    m_role = role;
    if (usesPrivateCluster()) {
        openPrivate(role);
    } else {
        m_connectionString = m_dsn.toStdString();
        log(QStringLiteral("using PostgreSQL at %1").arg(withoutPassword(m_dsn)));
    }
    m_open = true;
}

void DatabaseTarget::takeServeLock()
{
    auto lock = std::make_unique<QLockFile>(m_dataDir + QStringLiteral("/serve.lock"));
    lock->setStaleLockTime(0);
    if (!lock->tryLock(kServeLockWaitMs)) {
        qint64 pid = 0;
        QString host;
        QString app;
        lock->getLockInfo(&pid, &host, &app);
        if (lock->error() == QLockFile::PermissionError)
            throw storage::ClusterError(QStringLiteral("cannot create %1/serve.lock: permission denied")
                                            .arg(m_dataDir)
                                            .toStdString());
        throw storage::ClusterError(
            QStringLiteral("another neighborbid-server process (pid %1) is already serving "
                           "from %2; stop it or choose another --data-dir")
                .arg(pid)
                .arg(m_dataDir)
                .toStdString());
    }
    m_serveLock = std::move(lock);
}

void DatabaseTarget::openPrivate(Role role)
{
    m_cluster = std::make_unique<storage::EmbeddedCluster>(m_dataDir, m_extraSettings);
    m_cluster->prepareDataDir();
    if (role == Role::Serve)
        takeServeLock();
    try {
        const bool existed = m_cluster->isInitialized();
        m_started = m_cluster->ensureRunning();
        if (!existed)
            log(QStringLiteral("created a private PostgreSQL cluster in %1").arg(m_dataDir));
        if (m_started)
            log(QStringLiteral("started private PostgreSQL in %1 on port %2")
                    .arg(m_dataDir)
                    .arg(m_cluster->port()));
        else
            log(QStringLiteral("using the private PostgreSQL already running in %1 on port %2")
                    .arg(m_dataDir)
                    .arg(m_cluster->port()));
        if (m_cluster->ensureDatabase(QString::fromLatin1(kDatabaseName)))
            log(QStringLiteral("created database %1").arg(QString::fromLatin1(kDatabaseName)));
        m_connectionString = m_cluster->connectionString(QString::fromLatin1(kDatabaseName));
    } catch (...) {
        m_open = true;
        close();
        throw;
    }
}

void DatabaseTarget::close() noexcept
{
    if (!m_open)
        return;
    m_open = false;
    if (!m_cluster)
        return;
    try {
        // A server stops the cluster it owns whoever started it; a command only one it started,
        // and not if a server has taken the folder over since (it then holds serve.lock).
        bool stop = m_role == Role::Serve || m_started;
        if (m_role == Role::Command && m_started) {
            m_serveLock = std::make_unique<QLockFile>(m_dataDir + QStringLiteral("/serve.lock"));
            m_serveLock->setStaleLockTime(0);
            if (!m_serveLock->tryLock(0)) {
                stop = false;
                log(QStringLiteral("leaving private PostgreSQL in %1 running for the server now using it")
                        .arg(m_dataDir));
            }
        }
        if (stop && m_cluster->isRunning()) {
            m_cluster->stop();
            log(QStringLiteral("stopped private PostgreSQL in %1").arg(m_dataDir));
        }
    } catch (const std::exception& e) {
        log(QStringLiteral("could not stop private PostgreSQL in %1: %2")
                .arg(m_dataDir, QString::fromUtf8(e.what())));
    }
    m_serveLock.reset();
    m_cluster.reset();
    m_started = false;
}

} // namespace nb::app
