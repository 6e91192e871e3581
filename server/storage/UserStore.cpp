#include "server/storage/UserStore.h"

#include <QTimeZone>

#include <pqxx/binarystring>

namespace nb::storage::users {

std::optional<qint64> insert(pqxx::work& tx, const QString& username, const std::string& passwordHash,
                             const QString& displayName, std::optional<qint64> regionId, bool isAdmin)
{
    const auto result = tx.exec_prepared("user_insert", username.toStdString(), passwordHash,
                                         displayName.toStdString(), regionId, isAdmin);
    if (result.empty())
        return std::nullopt;
    return result[0][0].as<qint64>();
}

std::optional<User> byId(pqxx::work& tx, qint64 userId)
{
    const auto result = tx.exec_prepared("user_by_id", userId);
    if (result.empty())
        return std::nullopt;
    const auto r = result[0];
    User u;
    u.id = r["id"].as<qint64>();
    u.username = QString::fromStdString(r["username"].as<std::string>());
    u.displayName = QString::fromStdString(r["display_name"].as<std::string>());
    if (!r["region_id"].is_null())
        u.regionId = r["region_id"].as<qint64>();
    u.isAdmin = r["is_admin"].as<bool>();
    u.reputation = r["reputation"].as<double>();
    u.reviewCount = r["review_count"].as<int>();
    u.createdAt = QDateTime::fromMSecsSinceEpoch(r["created_at_ms"].as<qint64>(), Qt::UTC);
    return u;
}

std::optional<qint64> idByUsername(pqxx::work& tx, const QString& username)
{
    const auto result = tx.exec_prepared("user_id_by_name", username.toStdString());
    if (result.empty())
        return std::nullopt;
    return result[0][0].as<qint64>();
}

std::optional<Credentials> credentials(pqxx::work& tx, const QString& username)
{
    const auto result = tx.exec_prepared("user_credentials", username.toStdString());
    if (result.empty())
        return std::nullopt;
    return Credentials{result[0][0].as<qint64>(), result[0][1].as<std::string>()};
}

void insertSession(pqxx::work& tx, const std::string& tokenHash, qint64 userId, int lifetimeDays)
{
    tx.exec_prepared0("session_insert", pqxx::binarystring(tokenHash), userId, lifetimeDays);
}

std::optional<qint64> sessionUser(pqxx::work& tx, const std::string& tokenHash)
{
    const auto result = tx.exec_prepared("session_user", pqxx::binarystring(tokenHash));
    if (result.empty())
        return std::nullopt;
    return result[0][0].as<qint64>();
}

bool revokeSession(pqxx::work& tx, const std::string& tokenHash)
{
    return !tx.exec_prepared("session_revoke", pqxx::binarystring(tokenHash)).empty();
}

bool regionExists(pqxx::work& tx, qint64 regionId)
{
    return !tx.exec_prepared("region_exists", regionId).empty();
}

std::optional<qint64> categoryIdBySlug(pqxx::work& tx, const QString& slug)
{
    const auto result = tx.exec_prepared("category_by_slug", slug.toStdString());
    if (result.empty())
        return std::nullopt;
    return result[0][0].as<qint64>();
}

} // namespace nb::storage::users
