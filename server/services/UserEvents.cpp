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

void UserPushes::wallet(qint64 userId, const Wallet& wallet)
{
    m_events.push_back({userId, payloads::wallet(wallet)});
}

void UserPushes::notify(pqxx::work& tx, qint64 userId, const QString& kind, std::optional<qint64> auctionId,
                        const QString& text)
{
    const Notification n = storage::notifications::insert(tx, userId, kind, auctionId, text);
    m_events.push_back({userId, payloads::notification(n)});
}

void UserPushes::queue(pqxx::work& tx)
{
    storage::outbox::appendUserEvents(tx, m_events);
    m_events.clear();
}

} // namespace nb::services
