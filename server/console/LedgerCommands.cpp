// console ledger verify, console stats.
#include "server/console/ArgumentParser.h"
#include "server/console/Commands.h"
#include "server/console/ConsoleOutput.h"
#include "server/services/LedgerAudit.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace nb::console {

namespace {

namespace audit = storage::audit;

// The invariants as RULES.md numbers them; 5 is the audit's own check that holds follow leaders.
QString invariantName(int invariant)
{
    switch (invariant) {
    case 1:
        return QStringLiteral("wallet matches its ledger");
    case 2:
        return QStringLiteral("locked equals open holds");
    case 3:
        return QStringLiteral("money is conserved");
    case 4:
        return QStringLiteral("ended auctions settled once");
    case 5:
        return QStringLiteral("holds belong to leaders");
    default:
        return QStringLiteral("unknown");
    }
}

void printJson(const QJsonObject& object)
{
    printLine(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)));
}

void printViolations(const std::vector<audit::Violation>& violations)
{
    if (violations.empty()) {
        printLine(QStringLiteral("ok"));
        return;
    }
    for (const audit::Violation& v : violations) {
        printLine(QStringLiteral("invariant %1 (%2): %3: %4")
                      .arg(v.invariant)
                      .arg(invariantName(v.invariant), v.subject, v.detail));
    }
    printLine(QStringLiteral("%1 violation(s) found").arg(violations.size()));
}

QJsonObject violationsJson(const std::vector<audit::Violation>& violations)
{
    QJsonArray list;
    for (const audit::Violation& v : violations)
        list.append(QJsonObject{{"invariant", v.invariant}, {"subject", v.subject}, {"detail", v.detail}});
    return QJsonObject{{"ok", violations.empty()}, {"violations", list}};
}

const char* const kStatusNames[4] = {"scheduled", "active", "ended", "cancelled"};

QJsonObject totalsJson(const audit::Totals& t)
{
    QJsonObject auctions;
    qint64 allAuctions = 0;
    for (int i = 0; i < 4; ++i) {
        auctions.insert(QLatin1String(kStatusNames[i]), t.auctionsByStatus[i]);
        allAuctions += t.auctionsByStatus[i];
    }
    auctions.insert(QStringLiteral("total"), allAuctions);
    return QJsonObject{
        {"users", t.users},
        {"auctions", auctions},
        {"bids", t.bids},
        {"money", QJsonObject{{"balance", t.balance}, {"locked", t.locked}, {"total", t.balance + t.locked}}},
        {"deposits", t.deposits},
        {"withdrawals", t.withdrawals},
        {"settled_volume", t.settledVolume},
        {"pending_outbox", t.pendingOutbox},
    };
}

void printTotals(const audit::Totals& t)
{
    QStringList byStatus;
    qint64 allAuctions = 0;
    for (int i = 0; i < 4; ++i) {
        byStatus.append(
            QStringLiteral("%1 %2").arg(QLatin1String(kStatusNames[i])).arg(t.auctionsByStatus[i]));
        allAuctions += t.auctionsByStatus[i];
    }
    const auto row = [](const char* label, const QString& value) {
        printLine(QStringLiteral("%1 %2").arg(QLatin1String(label), -15).arg(value));
    };
    row("users", groupThousands(t.users));
    row("auctions",
        QStringLiteral("%1 (%2)").arg(groupThousands(allAuctions), byStatus.join(QStringLiteral(", "))));
    row("bids", groupThousands(t.bids));
    row("money", QStringLiteral("balance %1, locked %2, total %3")
                     .arg(formatWon(t.balance), formatWon(t.locked), formatWon(t.balance + t.locked)));
    row("deposits", formatWon(t.deposits));
    row("withdrawals", formatWon(t.withdrawals));
    row("settled volume", formatWon(t.settledVolume));
    row("pending outbox", groupThousands(t.pendingOutbox));
}

} // namespace

Prepared prepareLedgerVerify(const QStringList& arguments)
{
    ArgumentParser parser(
        QStringLiteral("ledger verify"),
        QStringLiteral("Checks every money invariant of RULES.md on one snapshot of the database. "
                       "Prints \"ok\" and exits 0 when all hold; otherwise lists each violation "
                       "with its invariant number and the wallet or auction, and exits 3."));
    parser.addOption(QStringLiteral("json"), QString(),
                     QStringLiteral("Print {\"ok\": bool, \"violations\": [{\"invariant\", \"subject\", "
                                    "\"detail\"}]} instead."));
    if (const auto code = parseOrReport(parser, arguments))
        return Prepared::stop(*code);
    const bool json = parser.isSet(QStringLiteral("json"));
    return Prepared::run([json](storage::ConnectionPool& pool) {
        const auto violations = services::LedgerAudit(pool).verify();
        if (json)
            printJson(violationsJson(violations));
        else
            printViolations(violations);
        return violations.empty() ? kExitOk : kExitViolations;
    });
}

Prepared prepareStats(const QStringList& arguments)
{
    ArgumentParser parser(
        QStringLiteral("stats"),
        QStringLiteral("Prints totals: users, auctions by status, bids, the money in wallets "
                       "(available, locked, total), deposits, withdrawals, settled volume and "
                       "events waiting in the outbox."));
    parser.addOption(QStringLiteral("json"), QString(), QStringLiteral("Print them as one JSON object."));
    if (const auto code = parseOrReport(parser, arguments))
        return Prepared::stop(*code);
    const bool json = parser.isSet(QStringLiteral("json"));
    return Prepared::run([json](storage::ConnectionPool& pool) {
        const audit::Totals totals = services::LedgerAudit(pool).totals();
        if (json)
            printJson(totalsJson(totals));
        else
            printTotals(totals);
        return kExitOk;
    });
}

} // namespace nb::console
