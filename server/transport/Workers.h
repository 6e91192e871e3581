#pragma once

#include "server/transport/CompletionQueue.h"

#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QThreadPool>

#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <type_traits>
#include <utility>

namespace nb::transport {

/// The worker threads that run the services, so that database work never blocks a thread
/// that serves sockets. Sized like the connection pool: a worker holds at most one connection.
class Workers {
public:
    /// Threads kept for bids holding their auction's lane turn when every worker is busy.
    static constexpr int kTurnReserve = 2;

    /// Where an answer goes: an object and whether it lives on the thread that made the Workers
    /// (the sockets' thread; its answers go through the CompletionQueue). Made on the object's
    /// thread; copied to any thread.
    class Recipient {
    public:
        bool alive() const { return !m_guard.isNull(); }

    private:
        friend class Workers;
        QPointer<QObject> m_guard;
        bool m_sliced = false;
    };

    /// threads workers, plus kTurnReserve threads that only serve runHoldingTurn().
    explicit Workers(int threads)
    {
        m_pool.setMaxThreadCount(threads);
        m_pool.setExpiryTimeout(-1); // keep threads (and their warm connections) alive
        m_turnReserve.setMaxThreadCount(kTurnReserve);
        m_turnReserve.setExpiryTimeout(-1);
    }
    ~Workers() { drain(); }
    Workers(const Workers&) = delete;
    Workers& operator=(const Workers&) = delete;

    QThreadPool& pool() { return m_pool; }

    /// Blocks until every task has finished. Called before the objects their answers are posted
    /// to are destroyed: answers still queued then are dropped with their receivers.
    void drain()
    {
        // A task of either pool may start one on the other (a bid's turn passing on).
        do {
            m_pool.waitForDone();
            m_turnReserve.waitForDone();
        } while (m_pool.activeThreadCount() > 0 || m_turnReserve.activeThreadCount() > 0);
    }

    /// On context's thread.
    Recipient recipient(QObject* context) const
    {
        Recipient to;
        to.m_guard = context;
        to.m_sliced = context->thread() == m_answers.thread();
        return to;
    }

    /// Runs answer() on the recipient's thread, unless the recipient is gone by then. Any thread.
    template <typename Answer>
    void answer(const Recipient& to, Answer answer)
    {
        auto guarded = [guard = to.m_guard, answer = std::move(answer)]() mutable {
            if (guard)
                answer();
        };
        if (to.m_sliced)
            m_answers.post(std::move(guarded));
        else if (to.m_guard)
            QMetaObject::invokeMethod(to.m_guard.data(), std::move(guarded), Qt::QueuedConnection);
    }

    /// Runs work() on a worker, then done(result) on context's thread (no QFuture continuation),
    /// unless context is gone by then (see answer()). Result must be default-constructible. An
    /// exception from work() reaches done as a std::exception_ptr: done must accept
    /// (std::exception_ptr, Result) — the pointer is null on success.
    template <typename Work, typename Done>
    void run(QObject* context, Work work, Done done)
    {
        m_pool.start(task(recipient(context), std::move(work), std::move(done)));
    }
    /// The same for a recipient made earlier. Any thread.
    template <typename Work, typename Done>
    void run(const Recipient& to, Work work, Done done)
    {
        m_pool.start(task(to, std::move(work), std::move(done)));
    }

    /// run() for a bid that holds its auction's lane turn: on whichever comes first, a worker
    /// or a thread of the reserve, so that it never queues behind work that may be waiting for
    /// that very turn (the reserve runs nothing else), nor behind the reserve alone. What work
    /// holds (the turn) is released only after its answer is queued. Any thread.
    template <typename Work, typename Done>
    void runHoldingTurn(const Recipient& to, Work work, Done done)
    {
        {
            std::lock_guard lock(m_turnsMutex);
            m_turns.push_back(task(to, std::move(work), std::move(done)));
        }
        // One of the two takes it; the other finds the queue without it.
        m_pool.start([this] { runOneTurn(); });
        m_turnReserve.start([this] { runOneTurn(); });
    }

private:
    template <typename Work, typename Done>
    auto task(const Recipient& to, Work work, Done done)
    {
        return [this, to, work = std::move(work), done = std::move(done)]() mutable {
            using Result = std::invoke_result_t<Work&>;
            auto result = std::make_shared<Result>();
            std::exception_ptr error;
            try {
                *result = work();
            } catch (...) {
                error = std::current_exception();
            }
            answer(to,
                   [done = std::move(done), error, result]() mutable { done(error, std::move(*result)); });
        };
    }

    void runOneTurn()
    {
        std::function<void()> job;
        {
            std::lock_guard lock(m_turnsMutex);
            if (m_turns.empty())
                return;
            job = std::move(m_turns.front());
            m_turns.pop_front();
        }
        job();
    }

    CompletionQueue m_answers; // lives on the thread that made the Workers
    std::mutex m_turnsMutex;
    std::deque<std::function<void()>> m_turns; // bids holding their turn, in the order they got it
    QThreadPool m_pool;
    QThreadPool m_turnReserve;
};

} // namespace nb::transport
