// `neighborbid-server console`: parses the database options and the command, checks the
// command's arguments before touching the database, then opens it, brings the schema up to date
// and runs the command.
#include "server/console/ConsoleCommand.h"

#include "server/app/DatabaseTarget.h"
#include "server/console/ArgumentParser.h"
#include "server/console/Commands.h"
#include "server/console/ConsoleOutput.h"
#include "server/services/ServiceError.h"
#include "server/storage/ConnectionPool.h"
#include "server/storage/Migrator.h"

#include <QJsonDocument>

#include <cstdio>
#include <exception>

namespace nb::console {

namespace {

constexpr int kPoolSize = 2;

struct CommandEntry {
    const char* group;
    const char* verb; // nullptr: the group word alone is the command
    const char* summary;
    Prepared (*prepare)(const QStringList& arguments);
};

const CommandEntry kCommands[] = {
    {"user", "add", "Create a user; prints the new user's id.", prepareUserAdd},
    {"wallet", "deposit", "Deposit money into a user's wallet; prints the wallet.", prepareWalletDeposit},
    {"auction", "list", "List auctions (id, status, title, price, bids, end).", prepareAuctionList},
    {"auction", "close", "End an active auction now and settle it.", prepareAuctionClose},
    {"auction", "cancel", "Cancel an auction, also with bids; releases the hold.", prepareAuctionCancel},
    {"ledger", "verify", "Check the money invariants of RULES.md (exit 3 if broken).", prepareLedgerVerify},
    {"stats", nullptr, "Totals: users, auctions, bids, money, outbox.", prepareStats},
    {"demo", nullptr, "Seed demo users, auctions and bids (once).", prepareDemo},
};

QString commandName(const CommandEntry& entry)
{
    return entry.verb ? QStringLiteral("%1 %2").arg(QLatin1String(entry.group), QLatin1String(entry.verb))
                      : QString::fromLatin1(entry.group);
}

QString commandList(const QString& group = QString())
{
    QString text;
    for (const CommandEntry& entry : kCommands) {
        if (group.isEmpty() || group == QLatin1String(entry.group))
            text +=
                QStringLiteral("  %1  %2\n").arg(commandName(entry), -14).arg(QLatin1String(entry.summary));
    }
    return text;
}

ArgumentParser globalParser()
{
    ArgumentParser parser(QString(),
                          QStringLiteral("Operators' commands on a NeighborBid database. The schema is "
                                         "brought up to date first."));
    parser.addOption(QStringLiteral("data-dir"), QStringLiteral("DIR"),
                     QStringLiteral("Use the private PostgreSQL cluster in DIR, starting it for the command "
                                    "unless a server runs it (default: $NEIGHBORBID_HOME or %1).")
                         .arg(app::DatabaseTarget::defaultDataDir()));
    parser.addOption(
        QStringLiteral("database"), QStringLiteral("DSN"),
        QStringLiteral("Use the PostgreSQL 13+ database at DSN instead (or $NEIGHBORBID_DATABASE)."));
    parser.setStopAtPositional(true);
    parser.setSynopsis(QStringLiteral("[--data-dir DIR | --database DSN] COMMAND ..."));
    parser.setEpilog(
        QStringLiteral("Commands:\n") + commandList() +
        QStringLiteral("\nRun 'neighborbid-server console COMMAND --help' for a command's options.\n"
                       "Exit codes: 0 ok, 1 the operation failed, 2 usage error, "
                       "3 ledger verify found violations."));
    return parser;
}

Prepared groupUsage(const QString& group, const QString& verb)
{
    if (verb == QLatin1String("--help") || verb == QLatin1String("-h")) {
        printText(QStringLiteral("Usage: neighborbid-server console %1 COMMAND ...\n\nCommands:\n%2")
                      .arg(group, commandList(group)));
        return Prepared::stop(kExitOk);
    }
    QStringList verbs;
    for (const CommandEntry& entry : kCommands) {
        if (group == QLatin1String(entry.group))
            verbs.append(QLatin1String(entry.verb));
    }
    const QString choices = verbs.join(QStringLiteral(", "));
    printUsageError(
        QString(),
        verb.isEmpty()
            ? QStringLiteral("'%1' needs one of: %2").arg(group, choices)
            : QStringLiteral("unknown command '%1 %2'; '%1' takes one of: %3").arg(group, verb, choices));
    return Prepared::stop(kExitUsage);
}

Prepared prepareCommand(const QStringList& words)
{
    const QString group = words.value(0);
    bool groupKnown = false;
    for (const CommandEntry& entry : kCommands) {
        if (group != QLatin1String(entry.group))
            continue;
        groupKnown = true;
        if (!entry.verb)
            return entry.prepare(words.mid(1));
        if (words.value(1) == QLatin1String(entry.verb))
            return entry.prepare(words.mid(2));
    }
    if (groupKnown)
        return groupUsage(group, words.value(1));
    printUsageError(QString(), QStringLiteral("unknown command '%1'").arg(group));
    return Prepared::stop(kExitUsage);
}

QString serviceErrorText(const services::ServiceError& e)
{
    QString text = QStringLiteral("%1 (%2)").arg(e.error().message, errorCodeName(e.code()));
    if (!e.error().details.isEmpty())
        text += QLatin1Char(' ') +
                QString::fromUtf8(QJsonDocument(e.error().details).toJson(QJsonDocument::Compact));
    return text;
}

int execute(const QString& dataDir, const QString& database, const Prepared& prepared)
{
    try {
        app::DatabaseTarget target(dataDir, database);
        target.open(app::DatabaseTarget::Role::Command);
        storage::Migrator migrator(target.connectionString());
        if (const int applied = migrator.apply(); applied > 0) {
            std::fprintf(stderr, "database: schema version %d (%d migration(s) applied)\n",
                         migrator.currentVersion(), applied);
        }
        // Declared after the target, so the connections close before a cluster it started stops.
        storage::ConnectionPool pool(target.connectionString(), kPoolSize);
        const int code = prepared.action(pool);
        std::fflush(stdout);
        return code;
    } catch (const services::ServiceError& e) {
        printError(serviceErrorText(e));
    } catch (const std::exception& e) {
        printError(QString::fromUtf8(e.what()));
    }
    return kExitFailed;
}

} // namespace

int run(const QStringList& arguments)
{
    ArgumentParser parser = globalParser();
    if (const auto code = parseOrReport(parser, arguments))
        return *code;
    if (parser.remaining().isEmpty()) {
        printUsageError(QString(), QStringLiteral("a command is required"));
        return kExitUsage;
    }
    if (parser.isSet(QStringLiteral("data-dir")) && parser.isSet(QStringLiteral("database"))) {
        printUsageError(QString(), QStringLiteral("--data-dir and --database cannot be used together"));
        return kExitUsage;
    }
    const Prepared prepared = prepareCommand(parser.remaining());
    if (!prepared.action)
        return prepared.exitCode;
    return execute(parser.value(QStringLiteral("data-dir")), parser.value(QStringLiteral("database")),
                   prepared);
}

} // namespace nb::console
