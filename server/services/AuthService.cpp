#include "server/services/AuthService.h"

#include "server/services/PasswordHasher.h"
#include "server/services/ServiceError.h"
#include "server/services/TransactionScope.h"
#include "server/storage/UserStore.h"
#include "server/storage/WalletStore.h"

#include <QRegularExpression>

namespace nb::services {

namespace su = storage::users;

namespace {

[[noreturn]] void badField(const char* field, const QString& message)
{
    fail(ErrorCode::BadRequest, message, QJsonObject{{"field", QLatin1String(field)}});
}

void validate(const Registration& r)
{
    static const QRegularExpression usernamePattern(QStringLiteral("^[A-Za-z0-9_.-]{3,32}$"));
    if (!usernamePattern.match(r.username).hasMatch())
        badField("username", QStringLiteral("A username is 3 to 32 letters, digits, '_', '.' or '-'."));
    if (r.password.size() < 8 || r.password.size() > 128)
        badField("password", QStringLiteral("A password is 8 to 128 characters."));
    const QString name = r.displayName.trimmed();
    if (name.size() > 50)
        badField("display_name", QStringLiteral("A display name is at most 50 characters."));
}

} // namespace

AuthService::AuthService(storage::ConnectionPool& pool)
    : m_pool(pool)
{}

Session AuthService::registerUser(const Registration& registration)
{
    validate(registration);
    // Hashing is deliberately slow: do it before the transaction so it holds no locks.
    const std::string hash = crypto::hashPassword(registration.password);
    const QString displayName = registration.displayName.trimmed().isEmpty()
                                    ? registration.username
                                    : registration.displayName.trimmed();
    return transact(m_pool, "register", [&](pqxx::work& tx) {
        if (registration.regionId && !su::regionExists(tx, *registration.regionId))
            badField("region_id", QStringLiteral("There is no region %1.").arg(*registration.regionId));
        const auto id = su::insert(tx, registration.username, hash, displayName, registration.regionId,
                                   registration.isAdmin);
        if (!id)
            fail(ErrorCode::UsernameTaken,
                 QStringLiteral("The username \"%1\" is taken.").arg(registration.username),
                 QJsonObject{{"field", "username"}});
        storage::wallets::create(tx, *id);
        return openSession(tx, *id);
    });
}

Session AuthService::login(const QString& username, const QString& password)
{
    const auto credentials =
        transact(m_pool, "login", [&](pqxx::work& tx) { return su::credentials(tx, username); });
    if (!credentials || !crypto::verifyPassword(credentials->passwordHash, password))
        fail(ErrorCode::Unauthorized, QStringLiteral("Wrong username or password."));
    return transact(m_pool, "open session",
                    [&](pqxx::work& tx) { return openSession(tx, credentials->userId); });
}

void AuthService::logout(const QString& token)
{
    const bool revoked = transact(
        m_pool, "logout", [&](pqxx::work& tx) { return su::revokeSession(tx, crypto::tokenHash(token)); });
    if (!revoked)
        fail(ErrorCode::Unauthorized, QStringLiteral("This session has already ended."));
}

std::optional<User> AuthService::authenticate(const QString& token)
{
    if (token.isEmpty() || token.size() > 128)
        return std::nullopt;
    return transact(m_pool, "authenticate", [&](pqxx::work& tx) -> std::optional<User> {
        const auto userId = su::sessionUser(tx, crypto::tokenHash(token));
        if (!userId)
            return std::nullopt;
        return su::byId(tx, *userId);
    });
}

User AuthService::user(qint64 userId)
{
    const auto u = transact(m_pool, "read user", [&](pqxx::work& tx) { return su::byId(tx, userId); });
    if (!u)
        fail(ErrorCode::NotFound, QStringLiteral("There is no such user."));
    return *u;
}

qint64 AuthService::userIdByName(const QString& username)
{
    const auto id =
        transact(m_pool, "find user", [&](pqxx::work& tx) { return su::idByUsername(tx, username); });
    if (!id)
        fail(ErrorCode::NotFound, QStringLiteral("There is no user \"%1\".").arg(username));
    return *id;
}

Session AuthService::openSession(pqxx::work& tx, qint64 userId)
{
    Session session;
    session.token = crypto::newToken();
    su::insertSession(tx, crypto::tokenHash(session.token), userId, kSessionDays);
    session.user = su::byId(tx, userId).value();
    return session;
}

} // namespace nb::services
