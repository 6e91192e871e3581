#pragma once

#include "server/storage/ConnectionPool.h"
#include "shared/protocol/Objects.h"

#include <QString>

#include <optional>
#include <pqxx/pqxx>

namespace nb::services {

struct Registration {
    QString username;
    QString password;
    QString displayName; // defaults to the username
    std::optional<qint64> regionId;
    bool isAdmin = false;
};

/// A signed-in session: the bearer token (shown once) and its user.
struct Session {
    QString token;
    User user;
};

/// Accounts and sessions. Passwords are stored as argon2id hashes (libsodium); tokens are random
/// 256-bit values stored only as their hash, expiring after kSessionDays, revoked on logout.
class AuthService {
public:
    static constexpr int kSessionDays = 30;

    explicit AuthService(storage::ConnectionPool& pool);

    /// Creates the user and their empty wallet and signs them in.
    /// Errors: bad_request (naming the field), username_taken, unavailable.
    Session registerUser(const Registration& registration);
    /// Errors: unauthorized (unknown user or wrong password: the same answer for both).
    Session login(const QString& username, const QString& password);
    /// Revokes the token. Errors: unauthorized when it is not a live session.
    void logout(const QString& token);
    /// The user of a live session, or nothing.
    std::optional<User> authenticate(const QString& token);
    /// Errors: not_found.
    User user(qint64 userId);
    /// Errors: not_found.
    qint64 userIdByName(const QString& username);

private:
    Session openSession(pqxx::work& tx, qint64 userId);

    storage::ConnectionPool& m_pool;
};

} // namespace nb::services
