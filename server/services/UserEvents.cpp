#include "server/services/UserEvents.h"

#include "server/services/EventPayloads.h"
#include "server/storage/NotificationStore.h"
#include "server/storage/OutboxStore.h"

#include <QTimeZone>

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

void notifyUser(storage::StatementBatch& writes, qint64 userId, const QString& kind,
                std::optional<qint64> auctionId, const QString& text, qint64 nowMs)
{
    Notification n; // its id is the row's (notifications::insertPushed)
    n.kind = kind;
    n.auctionId = auctionId;
    n.text = text;
    n.at = QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC);
    storage::notifications::insertPushed(writes, userId, kind, auctionId, text, payloads::notification(n));
}

void pushWallet(storage::StatementBatch& writes, qint64 userId, const Wallet& wallet)
{
    storage::outbox::appendUserEvent(writes, userId, payloads::wallet(wallet));
}

} // namespace nb::services
