#include "server/transport/ws/SendCoalescer.h"

#include "server/transport/Metrics.h"
#include "server/transport/ws/ClientSession.h"

#include <QMetaObject>
#include <QThread>

#include <algorithm>
#include <utility>

namespace nb::transport {

namespace {
/// Helper threads for large fan-outs: one per further core, a few at most.
int senderHelpers()
{
    return std::clamp(QThread::idealThreadCount() - 1, 0, 3);
}
} // namespace

SendCoalescer::SendCoalescer(Metrics& metrics, QObject* parent)
    : QObject(parent)
    , m_metrics(metrics)
    , m_sender(senderHelpers())
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
    std::vector<ParallelSender::Job> jobs;
    std::vector<ClientSession*> owners;
    jobs.reserve(waiting.size());
    owners.reserve(waiting.size());
    qint64 writes = 0;
    for (const QPointer<ClientSession>& session : waiting) {
        if (!session)
            continue; // gone meanwhile: its queue went with it
        QByteArray bytes = session->takeQueued();
        if (bytes.isEmpty())
            continue; // an answer took it along
        if (const int fd = session->directWriteFd(); fd >= 0) {
            jobs.push_back({fd, std::move(bytes), 0});
            owners.push_back(session);
        } else if (session->writeQueued(bytes)) {
            ++writes;
        }
    }
    // Nothing here runs while the sender works, so every session and socket stays as it was.
    m_sender.send(jobs);
    for (std::size_t i = 0; i < jobs.size(); ++i)
        owners[i]->finishDirectWrite(jobs[i].bytes, jobs[i].sent);
    m_metrics.countPushWrites(writes + static_cast<qint64>(jobs.size()));
}

} // namespace nb::transport
