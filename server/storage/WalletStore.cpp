#include "server/storage/WalletStore.h"

#include "server/storage/RowReading.h"
#include "shared/protocol/Json.h"

#include <QTimeZone>

#include <algorithm>
#include <stdexcept>
#include <string>

namespace nb::storage::wallets {

namespace {

struct Movement {
    LedgerKind kind;
    int balanceSign; // how the amount changes balance
    int lockedSign;  // how the amount changes locked
};

// RULES.md, "Money and the wallet": every kind and what it does to the two columns.
constexpr Movement kMovements[] = {
    {LedgerKind::Deposit, +1, 0},   {LedgerKind::Withdraw, -1, 0},  {LedgerKind::Lock, -1, +1},
    {LedgerKind::Unlock, +1, -1},   {LedgerKind::SettlePay, 0, -1}, {LedgerKind::SettleReceive, +1, 0},
    {LedgerKind::BuyNowPay, -1, 0},
};

const Movement& movementFor(LedgerKind kind)
{
    for (const auto& m : kMovements) {
        if (m.kind == kind)
            return m;
    }
    throw std::logic_error("unknown ledger kind");
}

} // namespace

QString kindName(LedgerKind kind)
{
    return toWire(kind);
}

int balanceSign(LedgerKind kind)
{
    return movementFor(kind).balanceSign;
}

int lockedSign(LedgerKind kind)
{
    return movementFor(kind).lockedSign;
}

void create(pqxx::work& tx, qint64 userId)
{
    tx.exec_prepared0("wallet_create", userId);
}

std::map<qint64, Wallet> lock(pqxx::transaction_base& tx, std::vector<qint64> userIds)
{
    std::sort(userIds.begin(), userIds.end());
    userIds.erase(std::unique(userIds.begin(), userIds.end()), userIds.end());
    std::map<qint64, Wallet> wallets;
    // ORDER BY user_id in the statement makes the row locks follow the global order.
    for (const auto& row : tx.exec_prepared("wallet_lock", fields::idArray(userIds))) {
        wallets[row[0].as<qint64>()] = Wallet{row[1].as<qint64>(), row[2].as<qint64>()};
    }
    return wallets;
}

std::optional<Wallet> read(pqxx::work& tx, qint64 userId)
{
    const auto result = tx.exec_prepared("wallet_read", userId);
    if (result.empty())
        return std::nullopt;
    return Wallet{result[0][0].as<qint64>(), result[0][1].as<qint64>()};
}

Wallet apply(pqxx::work& tx, qint64 userId, LedgerKind kind, Won amount, std::optional<qint64> auctionId)
{
    const Movement& m = movementFor(kind);
    const auto row = tx.exec_prepared1("wallet_apply", userId, m.balanceSign * amount, m.lockedSign * amount,
                                       toWire(kind).toStdString(), amount, auctionId);
    return Wallet{row[0].as<qint64>(), row[1].as<qint64>()};
}

Wallet apply(StatementBatch& writes, qint64 userId, const Wallet& before, LedgerKind kind, Won amount,
             std::optional<qint64> auctionId)
{
    const Movement& m = movementFor(kind);
    writes.add("wallet_apply", userId, m.balanceSign * amount, m.lockedSign * amount,
               toWire(kind).toStdString(), amount, auctionId);
    return Wallet{before.balance + m.balanceSign * amount, before.locked + m.lockedSign * amount};
}

std::vector<LedgerEntry> ledgerPage(pqxx::work& tx, qint64 userId, int limit, qint64 offset)
{
    std::vector<LedgerEntry> items;
    for (const auto& r : tx.exec_prepared("ledger_page", userId, limit, offset)) {
        LedgerEntry e;
        e.id = r[0].as<qint64>();
        e.kind =
            ledgerKindFromWire(QString::fromStdString(r[1].as<std::string>())).value_or(LedgerKind::Deposit);
        e.amount = r[2].as<qint64>();
        e.balanceAfter = r[3].as<qint64>();
        e.lockedAfter = r[4].as<qint64>();
        if (!r[5].is_null())
            e.auctionId = r[5].as<qint64>();
        e.at = QDateTime::fromMSecsSinceEpoch(r[6].as<qint64>(), Qt::UTC);
        items.push_back(e);
    }
    return items;
}

qint64 ledgerCount(pqxx::work& tx, qint64 userId)
{
    return tx.exec_prepared1("ledger_count", userId)[0].as<qint64>();
}

} // namespace nb::storage::wallets
