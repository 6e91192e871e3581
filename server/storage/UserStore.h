#pragma once

#include "shared/protocol/Objects.h"

#include <optional>
#include <pqxx/pqxx>
#include <string>

namespace nb::storage::users {

struct Credentials {
    qint64 userId = 0;
    std::string passwordHash;
};

/// Inserts a user; returns nothing when the username is taken (case-insensitively).
std::optional<qint64> insert(pqxx::work& tx, const QString& username, const std::string& passwordHash,
                             const QString& displayName, std::optional<qint64> regionId, bool isAdmin);
std::optional<User> byId(pqxx::work& tx, qint64 userId);
std::optional<qint64> idByUsername(pqxx::work& tx, const QString& username);
std::optional<Credentials> credentials(pqxx::work& tx, const QString& username);

/// Sessions: a token is stored only as its hash.
void insertSession(pqxx::work& tx, const std::string& tokenHash, qint64 userId, int lifetimeDays);
std::optional<qint64> sessionUser(pqxx::work& tx, const std::string& tokenHash);
bool revokeSession(pqxx::work& tx, const std::string& tokenHash);

bool regionExists(pqxx::work& tx, qint64 regionId);
std::optional<qint64> categoryIdBySlug(pqxx::work& tx, const QString& slug);

} // namespace nb::storage::users
