// console demo [--reset-passwords].
#include "server/console/ArgumentParser.h"
#include "server/console/Commands.h"
#include "server/console/ConsoleOutput.h"
#include "server/console/DemoSeeder.h"
#include "server/console/TextTable.h"

namespace nb::console {

namespace {

void printLogins()
{
    printLine(QStringLiteral("Demo logins (password \"%1\"):").arg(QLatin1String(demo::kPassword)));
    TextTable table(
        {{QStringLiteral("USERNAME")}, {QStringLiteral("NAME")}, {QStringLiteral("REGION")}, {QString()}});
    for (const demo::DemoUser& user : demo::users()) {
        table.addRow({QString::fromUtf8(user.username), QString::fromUtf8(user.displayName),
                      QString::fromUtf8(user.regionName),
                      user.bidder
                          ? QStringLiteral("bidder, %1 deposited").arg(formatWon(demo::kDepositPerBidder))
                          : QStringLiteral("seller of the demo auctions")});
    }
    printText(table.render());
}

void printReport(const DemoReport& report)
{
    printLine(QStringLiteral("demo data created:"));
    printLine(QStringLiteral("  %1 user(s), %2 deposit(s) of %3")
                  .arg(report.usersCreated)
                  .arg(report.deposits)
                  .arg(formatWon(demo::kDepositPerBidder)));
    printLine(QStringLiteral("  %1 auction(s) by %2 (%3 scheduled to start in a few minutes)")
                  .arg(report.auctions)
                  .arg(QLatin1String(demo::kShopUsername))
                  .arg(report.scheduled));
    printLine(QStringLiteral("  %1 bid(s) between the demo users").arg(report.bids));
}

} // namespace

Prepared prepareDemo(const QStringList& arguments)
{
    ArgumentParser parser(
        QStringLiteral("demo"),
        QStringLiteral("Seeds demo data: users alice, bob, carol and dave (each with %1), the seller %2 with "
                       "a dozen national and local auctions, and a few bids. Does nothing when %2 exists "
                       "already, so running it again changes nothing.")
            .arg(formatWon(demo::kDepositPerBidder), QLatin1String(demo::kShopUsername)));
    parser.addOption(QStringLiteral("reset-passwords"), QString(),
                     QStringLiteral("Also set the demo users' passwords back to \"%1\".")
                         .arg(QLatin1String(demo::kPassword)));
    if (const auto code = parseOrReport(parser, arguments))
        return Prepared::stop(*code);
    const bool resetPasswords = parser.isSet(QStringLiteral("reset-passwords"));
    return Prepared::run([resetPasswords](storage::ConnectionPool& pool) {
        DemoSeeder seeder(pool);
        if (seeder.alreadySeeded())
            printLine(QStringLiteral("demo data is already there (user %1 exists); nothing created")
                          .arg(QLatin1String(demo::kShopUsername)));
        else
            printReport(seeder.seed());
        if (resetPasswords)
            printLine(QStringLiteral("passwords reset for %1 demo user(s)").arg(seeder.resetPasswords()));
        printLogins();
        return kExitOk;
    });
}

} // namespace nb::console
