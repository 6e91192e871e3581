#include "server/transport/CompletionQueue.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QMetaObject>

#include <exception>

namespace nb::transport {

CompletionQueue::CompletionQueue(QObject* parent)
    : QObject(parent)
{}

CompletionQueue::~CompletionQueue() = default;

void CompletionQueue::push(std::unique_ptr<Task> task)
{
    {
        std::lock_guard lock(m_mutex);
        m_tasks.push_back(std::move(task));
        if (m_scheduled)
            return;
        m_scheduled = true;
    }
    QMetaObject::invokeMethod(this, &CompletionQueue::runSlice, Qt::QueuedConnection);
}

void CompletionQueue::runSlice()
{
    QElapsedTimer slice;
    slice.start();
    for (;;) {
        std::unique_ptr<Task> task;
        {
            std::lock_guard lock(m_mutex);
            if (m_tasks.empty()) {
                m_scheduled = false;
                return;
            }
            if (slice.nsecsElapsed() > kSliceUs * 1000)
                break; // still scheduled: the next slice is posted below
            task = std::move(m_tasks.front());
            m_tasks.pop_front();
        }
        try {
            task->run();
        } catch (const std::exception& e) {
            // An answer that fails is a bug; the answers behind it still go out.
            qCritical("An answer failed: %s", e.what());
        } catch (...) {
            qCritical("An answer failed.");
        }
    }
    // Posted from inside the event loop's round of posted events, the next slice runs in the
    // next round, after the thread has polled its sockets.
    QMetaObject::invokeMethod(this, &CompletionQueue::runSlice, Qt::QueuedConnection);
}

} // namespace nb::transport
