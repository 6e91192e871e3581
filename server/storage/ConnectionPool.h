#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <pqxx/connection>
#include <string>
#include <vector>

namespace nb::storage {

/// A bounded pool of libpqxx connections, safe to share between threads. Each connection is
/// opened lazily, gets every prepared statement of PreparedStatements.cpp, and is replaced when
/// it breaks.
class ConnectionPool {
public:
    /// A borrowed connection, handed back when the lease ends.
    class Lease {
    public:
        Lease(ConnectionPool* pool, std::unique_ptr<pqxx::connection> conn);
        Lease(Lease&& other) noexcept;
        Lease& operator=(Lease&&) = delete;
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        ~Lease();

        pqxx::connection& operator*() const { return *m_conn; }
        pqxx::connection* operator->() const { return m_conn.get(); }
        /// Drops the connection instead of returning it (after a broken connection).
        void discard();

    private:
        ConnectionPool* m_pool;
        std::unique_ptr<pqxx::connection> m_conn;
    };

    ConnectionPool(std::string connectionString, int size);
    ~ConnectionPool();
    ConnectionPool(const ConnectionPool&) = delete;
    ConnectionPool& operator=(const ConnectionPool&) = delete;

    /// Waits up to timeout for a free connection; throws pqxx::broken_connection when the
    /// database cannot be reached and std::runtime_error on timeout.
    Lease acquire(std::chrono::milliseconds timeout = std::chrono::seconds(10));

    const std::string& connectionString() const { return m_connectionString; }
    int size() const { return m_size; }
    int inUse() const;

    /// Called by inTransaction() once a transaction that queued outbox events committed, with
    /// its connection. A server sets a handler that wakes its relay in-process; without one, a
    /// NOTIFY on the outbox channel wakes the relays of running servers. Failures are logged
    /// and ignored: the relays' poll is the backstop.
    void outboxCommitted(pqxx::connection& conn);
    /// Sets (or, with an empty function, clears) that handler. It runs under the pool's lock, so
    /// it must be quick and must not use the pool; once cleared, it is not running anywhere.
    void setOutboxCommittedHandler(std::function<void()> handler);

    /// Test hook: called inside every transaction just before it commits (see Transaction.h).
    /// Throwing from it makes the transaction roll back. Not set in production.
    void setBeforeCommitHook(std::function<void()> hook);
    const std::function<void()>& beforeCommitHook() const { return m_beforeCommit; }

private:
    void giveBack(std::unique_ptr<pqxx::connection> conn);
    std::unique_ptr<pqxx::connection> open();

    const std::string m_connectionString;
    const int m_size;
    mutable std::mutex m_mutex;
    std::condition_variable m_available;
    std::vector<std::unique_ptr<pqxx::connection>> m_idle;
    int m_open = 0;
    int m_leased = 0;
    std::function<void()> m_beforeCommit;
    std::function<void()> m_outboxCommitted;
};

} // namespace nb::storage
