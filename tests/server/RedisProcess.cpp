#include "tests/server/RedisProcess.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTest>

#include <hiredis/hiredis.h>

namespace nb::test {

namespace {

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

bool redisAnswers(quint16 port)
{
    redisContext* c = redisConnectWithTimeout("127.0.0.1", port, timeval{0, 200'000});
    if (!c)
        return false;
    bool ok = false;
    if (!c->err) {
        if (auto* reply = static_cast<redisReply*>(redisCommand(c, "PING"))) {
            ok = reply->type == REDIS_REPLY_STATUS;
            freeReplyObject(reply);
        }
    }
    redisFree(c);
    return ok;
}

} // namespace

RedisProcess::RedisProcess()
    : m_port(freePort())
{
    m_process.setStandardOutputFile(QProcess::nullDevice());
    m_process.setStandardErrorFile(QProcess::nullDevice());
}

RedisProcess::~RedisProcess()
{
    stop();
}

bool RedisProcess::start()
{
    if (isRunning())
        return true;
    m_process.start(QStringLiteral("redis-server"),
                    {QStringLiteral("--port"), QString::number(m_port), QStringLiteral("--bind"),
                     QStringLiteral("127.0.0.1"), QStringLiteral("--save"), QString(),
                     QStringLiteral("--appendonly"), QStringLiteral("no")});
    if (!m_process.waitForStarted(5000))
        return false;
    return QTest::qWaitFor([this] { return redisAnswers(m_port); }, 10'000);
}

void RedisProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

} // namespace nb::test
