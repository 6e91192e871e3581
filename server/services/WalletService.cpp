#include "server/services/WalletService.h"

#include "server/services/AuctionGuards.h"
#include "server/services/ServiceError.h"
#include "server/services/TransactionScope.h"
#include "server/services/UserEvents.h"
#include "server/storage/IdempotencyStore.h"
#include "server/storage/WalletStore.h"

namespace nb::services {

namespace sw = storage::wallets;

WalletService::WalletService(storage::ConnectionPool& pool)
    : m_pool(pool)
{}

Wallet WalletService::wallet(qint64 userId)
{
    const auto w = transact(m_pool, "read wallet", [&](pqxx::work& tx) { return sw::read(tx, userId); });
    if (!w)
        fail(ErrorCode::NotFound, QStringLiteral("There is no such user."));
    return *w;
}

Wallet WalletService::deposit(qint64 userId, Won amount, const QString& requestId)
{
    return move(userId, LedgerKind::Deposit, amount, requestId);
}

Wallet WalletService::withdraw(qint64 userId, Won amount, const QString& requestId)
{
    return move(userId, LedgerKind::Withdraw, amount, requestId);
}

Wallet WalletService::move(qint64 userId, LedgerKind kind, Won amount, const QString& requestId)
{
    requireRequestId(requestId);
    requireAmount(amount, "amount");
    const QString operation = sw::kindName(kind);
    const QString params = QString::number(amount);

    return transact(m_pool, "wallet move", [&](pqxx::work& tx) -> Wallet {
        const auto claim = storage::idempotency::claim(tx, userId, requestId, operation, params);
        if (claim.state == storage::idempotency::Claim::State::NoSuchUser)
            fail(ErrorCode::NotFound, QStringLiteral("There is no such user."));
        if (claim.state == storage::idempotency::Claim::State::Mismatch)
            fail(ErrorCode::IdempotencyMismatch,
                 QStringLiteral("This request_id was already used for a different request."),
                 QJsonObject{{"request_id", requestId}});
        if (claim.state == storage::idempotency::Claim::State::Replay)
            return Wallet{claim.response.value("balance").toInteger(),
                          claim.response.value("locked").toInteger()};

        auto wallets = sw::lock(tx, {userId});
        if (!wallets.count(userId))
            fail(ErrorCode::NotFound, QStringLiteral("There is no such user."));
        const Wallet before = wallets[userId];
        if (kind == LedgerKind::Withdraw && before.balance < amount)
            fail(ErrorCode::InsufficientFunds,
                 QStringLiteral("You can withdraw at most %1 won (funds held for bids stay locked).")
                     .arg(before.balance),
                 QJsonObject{{"available", before.balance}});
        if (kind == LedgerKind::Deposit && before.total() > kMaxAmount - amount)
            fail(ErrorCode::BadRequest, QStringLiteral("A wallet holds at most 1,000,000,000,000 won."),
                 QJsonObject{{"field", "amount"}});
        const Wallet after = sw::apply(tx, userId, kind, amount);
        pushWallet(tx, userId, after);
        storage::idempotency::complete(tx, userId, requestId,
                                       QJsonObject{{"balance", after.balance}, {"locked", after.locked}});
        return after;
    });
}

LedgerPage WalletService::ledger(qint64 userId, int page, int pageSize)
{
    if (page < 1)
        fail(ErrorCode::BadRequest, QStringLiteral("page starts at 1."), QJsonObject{{"field", "page"}});
    if (pageSize < 1 || pageSize > 100)
        fail(ErrorCode::BadRequest, QStringLiteral("page_size must be 1 to 100."),
             QJsonObject{{"field", "page_size"}});
    return transact(m_pool, "read ledger", [&](pqxx::work& tx) {
        LedgerPage out;
        out.page = page;
        out.pageSize = pageSize;
        out.total = sw::ledgerCount(tx, userId);
        out.items = sw::ledgerPage(tx, userId, pageSize, qint64(page - 1) * pageSize);
        return out;
    });
}

} // namespace nb::services
