#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace nb::test {

/// What a command of the binary that ran to its end left behind.
struct CommandRun {
    int exitCode = -1; // -1: crashed or did not finish
    QString out;
    QString err;
};

/// One real `neighborbid-server serve` process (NB_SERVER_BIN). Its output goes to files, so a
/// chatty server never blocks on a full pipe while the test waits on something else. Whatever
/// happens in the test, the destructor stops the process by its pid (SIGTERM, then SIGKILL).
class ServerProcess {
public:
    ServerProcess();
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    /// Starts `serve arguments…` (adding --listen 127.0.0.1 and ports 0 unless given) and waits
    /// for its two "listening" lines; false (see log()) when they do not come.
    bool start(const QStringList& arguments, int timeoutMs = 60'000);
    /// SIGTERM by pid (and SIGCONT, should it be suspended), then waits for the exit. True when it
    /// exited by itself with code 0.
    bool stop(int timeoutMs = 30'000);
    /// SIGKILL by pid: the process dies at once, leaving its connections to the peers to notice.
    void kill();
    /// SIGSTOP / SIGCONT: the process freezes with its sockets and connections open.
    void suspend();
    void resume();

    bool isRunning() const;
    qint64 pid() const { return m_pid; }
    quint16 httpPort() const { return m_httpPort; }
    quint16 wsPort() const { return m_wsPort; }
    /// Everything the server wrote to stderr so far.
    QString log() const;

    /// Runs the binary with arguments to its end (any command, e.g. `console …`).
    static CommandRun run(const QStringList& arguments, int timeoutMs = 60'000);
    static QString program();

private:
    bool readListeningLines();
    bool signal(int number) const;

    QTemporaryDir m_dir;
    QProcess m_process;
    qint64 m_pid = 0;
    quint16 m_httpPort = 0;
    quint16 m_wsPort = 0;
};

} // namespace nb::test
