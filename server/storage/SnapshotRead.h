#pragma once

#include "server/storage/ConnectionPool.h"
#include "server/storage/Transaction.h"

#include <optional>
#include <pqxx/except>
#include <pqxx/transaction>
#include <stdexcept>
#include <type_traits>

namespace nb::storage {

/// A read-only transaction whose statements all see one snapshot.
using SnapshotTransaction = pqxx::transaction<pqxx::repeatable_read, pqxx::read_only>;

/// Runs body(SnapshotTransaction&) on a pooled connection and commits: for reads of several
/// statements that must agree with each other (a page's ids and their summaries). A read-only
/// transaction has no conflicts to retry; a lost connection is dropped from the pool and tried
/// once more on a fresh one, then, like pool exhaustion, reported as DatabaseUnavailable.
/// Anything else body throws propagates unchanged. body may run twice, so it must only read.
template <typename Body>
auto snapshotRead(ConnectionPool& pool, Body&& body) -> std::invoke_result_t<Body&, SnapshotTransaction&>
{
    for (int attempt = 1;; ++attempt) {
        std::optional<ConnectionPool::Lease> lease;
        try {
            lease.emplace(pool.acquire());
            SnapshotTransaction tx(**lease);
            auto result = body(tx);
            tx.commit();
            return result;
        } catch (const pqxx::broken_connection&) {
            if (lease)
                lease->discard();
            if (attempt > 1)
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

} // namespace nb::storage
