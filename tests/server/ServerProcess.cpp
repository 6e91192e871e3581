#include "tests/server/ServerProcess.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTest>

#include <algorithm>
#include <csignal>
#include <sys/types.h>

#ifndef NB_SERVER_BIN
#error "NB_SERVER_BIN must name the neighborbid-server executable"
#endif

namespace nb::test {

namespace {

QString stdoutPath(const QTemporaryDir& dir)
{
    return dir.filePath(QStringLiteral("stdout.txt"));
}

QString stderrPath(const QTemporaryDir& dir)
{
    return dir.filePath(QStringLiteral("stderr.txt"));
}

/// The port of a line "<kind> listening on ADDR:PORT", or 0.
quint16 listeningPort(const QString& text, const QString& kind)
{
    const QString prefix = kind + QStringLiteral(" listening on ");
    for (const QString& line : text.split(QLatin1Char('\n'))) {
        if (!line.startsWith(prefix))
            continue;
        const int colon = line.lastIndexOf(QLatin1Char(':'));
        bool ok = false;
        const uint port = line.mid(colon + 1).trimmed().toUInt(&ok);
        return ok && port > 0 && port <= 65535 ? static_cast<quint16>(port) : 0;
    }
    return 0;
}

bool hasOption(const QStringList& arguments, const QString& option)
{
    return arguments.contains(option) ||
           std::any_of(arguments.cbegin(), arguments.cend(),
                       [&](const QString& a) { return a.startsWith(option + QLatin1Char('=')); });
}

} // namespace

ServerProcess::ServerProcess()
    : m_dir(QStringLiteral("/tmp/nbserver-XXXXXX"))
{}

ServerProcess::~ServerProcess()
{
    if (m_process.state() != QProcess::NotRunning)
        stop();
}

QString ServerProcess::program()
{
    return QStringLiteral(NB_SERVER_BIN);
}

bool ServerProcess::start(const QStringList& arguments, int timeoutMs)
{
    if (!m_dir.isValid() || m_process.state() != QProcess::NotRunning)
        return false;
    QStringList args{QStringLiteral("serve")};
    args += arguments;
    if (!hasOption(arguments, QStringLiteral("--listen")))
        args += {QStringLiteral("--listen"), QStringLiteral("127.0.0.1")};
    if (!hasOption(arguments, QStringLiteral("--http-port")))
        args += {QStringLiteral("--http-port"), QStringLiteral("0")};
    if (!hasOption(arguments, QStringLiteral("--ws-port")))
        args += {QStringLiteral("--ws-port"), QStringLiteral("0")};

    m_httpPort = 0;
    m_wsPort = 0;
    m_process.setProgram(program());
    m_process.setArguments(args);
    m_process.setStandardOutputFile(stdoutPath(m_dir), QIODevice::Truncate);
    m_process.setStandardErrorFile(stderrPath(m_dir), QIODevice::Truncate);
    m_process.start();
    if (!m_process.waitForStarted(10'000))
        return false;
    m_pid = m_process.processId();

    QElapsedTimer timer;
    timer.start();
    while (!timer.hasExpired(timeoutMs)) {
        if (readListeningLines())
            return true;
        if (m_process.state() == QProcess::NotRunning)
            return false;
        QTest::qWait(50);
    }
    return false;
}

bool ServerProcess::readListeningLines()
{
    QFile out(stdoutPath(m_dir));
    if (!out.open(QIODevice::ReadOnly))
        return false;
    const QString text = QString::fromUtf8(out.readAll());
    m_httpPort = listeningPort(text, QStringLiteral("http"));
    m_wsPort = listeningPort(text, QStringLiteral("ws"));
    return m_httpPort != 0 && m_wsPort != 0;
}

bool ServerProcess::signal(int number) const
{
    return m_pid > 0 && m_process.state() != QProcess::NotRunning &&
           ::kill(static_cast<pid_t>(m_pid), number) == 0;
}

bool ServerProcess::stop(int timeoutMs)
{
    if (m_process.state() == QProcess::NotRunning)
        return m_process.exitStatus() == QProcess::NormalExit && m_process.exitCode() == 0;
    signal(SIGTERM);
    // A frozen process keeps the SIGTERM pending until it runs again.
    signal(SIGCONT);
    if (m_process.waitForFinished(timeoutMs))
        return m_process.exitStatus() == QProcess::NormalExit && m_process.exitCode() == 0;
    qWarning("server pid %lld ignored SIGTERM for %d ms; killing it", m_pid, timeoutMs);
    signal(SIGKILL);
    m_process.waitForFinished(10'000);
    return false;
}

void ServerProcess::kill()
{
    signal(SIGKILL);
    m_process.waitForFinished(10'000);
}

void ServerProcess::suspend()
{
    signal(SIGSTOP);
}

void ServerProcess::resume()
{
    signal(SIGCONT);
}

bool ServerProcess::isRunning() const
{
    if (m_pid <= 0 || m_process.state() == QProcess::NotRunning || ::kill(static_cast<pid_t>(m_pid), 0) != 0)
        return false;
    // A child that died but was not reaped yet is a zombie: gone as far as the test cares.
    QFile stat(QStringLiteral("/proc/%1/stat").arg(m_pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    const QByteArray text = stat.readAll();
    const int afterName = text.lastIndexOf(')');
    return afterName < 0 || text.mid(afterName + 2, 1) != "Z";
}

QString ServerProcess::log() const
{
    QFile err(stderrPath(m_dir));
    return err.open(QIODevice::ReadOnly) ? QString::fromUtf8(err.readAll()) : QString();
}

CommandRun ServerProcess::run(const QStringList& arguments, int timeoutMs)
{
    QProcess process;
    process.start(program(), arguments);
    CommandRun result;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(10'000);
        result.err = QStringLiteral("did not finish within %1 ms").arg(timeoutMs);
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

} // namespace nb::test
