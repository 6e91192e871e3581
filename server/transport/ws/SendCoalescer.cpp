#include "server/transport/ws/SendCoalescer.h"

#include "server/transport/Metrics.h"
#include "server/transport/ws/ClientSession.h"

#include <QMetaObject>

#include <utility>

namespace nb::transport {

SendCoalescer::SendCoalescer(Metrics& metrics, QObject* parent)
    : QObject(parent)
    , m_metrics(metrics)
{}

void SendCoalescer::schedule(ClientSession& session)
{
    m_waiting.emplace_back(&session);
    if (m_flushPosted)
        return;
    m_flushPosted = true;
    QMetaObject::invokeMethod(this, &SendCoalescer::flush, Qt::QueuedConnection);
}

void SendCoalescer::flush()
{
    m_flushPosted = false;
    // Writing can close a connection and so queue more work; what is scheduled meanwhile
    // goes in the next pass.
    const std::vector<QPointer<ClientSession>> waiting = std::exchange(m_waiting, {});
    qint64 writes = 0;
    for (const QPointer<ClientSession>& session : waiting) {
        if (session && session->flushQueued()) // gone meanwhile: its queue went with it
            ++writes;
    }
    m_metrics.countPushWrites(writes);
}

} // namespace nb::transport
