// console auction list | close ID | cancel ID.
#include "server/console/ArgumentParser.h"
#include "server/console/Commands.h"
#include "server/console/ConsoleOutput.h"
#include "server/console/TextTable.h"
#include "server/services/AuctionService.h"
#include "server/services/SettlementService.h"
#include "shared/protocol/WireEnums.h"

namespace nb::console {

namespace {

constexpr int kDefaultListLimit = 100;
constexpr int kMaxListLimit = 1000;
constexpr int kTitleWidth = 40;

QString endsAtCell(const AuctionSummary& auction, const QDateTime& now)
{
    const QString at = formatLocalTime(auction.endsAt);
    if (auction.status == AuctionStatus::Ended || auction.status == AuctionStatus::Cancelled)
        return at;
    return QStringLiteral("%1 (%2)").arg(at, formatRelative(auction.endsAt, now));
}

void printAuctions(const std::vector<AuctionSummary>& auctions, int limit)
{
    if (auctions.empty()) {
        printLine(QStringLiteral("no auctions"));
        return;
    }
    TextTable table({{QStringLiteral("ID"), TextTable::Align::Right},
                     {QStringLiteral("STATUS")},
                     {QStringLiteral("TITLE"), TextTable::Align::Left, kTitleWidth},
                     {QStringLiteral("CURRENT PRICE"), TextTable::Align::Right},
                     {QStringLiteral("BIDS"), TextTable::Align::Right},
                     {QStringLiteral("ENDS AT")}});
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const AuctionSummary& a : auctions) {
        table.addRow({QString::number(a.id), toWire(a.status), a.title, formatWon(a.currentPrice),
                      QString::number(a.bidCount), endsAtCell(a, now)});
    }
    printText(table.render());
    const int shown = static_cast<int>(auctions.size());
    printLine(shown >= limit
                  ? QStringLiteral("%1 auction(s), the newest only: use --limit for more").arg(shown)
                  : QStringLiteral("%1 auction(s)").arg(shown));
}

QString outcome(const AuctionDetail& detail)
{
    if (detail.winner && detail.finalPrice) {
        return QStringLiteral("sold to %1 (user %2) for %3")
            .arg(detail.winner->displayName)
            .arg(detail.winner->id)
            .arg(formatWon(*detail.finalPrice));
    }
    if (detail.reserveMet && !*detail.reserveMet && detail.summary.bidCount > 0)
        return QStringLiteral("no sale: the reserve price was not met");
    return QStringLiteral("no sale: there were no bids");
}

// `auction close ID` and `auction cancel ID` take the same single argument.
std::optional<qint64> parseAuctionId(ArgumentParser& parser, const QStringList& arguments, Prepared* stop)
{
    parser.addPositional(QStringLiteral("ID"), QStringLiteral("The auction's id (see `auction list`)."));
    if (const auto code = parseOrReport(parser, arguments)) {
        *stop = Prepared::stop(*code);
        return std::nullopt;
    }
    const auto id = parseId(parser.positional(0));
    if (!id)
        *stop = usageError(
            parser, QStringLiteral("ID must be an auction id (digits), not '%1'").arg(parser.positional(0)));
    return id;
}

} // namespace

Prepared prepareAuctionList(const QStringList& arguments)
{
    ArgumentParser parser(QStringLiteral("auction list"),
                          QStringLiteral("Lists auctions, newest first: id, status, title, current price, "
                                         "number of bids and end time (local)."));
    const QString statuses = wireNames<AuctionStatus>().join(QStringLiteral(", "));
    parser.addOption(QStringLiteral("status"), QStringLiteral("S"),
                     QStringLiteral("Only this status: %1.").arg(statuses));
    parser.addOption(QStringLiteral("limit"), QStringLiteral("N"),
                     QStringLiteral("At most N auctions (1 to %1, default %2).")
                         .arg(kMaxListLimit)
                         .arg(kDefaultListLimit));
    if (const auto code = parseOrReport(parser, arguments))
        return Prepared::stop(*code);

    std::optional<AuctionStatus> status;
    if (parser.isSet(QStringLiteral("status"))) {
        status = auctionStatusFromWire(parser.value(QStringLiteral("status")));
        if (!status)
            return usageError(parser, QStringLiteral("--status must be one of %1").arg(statuses));
    }
    int limit = kDefaultListLimit;
    if (parser.isSet(QStringLiteral("limit"))) {
        const auto n = parseId(parser.value(QStringLiteral("limit")));
        if (!n || *n > kMaxListLimit)
            return usageError(parser,
                              QStringLiteral("--limit must be a number from 1 to %1").arg(kMaxListLimit));
        limit = static_cast<int>(*n);
    }
    return Prepared::run([status, limit](storage::ConnectionPool& pool) {
        printAuctions(services::AuctionService(pool).listByStatus(status, limit), limit);
        return kExitOk;
    });
}

Prepared prepareAuctionClose(const QStringList& arguments)
{
    ArgumentParser parser(
        QStringLiteral("auction close"),
        QStringLiteral("Ends an active auction now and settles it as if its time were up: "
                       "the winner's hold is paid to the seller, other holds are released."));
    Prepared stop;
    const auto id = parseAuctionId(parser, arguments, &stop);
    if (!id)
        return stop;
    return Prepared::run([id = *id](storage::ConnectionPool& pool) {
        services::SettlementService(pool).closeNow(id);
        const AuctionDetail detail = services::AuctionService(pool).detail(id);
        printLine(QStringLiteral("auction %1 closed: %2").arg(id).arg(outcome(detail)));
        return kExitOk;
    });
}

Prepared prepareAuctionCancel(const QStringList& arguments)
{
    ArgumentParser parser(
        QStringLiteral("auction cancel"),
        QStringLiteral("Cancels an auction as an operator, also when it has bids: the leading "
                       "bidder's hold is released and nobody pays."));
    Prepared stop;
    const auto id = parseAuctionId(parser, arguments, &stop);
    if (!id)
        return stop;
    return Prepared::run([id = *id](storage::ConnectionPool& pool) {
        services::AuctionService auctions(pool);
        const AuctionDetail before = auctions.detail(id);
        services::SettlementService(pool).cancel(id, std::nullopt, /*asOperator*/ true);
        if (before.summary.highBidderId)
            printLine(
                QStringLiteral("auction %1 cancelled; the hold of the leading bidder (user %2) was released")
                    .arg(id)
                    .arg(*before.summary.highBidderId));
        else
            printLine(QStringLiteral("auction %1 cancelled").arg(id));
        return kExitOk;
    });
}

} // namespace nb::console
