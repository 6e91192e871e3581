#pragma once

#include "server/storage/OutboxStore.h"
#include "shared/protocol/Objects.h"

#include <optional>
#include <pqxx/pqxx>
#include <vector>

namespace nb::services {

/// Stores a notification and queues its push to the user's connections, in the caller's
/// transaction (so it is delivered only if the change commits).
void notifyUser(pqxx::work& tx, qint64 userId, const QString& kind, std::optional<qint64> auctionId,
                const QString& text);

/// Queues a `wallet` push with the wallet as it is after the caller's change.
void pushWallet(pqxx::work& tx, qint64 userId, const Wallet& wallet);

/// The pushes of one transaction to its users, collected and queued in one statement by
/// queue() (a bid would otherwise pay one round trip per push while it holds the auction).
class UserPushes {
public:
    void wallet(qint64 userId, const Wallet& wallet);
    /// Stores the notification at once (its id and time go into the push).
    void notify(pqxx::work& tx, qint64 userId, const QString& kind, std::optional<qint64> auctionId,
                const QString& text);
    /// Queues every push collected, in the order collected.
    void queue(pqxx::work& tx);

private:
    std::vector<storage::outbox::UserEvent> m_events;
};

} // namespace nb::services
