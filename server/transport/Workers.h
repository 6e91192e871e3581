#pragma once

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
    explicit Workers(int threads)
    {
        m_pool.setMaxThreadCount(threads);
        m_pool.setExpiryTimeout(-1); // keep threads (and their warm connections) alive
    }
    ~Workers() { m_pool.waitForDone(); }
    Workers(const Workers&) = delete;
    Workers& operator=(const Workers&) = delete;

    QThreadPool& pool() { return m_pool; }

    /// Blocks until every task has finished. Called before the objects their answers are posted
    /// to are destroyed: answers still queued then are dropped with their receivers.
    void drain() { m_pool.waitForDone(); }

    /// Runs work() on a worker, then done(result) on context's thread through a queued call
    /// (no QFuture continuation), unless context is gone by then. Result must be
    /// default-constructible. An exception from work() reaches done as a std::exception_ptr: done must accept
    /// (std::exception_ptr, Result) — the pointer is null on success.
    template <typename Work, typename Done>
    void run(QObject* context, Work work, Done done)
    {
        using Result = std::invoke_result_t<Work&>;
        QPointer<QObject> guard(context);
        m_pool.start([guard, work = std::move(work), done = std::move(done)]() mutable {
            auto result = std::make_shared<Result>();
            std::exception_ptr error;
            try {
                *result = work();
            } catch (...) {
                error = std::current_exception();
            }
            if (!guard)
                return;
            QMetaObject::invokeMethod(
                guard.data(),
                [guard, done = std::move(done), error, result]() mutable {
                    if (guard)
                        done(error, std::move(*result));
                },
                Qt::QueuedConnection);
        });
    }

private:
    QThreadPool m_pool;
};

} // namespace nb::transport
