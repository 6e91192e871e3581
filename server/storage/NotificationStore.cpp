#include "server/storage/NotificationStore.h"

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

} // namespace nb::storage::notifications
