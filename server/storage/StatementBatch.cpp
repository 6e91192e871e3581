#include "server/storage/StatementBatch.h"

#include <QtGlobal>

#include <exception>

namespace nb::storage {

StatementBatch::StatementBatch(pqxx::transaction_base& tx)
    : m_tx(tx)
{}

StatementBatch::~StatementBatch()
{
    Q_ASSERT_X(m_sql.empty() || std::uncaught_exceptions() > 0, "StatementBatch",
               "statements were added and never sent");
}

pqxx::result StatementBatch::send()
{
    if (m_sql.empty())
        return {};
    // A multi-statement query string is one simple-protocol message: one round trip, run in order.
    const std::string sql = std::move(m_sql);
    m_sql.clear();
    return m_tx.exec(sql);
}

} // namespace nb::storage
