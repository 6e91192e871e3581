#pragma once

#include "server/storage/StatementBatch.h"
#include "shared/protocol/Objects.h"

#include <optional>
#include <pqxx/pqxx>

namespace nb::services {

/// Stores a notification and queues its push to the user's connections, in the caller's
/// transaction (so it is delivered only if the change commits).
void notifyUser(pqxx::work& tx, qint64 userId, const QString& kind, std::optional<qint64> auctionId,
                const QString& text);

/// Queues a `wallet` push with the wallet as it is after the caller's change.
void pushWallet(pqxx::work& tx, qint64 userId, const Wallet& wallet);

/// The same two added to a batch of writes, which sends them with the transaction's other writes
/// in one round trip (a bid's, while it holds its auction). nowMs is the transaction's time,
/// which the notification is stored with.
void notifyUser(storage::StatementBatch& writes, qint64 userId, const QString& kind,
                std::optional<qint64> auctionId, const QString& text, qint64 nowMs);
void pushWallet(storage::StatementBatch& writes, qint64 userId, const Wallet& wallet);

} // namespace nb::services
