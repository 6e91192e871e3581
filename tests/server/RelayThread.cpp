#include "tests/server/RelayThread.h"

namespace nb::test {

RelayThread::RelayThread(storage::ConnectionPool& pool, events::OutboxRelay::Sink sink)
{
    m_thread.setObjectName(QStringLiteral("test-relay"));
    m_thread.start();
    // Made on its own thread: its poll timer is a plain member, which moveToThread() would
    // leave behind (and the relay's backstop poll would then never run).
    m_anchor.moveToThread(&m_thread);
    QMetaObject::invokeMethod(
        &m_anchor,
        [this, &pool, &sink] {
            auto* relay = new events::OutboxRelay(pool, std::move(sink));
            QObject::connect(&m_thread, &QThread::finished, relay, &QObject::deleteLater);
            relay->start();
        },
        Qt::BlockingQueuedConnection);
}

RelayThread::~RelayThread()
{
    m_thread.quit();
    m_thread.wait();
}

} // namespace nb::test
