#pragma once

#include <pqxx/pqxx>
#include <string>

namespace nb::storage {

/// A read-committed transaction whose `BEGIN` is not a round trip of its own: it travels in front
/// of the transaction's first statement, in the same message.
///
/// libpqxx's transactions send `BEGIN` when they are made and wait for its answer. A bid on a hot
/// auction starts right after the bid before it committed, and until it holds the auction's lock
/// the lock is idle: that wait was part of every round (0.1 ms p50, 0.3-0.4 ms on average on two
/// busy cores).
///
/// The first statement must be a text query (`exec`, or a StatementBatch's send()): a prepared
/// execution does not pass through the transaction and would run before the `BEGIN`. Commit and
/// abort behave as a pqxx::work's; a transaction that ran nothing sends neither.
class LazyBeginTransaction final : public pqxx::dbtransaction {
public:
    explicit LazyBeginTransaction(pqxx::connection_base& conn);
    ~LazyBeginTransaction() noexcept override;

private:
    void do_begin() override;
    pqxx::result do_exec(const char query[]) override;
    void do_commit() override;
    void do_abort() override;

    bool m_begun = false;
};

} // namespace nb::storage
