#pragma once

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

} // namespace nb::services
