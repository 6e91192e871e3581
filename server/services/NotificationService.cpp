#include "server/services/NotificationService.h"

#include "server/services/ServiceError.h"
#include "server/services/TransactionScope.h"
#include "server/storage/NotificationStore.h"

namespace nb::services {

namespace sn = storage::notifications;

namespace {
constexpr int kMaxListed = 500;
} // namespace

NotificationService::NotificationService(storage::ConnectionPool& pool)
    : m_pool(pool)
{}

NotificationList NotificationService::list(qint64 userId, bool unreadOnly, int limit)
{
    if (limit < 1 || limit > kMaxListed)
        fail(ErrorCode::BadRequest, QStringLiteral("limit must be 1 to %1.").arg(kMaxListed),
             QJsonObject{{"field", "limit"}});
    return transact(m_pool, "list notifications", [&](pqxx::work& tx) {
        NotificationList out;
        out.items = sn::list(tx, userId, unreadOnly, limit);
        out.unread = sn::unreadCount(tx, userId);
        return out;
    });
}

void NotificationService::markRead(qint64 userId, const QList<qint64>& ids)
{
    if (ids.isEmpty())
        return;
    transact(m_pool, "mark notifications read", [&](pqxx::work& tx) { sn::markRead(tx, userId, ids); });
}

void NotificationService::markAllRead(qint64 userId)
{
    transact(m_pool, "mark all notifications read", [&](pqxx::work& tx) { sn::markAllRead(tx, userId); });
}

} // namespace nb::services
