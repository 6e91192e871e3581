#pragma once

#include <QObject>

#include <deque>
#include <functional>
#include <mutex>

namespace nb::transport {

/// The answers of the workers, run on the thread that serves the sockets a slice at a time.
/// Answers come in bursts: when a bid on a hot auction commits, every bid that waited for it is
/// refused in the same instant. Run in one go, such a burst keeps the thread sending for
/// milliseconds while the requests that could win next wait unread behind it; here a slice runs
/// for at most kSliceUs, then the thread reads its sockets before the next slice. One posted
/// event per slice, not one per answer. Thread-safe; answers run in the order they came.
class CompletionQueue final : public QObject {
public:
    static constexpr qint64 kSliceUs = 250;

    explicit CompletionQueue(QObject* parent = nullptr);
    ~CompletionQueue() override;

    /// Queues answer() to run on this object's thread. Any thread.
    void post(std::function<void()> answer);

private:
    void runSlice();

    std::mutex m_mutex;
    std::deque<std::function<void()>> m_answers;
    bool m_scheduled = false; // a slice is posted and has not finished
};

} // namespace nb::transport
