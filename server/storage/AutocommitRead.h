#pragma once

#include "server/storage/ConnectionPool.h"
#include "server/storage/Transaction.h"

#include <optional>
#include <pqxx/except>
#include <pqxx/nontransaction>
#include <stdexcept>
#include <type_traits>

namespace nb::storage {

/// Runs body(pqxx::nontransaction&) on a pooled connection: each statement commits on its own,
/// so a read that needs no snapshot shared between its statements saves the BEGIN and COMMIT
/// round trips of inTransaction(). A lost connection is dropped from the pool and tried once more
/// on a fresh one; then, like pool exhaustion, it is reported as DatabaseUnavailable. Anything
/// else body throws propagates unchanged. body may run twice, so it must only read.
template <typename Body>
auto autocommitRead(ConnectionPool& pool, Body&& body) -> std::invoke_result_t<Body&, pqxx::nontransaction&>
{
    for (int attempt = 1;; ++attempt) {
        std::optional<ConnectionPool::Lease> lease;
        try {
            lease.emplace(pool.acquire());
            pqxx::nontransaction tx(**lease);
            return body(tx);
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
