#pragma once

#include "server/storage/AuditStore.h"
#include "server/storage/ConnectionPool.h"

#include <vector>

namespace nb::services {

/// Checks every money invariant of RULES.md on one consistent snapshot of the database.
class LedgerAudit {
public:
    explicit LedgerAudit(storage::ConnectionPool& pool);

    /// Empty when every invariant holds.
    std::vector<storage::audit::Violation> verify();
    storage::audit::Totals totals();

private:
    storage::ConnectionPool& m_pool;
};

} // namespace nb::services
