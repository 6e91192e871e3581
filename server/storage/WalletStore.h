#pragma once

#include "server/storage/StatementBatch.h"
#include "shared/protocol/Objects.h"

#include <map>
#include <optional>
#include <pqxx/pqxx>
#include <vector>

namespace nb::storage::wallets {

/// Creates the empty wallet of a new user.
void create(pqxx::work& tx, qint64 userId);

/// Locks the given wallets (SELECT … FOR UPDATE) in ascending user id, the global lock order of
/// RULES.md, and returns them by user id. Missing wallets are absent from the map.
std::map<qint64, Wallet> lock(pqxx::transaction_base& tx, std::vector<qint64> userIds);

/// Reads a wallet without locking it.
std::optional<Wallet> read(pqxx::work& tx, qint64 userId);

/// Applies one ledger movement to a (locked) wallet and writes its ledger entry in the same
/// statement; returns the wallet after it. The movement's effect on balance and locked is
/// defined once, here.
Wallet apply(pqxx::work& tx, qint64 userId, LedgerKind kind, Won amount,
             std::optional<qint64> auctionId = std::nullopt);
/// The same movement added to a batch of writes, on the wallet as locked (`before`, which its
/// lock read): returns the wallet as it will be after it.
Wallet apply(StatementBatch& writes, qint64 userId, const Wallet& before, LedgerKind kind, Won amount,
             std::optional<qint64> auctionId = std::nullopt);

/// A user's ledger entries, newest first, and how many there are in all.
std::vector<LedgerEntry> ledgerPage(pqxx::work& tx, qint64 userId, int limit, qint64 offset);
qint64 ledgerCount(pqxx::work& tx, qint64 userId);

/// The wire name of a ledger kind (deposit, withdraw, lock, …).
QString kindName(LedgerKind kind);

/// How a movement of `amount` changes balance and locked (the signs of RULES.md's kinds), for
/// checks that recompute wallets from the ledger.
int balanceSign(LedgerKind kind);
int lockedSign(LedgerKind kind);

} // namespace nb::storage::wallets
