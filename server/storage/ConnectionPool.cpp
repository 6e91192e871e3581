#include "server/storage/ConnectionPool.h"

#include "server/storage/OutboxStore.h"
#include "server/storage/PreparedStatements.h"

#include <QLoggingCategory>

#include <stdexcept>

namespace nb::storage {

namespace {
Q_LOGGING_CATEGORY(lcPool, "neighborbid.storage")
} // namespace

ConnectionPool::Lease::Lease(ConnectionPool* pool, std::unique_ptr<pqxx::connection> conn)
    : m_pool(pool)
    , m_conn(std::move(conn))
{}

ConnectionPool::Lease::Lease(Lease&& other) noexcept
    : m_pool(other.m_pool)
    , m_conn(std::move(other.m_conn))
{
    other.m_pool = nullptr;
}

ConnectionPool::Lease::~Lease()
{
    if (m_pool)
        m_pool->giveBack(std::move(m_conn));
}

void ConnectionPool::Lease::discard()
{
    m_conn.reset();
}

ConnectionPool::ConnectionPool(std::string connectionString, int size)
    : m_connectionString(std::move(connectionString))
    , m_size(size < 1 ? 1 : size)
{}

ConnectionPool::~ConnectionPool() = default;

ConnectionPool::Lease ConnectionPool::acquire(std::chrono::milliseconds timeout)
{
    std::unique_lock lock(m_mutex);
    const bool ready =
        m_available.wait_for(lock, timeout, [this] { return !m_idle.empty() || m_open < m_size; });
    if (!ready)
        throw std::runtime_error("timed out waiting for a database connection");
    if (!m_idle.empty()) {
        auto conn = std::move(m_idle.back());
        m_idle.pop_back();
        ++m_leased;
        return Lease(this, std::move(conn));
    }
    ++m_open;
    ++m_leased;
    lock.unlock();
    try {
        return Lease(this, open());
    } catch (...) {
        lock.lock();
        --m_open;
        --m_leased;
        m_available.notify_one();
        throw;
    }
}

int ConnectionPool::inUse() const
{
    std::lock_guard lock(m_mutex);
    return m_leased;
}

void ConnectionPool::setBeforeCommitHook(std::function<void()> hook)
{
    m_beforeCommit = std::move(hook);
}

void ConnectionPool::setOutboxCommittedHandler(std::function<void()> handler)
{
    std::lock_guard lock(m_mutex);
    m_outboxCommitted = std::move(handler);
}

void ConnectionPool::outboxCommitted(pqxx::connection& conn)
{
    try {
        {
            // Called under the lock: whoever clears the handler knows it runs no more after.
            std::lock_guard lock(m_mutex);
            if (m_outboxCommitted) {
                m_outboxCommitted();
                return;
            }
        }
        pqxx::nontransaction notify(conn);
        notify.exec_prepared("outbox_notify", outbox::kNotifyChannel);
    } catch (const std::exception& e) {
        qCWarning(lcPool, "could not wake the outbox relays (their poll will): %s", e.what());
    }
}

void ConnectionPool::giveBack(std::unique_ptr<pqxx::connection> conn)
{
    std::lock_guard lock(m_mutex);
    --m_leased;
    if (conn && conn->is_open())
        m_idle.push_back(std::move(conn));
    else
        --m_open;
    m_available.notify_one();
}

std::unique_ptr<pqxx::connection> ConnectionPool::open()
{
    auto conn = std::make_unique<pqxx::connection>(m_connectionString);
    // A process frozen inside a transaction (stopped, swapped out) must not hold its row locks
    // forever: other instances would wait on them.
    conn->set_variable("idle_in_transaction_session_timeout", "30000");
    prepareStatements(*conn);
    return conn;
}

} // namespace nb::storage
