#include "server/storage/PostgresTools.h"

#include "server/storage/ClusterError.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QVersionNumber>

#include <algorithm>
#include <grp.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

namespace nb::storage {

namespace {

bool hasServerPrograms(const QString& dir)
{
    return !dir.isEmpty() && QFileInfo(dir + QStringLiteral("/initdb")).isExecutable() &&
           QFileInfo(dir + QStringLiteral("/pg_ctl")).isExecutable();
}

QString binDirFromPgConfig()
{
    const QString pgConfig = QStandardPaths::findExecutable(QStringLiteral("pg_config"));
    if (pgConfig.isEmpty())
        return {};
    QProcess process;
    process.start(pgConfig, {QStringLiteral("--bindir")});
    if (!process.waitForFinished(10'000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0)
        return {};
    return QString::fromLocal8Bit(process.readAllStandardOutput()).trimmed();
}

QString newestDebianBinDir()
{
    const QDir base(QStringLiteral("/usr/lib/postgresql"));
    QStringList versions = base.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(versions.begin(), versions.end(), [](const QString& a, const QString& b) {
        return QVersionNumber::fromString(a) > QVersionNumber::fromString(b);
    });
    for (const QString& version : std::as_const(versions)) {
        const QString dir = base.filePath(version + QStringLiteral("/bin"));
        if (hasServerPrograms(dir))
            return dir;
    }
    return {};
}

QString findBinDir()
{
    if (const QString dir = binDirFromPgConfig(); hasServerPrograms(dir))
        return dir;
    if (const QString dir = newestDebianBinDir(); !dir.isEmpty())
        return dir;
    const QString initdb = QStandardPaths::findExecutable(QStringLiteral("initdb"));
    if (const QString dir = QFileInfo(initdb).path(); !initdb.isEmpty() && hasServerPrograms(dir))
        return dir;
    throw ClusterError("PostgreSQL's server programs (initdb, pg_ctl) were not found. Install PostgreSQL "
                       "(Debian/Ubuntu: apt install postgresql), or point the server at an existing "
                       "database with --database.");
}

QString runuserPath()
{
    const QString found = QStandardPaths::findExecutable(
        QStringLiteral("runuser"), {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin"),
                                    QStringLiteral("/usr/bin"), QStringLiteral("/bin")});
    return found.isEmpty() ? QStringLiteral("runuser") : found;
}

QString modeText(mode_t mode)
{
    return QStringLiteral("%1").arg(mode & 07777, 4, 8, QLatin1Char('0'));
}

} // namespace

PostgresUser PostgresUser::forDataDir(const QString& pgdata)
{
    PostgresUser user;
    if (::geteuid() != 0)
        return user;

    const passwd* entry = nullptr;
    struct stat info {};
    const QByteArray version = QFile::encodeName(pgdata + QStringLiteral("/PG_VERSION"));
    if (::stat(version.constData(), &info) == 0 && info.st_uid != 0)
        entry = ::getpwuid(info.st_uid);
    if (!entry)
        entry = ::getpwnam("postgres");
    if (!entry)
        entry = ::getpwnam("nobody");
    if (!entry)
        throw ClusterError("the server runs as root and PostgreSQL refuses to, but there is neither a "
                           "'postgres' nor a 'nobody' user to run it as");

    user.m_switch = true;
    user.m_name = QString::fromLocal8Bit(entry->pw_name);
    user.m_uid = entry->pw_uid;
    user.m_gid = entry->pw_gid;
    int count = 32;
    for (;;) {
        user.m_groups.resize(static_cast<std::size_t>(count));
        const int capacity = count;
        if (::getgrouplist(entry->pw_name, entry->pw_gid, user.m_groups.data(), &count) != -1) {
            user.m_groups.resize(static_cast<std::size_t>(count));
            break;
        }
        if (count <= capacity)
            count = capacity * 2;
    }
    return user;
}

void PostgresUser::giveOwnership(const QString& path) const
{
    if (!m_switch)
        return;
    if (::chown(QFile::encodeName(path).constData(), m_uid, m_gid) != 0)
        throw ClusterError(QStringLiteral("cannot give %1 to the user '%2' that PostgreSQL runs as")
                               .arg(path, m_name)
                               .toStdString());
}

bool PostgresUser::canEnter(const QString& dir, QString* why) const
{
    struct stat info {};
    if (::stat(QFile::encodeName(dir).constData(), &info) != 0) {
        *why = QStringLiteral("it does not exist or cannot be read");
        return false;
    }
    mode_t needed = S_IXOTH;
    if (info.st_uid == m_uid)
        needed = S_IXUSR;
    else if (std::find(m_groups.begin(), m_groups.end(), info.st_gid) != m_groups.end())
        needed = S_IXGRP;
    if (info.st_mode & needed)
        return true;
    const passwd* owner = ::getpwuid(info.st_uid);
    *why = QStringLiteral("mode %1, owner %2")
               .arg(modeText(info.st_mode),
                    owner ? QString::fromLocal8Bit(owner->pw_name) : QString::number(info.st_uid));
    return false;
}

void PostgresUser::checkCanEnter(const QString& dir) const
{
    if (!m_switch)
        return;
    QStringList chain;
    for (QString step = QDir::cleanPath(dir); !step.isEmpty(); step = QFileInfo(step).path()) {
        chain.prepend(step);
        if (step == QLatin1String("/"))
            break;
    }
    for (const QString& step : std::as_const(chain)) {
        QString why;
        if (!canEnter(step, &why))
            throw ClusterError(
                QStringLiteral("PostgreSQL runs as the user '%1' here (the server runs as root), and "
                               "that user cannot enter %2 (%3). Choose a --data-dir it can reach, "
                               "or allow it with: chmod o+x %2")
                    .arg(m_name, step, why)
                    .toStdString());
    }
}

QStringList PostgresUser::commandLine(const QString& binary, const QStringList& args) const
{
    if (!m_switch)
        return QStringList{binary} + args;
    return QStringList{runuserPath(), QStringLiteral("-u"), m_name, QStringLiteral("--"), binary} + args;
}

QString postgresBinDir()
{
    static const QString dir = findBinDir();
    return dir;
}

ToolResult runPostgresTool(const QString& tool, const QStringList& args, const PostgresUser& user,
                           const QString& workDir, int timeoutMs)
{
    QStringList command = user.commandLine(postgresBinDir() + QLatin1Char('/') + tool, args);
    const QString program = command.takeFirst();

    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setWorkingDirectory(workDir);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // English messages, so that a failure can be recognised and reported as it is.
    env.remove(QStringLiteral("LC_ALL"));
    env.insert(QStringLiteral("LC_MESSAGES"), QStringLiteral("C"));
    process.setProcessEnvironment(env);
    process.start(program, command);

    ToolResult result;
    if (!process.waitForStarted(10'000)) {
        result.output = QStringLiteral("cannot run %1: %2").arg(program, process.errorString()).toUtf8();
        return result;
    }
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5'000);
        result.output =
            process.readAll() +
            QStringLiteral("\n%1 did not finish within %2 s").arg(tool).arg(timeoutMs / 1000).toUtf8();
        return result;
    }
    result.output = process.readAll();
    result.ok = process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    return result;
}

} // namespace nb::storage
