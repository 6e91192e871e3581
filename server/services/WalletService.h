#pragma once

#include "server/storage/ConnectionPool.h"
#include "shared/protocol/Objects.h"

#include <QString>

#include <vector>

namespace nb::services {

/// A page of a user's ledger, newest first.
struct LedgerPage {
    std::vector<LedgerEntry> items;
    qint64 total = 0;
    int page = 1;
    int pageSize = 20;
};

/// The wallet: demo deposits (no payment gateway), withdrawals from the available balance, and
/// the ledger. Deposits and withdrawals are idempotent by request_id.
class WalletService {
public:
    explicit WalletService(storage::ConnectionPool& pool);

    /// Errors: not_found.
    Wallet wallet(qint64 userId);
    /// Errors: bad_request, not_found, idempotency_mismatch, unavailable.
    Wallet deposit(qint64 userId, Won amount, const QString& requestId);
    /// Only from the available balance. Errors: bad_request, not_found, insufficient_funds,
    /// idempotency_mismatch, unavailable.
    Wallet withdraw(qint64 userId, Won amount, const QString& requestId);
    /// page is 1-based; pageSize 1..100. Errors: bad_request.
    LedgerPage ledger(qint64 userId, int page, int pageSize);

private:
    Wallet move(qint64 userId, LedgerKind kind, Won amount, const QString& requestId);

    storage::ConnectionPool& m_pool;
};

} // namespace nb::services
