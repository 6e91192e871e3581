#pragma once

#include <QProcess>
#include <QString>

namespace nb::test {

/// A redis-server of the test's own on a free port of 127.0.0.1, without persistence. Stopped
/// (by its pid) when the object goes.
class RedisProcess {
public:
    RedisProcess();
    ~RedisProcess();

    /// Starts it (again) on the same port and waits until it answers PING.
    bool start();
    void stop();
    bool isRunning() const { return m_process.state() == QProcess::Running; }
    quint16 port() const { return m_port; }
    QString url() const { return QStringLiteral("redis://127.0.0.1:%1").arg(m_port); }

private:
    QProcess m_process;
    quint16 m_port = 0;
};

} // namespace nb::test
