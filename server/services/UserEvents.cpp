#include "server/services/UserEvents.h"

#include "server/services/EventPayloads.h"
#include "server/storage/NotificationStore.h"
#include "server/storage/OutboxStore.h"

namespace nb::services {

void notifyUser(pqxx::work& tx, qint64 userId, const QString& kind, std::optional<qint64> auctionId,
                const QString& text)
{
    const Notification n = storage::notifications::insert(tx, userId, kind, auctionId, text);
    storage::outbox::appendUserEvent(tx, userId, payloads::notification(n));
}

void pushWallet(pqxx::work& tx, qint64 userId, const Wallet& wallet)
{
    storage::outbox::appendUserEvent(tx, userId, payloads::wallet(wallet));
}

} // namespace nb::services
