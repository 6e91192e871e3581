#pragma once

#include "shared/protocol/Objects.h"

#include <QList>

#include <optional>
#include <pqxx/pqxx>

namespace nb::storage::notifications {

/// Stores a notification for a user and returns it as stored (id, time).
Notification insert(pqxx::work& tx, qint64 userId, const QString& kind, std::optional<qint64> auctionId,
                    const QString& text);

/// The user's notifications, newest first (only unread ones when unreadOnly).
QList<Notification> list(pqxx::work& tx, qint64 userId, bool unreadOnly, int limit);
qint64 unreadCount(pqxx::work& tx, qint64 userId);
/// Marks those of the given notifications that are the user's and unread as read.
void markRead(pqxx::work& tx, qint64 userId, const QList<qint64>& ids);
void markAllRead(pqxx::work& tx, qint64 userId);

} // namespace nb::storage::notifications
