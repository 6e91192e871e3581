// console user add, console wallet deposit.
#include "server/console/ArgumentParser.h"
#include "server/console/Commands.h"
#include "server/console/ConsoleOutput.h"
#include "server/services/AuthService.h"
#include "server/services/ServiceError.h"
#include "server/services/WalletService.h"

#include <QUuid>

namespace nb::console {

namespace {

// A username made of digits is still a username first; only when no user has that name is the
// text taken as a user id.
User resolveUser(services::AuthService& auth, const QString& text)
{
    qint64 userId = 0;
    try {
        userId = auth.userIdByName(text);
    } catch (const services::ServiceError& e) {
        const auto id = parseId(text);
        if (e.code() != ErrorCode::NotFound || !id)
            throw;
        userId = *id;
    }
    return auth.user(userId);
}

QString freshRequestId()
{
    return QStringLiteral("console-deposit-") + QUuid::createUuid().toString(QUuid::Id128);
}

} // namespace

Prepared prepareUserAdd(const QStringList& arguments)
{
    ArgumentParser parser(
        QStringLiteral("user add"),
        QStringLiteral("Creates a user with an empty wallet and prints the new user's id."));
    parser.addOption(QStringLiteral("username"), QStringLiteral("U"),
                     QStringLiteral("3 to 32 characters of A-Z a-z 0-9 _ . -"),
                     ArgumentParser::Need::Required);
    parser.addOption(QStringLiteral("password"), QStringLiteral("P"), QStringLiteral("8 to 128 characters"),
                     ArgumentParser::Need::Required);
    parser.addOption(QStringLiteral("display-name"), QStringLiteral("N"),
                     QStringLiteral("The name others see (default: the username)."));
    parser.addOption(QStringLiteral("region"), QStringLiteral("ID"),
                     QStringLiteral("Home region: an administrative code, e.g. 1168010100 (강남구 역삼동)."));
    parser.addOption(QStringLiteral("admin"), QString(), QStringLiteral("Make the user an administrator."));
    if (const auto code = parseOrReport(parser, arguments))
        return Prepared::stop(*code);

    services::Registration registration;
    registration.username = parser.value(QStringLiteral("username"));
    registration.password = parser.value(QStringLiteral("password"));
    registration.displayName = parser.value(QStringLiteral("display-name"));
    registration.isAdmin = parser.isSet(QStringLiteral("admin"));
    if (parser.isSet(QStringLiteral("region"))) {
        registration.regionId = parseId(parser.value(QStringLiteral("region")));
        if (!registration.regionId)
            return usageError(parser, QStringLiteral("--region must be a region id (digits)"));
    }
    return Prepared::run([registration](storage::ConnectionPool& pool) {
        services::AuthService auth(pool);
        const services::Session session = auth.registerUser(registration);
        // Registering signs the user in; nobody will use that session, so it is revoked at once.
        auth.logout(session.token);
        printLine(QString::number(session.user.id));
        return kExitOk;
    });
}

Prepared prepareWalletDeposit(const QStringList& arguments)
{
    ArgumentParser parser(QStringLiteral("wallet deposit"),
                          QStringLiteral("Deposits money into a user's wallet (a demo deposit: no payment "
                                         "gateway) and prints the wallet."));
    parser.addOption(QStringLiteral("user"), QStringLiteral("U"),
                     QStringLiteral("The username (or the user id, when no user has that name)."),
                     ArgumentParser::Need::Required);
    parser.addOption(QStringLiteral("amount"), QStringLiteral("N"),
                     QStringLiteral("Whole won, digits only, 1 to 1000000000000."),
                     ArgumentParser::Need::Required);
    if (const auto code = parseOrReport(parser, arguments))
        return Prepared::stop(*code);

    const auto amount = parseAmount(parser.value(QStringLiteral("amount")));
    if (!amount)
        return usageError(parser, QStringLiteral("--amount must be whole won, digits only, from 1 to "
                                                 "1,000,000,000,000 (got '%1')")
                                      .arg(parser.value(QStringLiteral("amount"))));
    const QString user = parser.value(QStringLiteral("user"));
    return Prepared::run([user, amount](storage::ConnectionPool& pool) {
        services::AuthService auth(pool);
        const User account = resolveUser(auth, user);
        const Wallet wallet = services::WalletService(pool).deposit(account.id, *amount, freshRequestId());
        printLine(QStringLiteral("deposited %1 to %2 (user %3)")
                      .arg(formatWon(*amount), account.username)
                      .arg(account.id));
        printLine(QStringLiteral("wallet: balance %1, locked %2, total %3")
                      .arg(formatWon(wallet.balance), formatWon(wallet.locked), formatWon(wallet.total())));
        return kExitOk;
    });
}

} // namespace nb::console
