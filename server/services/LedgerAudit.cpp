#include "server/services/LedgerAudit.h"

#include "server/services/TransactionScope.h"

#include <pqxx/pqxx>

namespace nb::services {

namespace sd = storage::audit;

LedgerAudit::LedgerAudit(storage::ConnectionPool& pool)
    : m_pool(pool)
{}

std::vector<sd::Violation> LedgerAudit::verify()
{
    return transact(m_pool, "ledger verify", [&](pqxx::work& tx) {
        // One snapshot for all checks, so that a concurrent bid cannot look like a violation.
        tx.exec0("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY");
        std::vector<sd::Violation> all;
        for (auto check : {sd::walletsMatchLedger, sd::lockedMatchesHolds, sd::moneyIsConserved,
                           sd::endedAuctionsSettled, sd::holdsFollowLeaders}) {
            auto found = check(tx);
            all.insert(all.end(), found.begin(), found.end());
        }
        return all;
    });
}

sd::Totals LedgerAudit::totals()
{
    return transact(m_pool, "stats", [&](pqxx::work& tx) {
        tx.exec0("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY");
        return sd::totals(tx);
    });
}

} // namespace nb::services
