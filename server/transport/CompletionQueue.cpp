#include "server/transport/CompletionQueue.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QMetaObject>

#include <exception>
#include <utility>

namespace nb::transport {

CompletionQueue::CompletionQueue(QObject* parent)
    : QObject(parent)
{}

CompletionQueue::~CompletionQueue() = default;

void CompletionQueue::post(std::function<void()> answer)
{
    {
        std::lock_guard lock(m_mutex);
        m_answers.push_back(std::move(answer));
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
        std::function<void()> answer;
        {
            std::lock_guard lock(m_mutex);
            if (m_answers.empty()) {
                m_scheduled = false;
                return;
            }
            if (slice.nsecsElapsed() > kSliceUs * 1000)
                break; // still scheduled: the next slice is posted below
            answer = std::move(m_answers.front());
            m_answers.pop_front();
        }
        try {
            answer();
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
