#include "server/storage/NotificationStore.h"

#include "server/storage/RowReading.h"
#include "server/storage/Transaction.h"

#include <QTimeZone>

namespace nb::storage::notifications {

Notification insert(pqxx::work& tx, qint64 userId, const QString& kind, std::optional<qint64> auctionId,
                    const QString& text)
{
    const auto row =
        tx.exec_prepared1("notification_insert", userId, kind.toStdString(), auctionId, text.toStdString());
    Notification n;
    n.id = row[0].as<qint64>();
    n.at = QDateTime::fromMSecsSinceEpoch(row[1].as<qint64>(), Qt::UTC);
    n.kind = kind;
    n.auctionId = auctionId;
    n.text = text;
    return n;
}

void insertPushed(StatementBatch& writes, qint64 userId, const QString& kind, std::optional<qint64> auctionId,
                  const QString& text, const QJsonObject& push)
{
    writes.add("notification_insert_pushed", userId, kind, auctionId, text, fields::jsonText(push));
    detail::noteOutboxWrite();
}

QList<Notification> list(pqxx::work& tx, qint64 userId, bool unreadOnly, int limit)
{
    QList<Notification> out;
    for (const auto& r : tx.exec_prepared("notification_list", userId, unreadOnly, limit)) {
        Notification n;
        n.id = r["id"].as<qint64>();
        n.kind = fields::text(r["kind"]);
        n.auctionId = fields::optional<qint64>(r["auction_id"]);
        n.text = fields::text(r["text"]);
        n.at = fields::time(r["created_at_ms"]);
        n.read = r["read"].as<bool>();
        out.append(n);
    }
    return out;
}

qint64 unreadCount(pqxx::work& tx, qint64 userId)
{
    return tx.exec_prepared1("notification_unread_count", userId)[0].as<qint64>();
}

void markRead(pqxx::work& tx, qint64 userId, const QList<qint64>& ids)
{
    if (!ids.isEmpty())
        tx.exec_prepared0("notification_mark_read", userId, fields::idArray(ids));
}

void markAllRead(pqxx::work& tx, qint64 userId)
{
    tx.exec_prepared0("notification_mark_all_read", userId);
}

} // namespace nb::storage::notifications
