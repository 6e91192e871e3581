#include "server/storage/LazyBeginTransaction.h"

namespace nb::storage {

LazyBeginTransaction::LazyBeginTransaction(pqxx::connection_base& conn)
    : namedclass{"LazyBeginTransaction"}
    , dbtransaction(conn, "READ COMMITTED", pqxx::read_write)
{
    Begin();
}

LazyBeginTransaction::~LazyBeginTransaction() noexcept
{
    End(); // aborts when neither committed nor aborted
}

void LazyBeginTransaction::do_begin()
{
    // Sent with the first statement (do_exec).
}

pqxx::result LazyBeginTransaction::do_exec(const char query[])
{
    if (m_begun)
        return dbtransaction::do_exec(query);
    m_begun = true;
    // One simple-protocol message: the server runs BEGIN, then the statement, inside the block.
    return dbtransaction::do_exec(("BEGIN; " + std::string(query)).c_str());
}

void LazyBeginTransaction::do_commit()
{
    if (!m_begun)
        return;
    try {
        direct_exec("COMMIT");
    } catch (const pqxx::statement_completion_unknown& e) {
        throw pqxx::in_doubt_error(std::string("the commit's outcome is unknown: ") + e.what());
    } catch (const std::exception& e) {
        if (!conn().is_open())
            throw pqxx::in_doubt_error(std::string("the connection was lost while committing: ") + e.what());
        throw;
    }
}

void LazyBeginTransaction::do_abort()
{
    if (m_begun)
        dbtransaction::do_abort();
}

} // namespace nb::storage
