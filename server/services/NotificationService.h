#pragma once

#include "server/storage/ConnectionPool.h"
#include "shared/protocol/Community.h"

#include <QList>

namespace nb::services {

/// A user's notification inbox.
class NotificationService {
public:
    explicit NotificationService(storage::ConnectionPool& pool);

    /// Newest first (at most `limit`), with the unread count.
    NotificationList list(qint64 userId, bool unreadOnly, int limit = 100);
    /// Marks the user's notifications with these ids read (others' ids are ignored).
    void markRead(qint64 userId, const QList<qint64>& ids);
    void markAllRead(qint64 userId);

private:
    storage::ConnectionPool& m_pool;
};

} // namespace nb::services
