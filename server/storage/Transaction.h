#pragma once

#include "server/storage/ConnectionPool.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <optional>
#include <pqxx/except>
#include <pqxx/pqxx>
#include <random>
#include <stdexcept>
#include <thread>
#include <type_traits>

namespace nb::storage {

/// The database could not be used: unreachable, or a retryable conflict that kept failing.
/// Nothing was changed.
class DatabaseUnavailable : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// How often a transaction that lost a deadlock or a serialization conflict is tried again.
constexpr int kMaxTransactionAttempts = 8;

namespace detail {
void backoffBeforeRetry(int attempt);
/// Called by the outbox store when the running transaction queued an event.
void noteOutboxWrite();
/// How many events transactions on this thread have queued so far (it only grows).
std::uint64_t outboxWrites();
} // namespace detail

/// Runs body(Tx&) as one transaction on a pooled connection and commits it (Tx: pqxx::work, or
/// LazyBeginTransaction).
/// - Anything body throws rolls the transaction back and propagates unchanged.
/// - Deadlocks and serialization failures (pqxx::transaction_rollback) are retried up to
///   kMaxTransactionAttempts times, then reported as DatabaseUnavailable.
/// - A lost connection is dropped from the pool and tried once more on a fresh one, then
///   reported as DatabaseUnavailable.
/// - Once a transaction that queued outbox events committed, the pool is told
///   (ConnectionPool::outboxCommitted) so that a relay hands them on.
/// body may run more than once, so it must not have side effects outside the transaction.
template <typename Tx = pqxx::work, typename Body>
auto inTransaction(ConnectionPool& pool, Body&& body) -> std::invoke_result_t<Body&, Tx&>
{
    using Result = std::invoke_result_t<Body&, Tx&>;
    int brokenConnections = 0;
    for (int attempt = 1;; ++attempt) {
        std::optional<ConnectionPool::Lease> lease;
        try {
            lease.emplace(pool.acquire());
            const std::uint64_t writesBefore = detail::outboxWrites();
            if constexpr (std::is_void_v<Result>) {
                {
                    Tx tx(**lease);
                    body(tx);
                    if (pool.beforeCommitHook())
                        pool.beforeCommitHook()();
                    tx.commit();
                }
                if (detail::outboxWrites() != writesBefore)
                    pool.outboxCommitted(**lease);
                return;
            } else {
                std::optional<Result> result;
                {
                    Tx tx(**lease);
                    result.emplace(body(tx));
                    if (pool.beforeCommitHook())
                        pool.beforeCommitHook()();
                    tx.commit();
                }
                if (detail::outboxWrites() != writesBefore)
                    pool.outboxCommitted(**lease);
                return std::move(*result);
            }
        } catch (const pqxx::transaction_rollback&) {
            if (attempt >= kMaxTransactionAttempts)
                throw DatabaseUnavailable("the database kept reporting conflicts; nothing was changed");
            detail::backoffBeforeRetry(attempt);
        } catch (const pqxx::in_doubt_error&) {
            throw DatabaseUnavailable("the connection was lost while committing");
        } catch (const pqxx::broken_connection&) {
            if (lease)
                lease->discard();
            if (++brokenConnections > 1)
                throw DatabaseUnavailable("the database is unreachable");
        } catch (const std::runtime_error& e) {
            // Pool exhaustion surfaces as runtime_error from acquire(); anything else
            // (including the caller's own exceptions) propagates as it is.
            if (!lease)
                throw DatabaseUnavailable(e.what());
            throw;
        }
    }
}

/// Runs body(pqxx::nontransaction&) on a pooled connection outside any transaction: each
/// statement sees what was committed when it began and writes nothing of its own, at one round
/// trip per statement. For reads that need no consistency between statements. A lost connection
/// is dropped from the pool and reported as DatabaseUnavailable, as is an exhausted pool.
template <typename Body>
auto withoutTransaction(ConnectionPool& pool, Body&& body)
    -> std::invoke_result_t<Body&, pqxx::nontransaction&>
{
    std::optional<ConnectionPool::Lease> lease;
    try {
        lease.emplace(pool.acquire());
        pqxx::nontransaction tx(**lease);
        return body(tx);
    } catch (const pqxx::broken_connection&) {
        if (lease)
            lease->discard();
        throw DatabaseUnavailable("the database is unreachable");
    } catch (const std::runtime_error& e) {
        if (!lease)
            throw DatabaseUnavailable(e.what());
        throw;
    }
}

} // namespace nb::storage
