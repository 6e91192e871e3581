#pragma once

#include "server/storage/StatementBatch.h"
#include "shared/protocol/Objects.h"

#include <QJsonObject>
#include <QList>

#include <optional>
#include <pqxx/pqxx>

namespace nb::storage::notifications {

/// Stores a notification for a user and returns it as stored (id, time).
Notification insert(pqxx::work& tx, qint64 userId, const QString& kind, std::optional<qint64> auctionId,
                    const QString& text);
/// Adds to a batch of writes the insert of a notification with its push to the user's
/// connections in the outbox: `push` is its payload, which gains the id the row is given (its
/// `at` must be the transaction's time, the row's).
void insertPushed(StatementBatch& writes, qint64 userId, const QString& kind, std::optional<qint64> auctionId,
                  const QString& text, const QJsonObject& push);

/// The user's notifications, newest first (only unread ones when unreadOnly).
QList<Notification> list(pqxx::work& tx, qint64 userId, bool unreadOnly, int limit);
qint64 unreadCount(pqxx::work& tx, qint64 userId);
/// Marks those of the given notifications that are the user's and unread as read.
void markRead(pqxx::work& tx, qint64 userId, const QList<qint64>& ids);
void markAllRead(pqxx::work& tx, qint64 userId);

} // namespace nb::storage::notifications
