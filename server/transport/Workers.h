#pragma once

#include "server/transport/CompletionQueue.h"

#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QThreadPool>

#include <exception>
#include <memory>
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

    /// run() for a bid that holds its auction's lane turn: on a free worker, or else on the
    /// reserve, never queued behind work that may be waiting for that very turn. Any thread.
    template <typename Work, typename Done>
    void runHoldingTurn(const Recipient& to, Work work, Done done)
    {
        auto job = task(to, std::move(work), std::move(done));
        if (!m_pool.tryStart(job))
            m_turnReserve.start(std::move(job));
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

    CompletionQueue m_answers; // lives on the thread that made the Workers
    QThreadPool m_pool;
    QThreadPool m_turnReserve;
};

} // namespace nb::transport
