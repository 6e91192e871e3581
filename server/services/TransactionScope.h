#pragma once

#include "server/services/ServiceError.h"
#include "server/storage/Transaction.h"

#include <QLoggingCategory>

#include <pqxx/except>

namespace nb::services {

Q_DECLARE_LOGGING_CATEGORY(lcServices)

namespace detail {
[[noreturn]] void reportInternal(const char* operation, const std::exception& e);
[[noreturn]] void reportUnavailable(const char* operation, const std::exception& e);
} // namespace detail

namespace detail {
/// Runs work and turns every failure into a typed ServiceError (see transact()).
template <typename Work>
auto mapFailures(const char* operation, Work&& work)
{
    try {
        return work();
    } catch (const ServiceError&) {
        throw;
    } catch (const storage::DatabaseUnavailable& e) {
        reportUnavailable(operation, e);
    } catch (const pqxx::broken_connection& e) {
        reportUnavailable(operation, e);
    } catch (const std::exception& e) {
        reportInternal(operation, e);
    }
}
} // namespace detail

/// Runs body as one retried transaction (storage::inTransaction) and turns every failure into a
/// typed ServiceError: rule errors pass through, an unreachable or conflicted database becomes
/// `unavailable`, anything else is logged with context and becomes `internal` without leaking
/// database details to the caller. In every case the transaction rolled back: nothing changed.
template <typename Tx = pqxx::work, typename Body>
auto transact(storage::ConnectionPool& pool, const char* operation, Body&& body)
{
    return detail::mapFailures(operation,
                               [&] { return storage::inTransaction<Tx>(pool, std::forward<Body>(body)); });
}

} // namespace nb::services
