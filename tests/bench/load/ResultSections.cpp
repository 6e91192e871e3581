#include "tests/bench/load/ResultSections.h"

#include "shared/TimeFormat.h"
#include "tests/bench/load/LoadOptions.h"

#include <cmath>

namespace nb::bench::load {

namespace {

double rounded3(double value)
{
    return std::round(value * 1000.0) / 1000.0;
}

} // namespace

QJsonObject EventTally::toJson() const
{
    return QJsonObject{
        {"expected", expected}, {"received", received}, {"lost", lost}, {"duplicated", duplicated}};
}

EventTally tallyEvents(const QList<StreamReport>& streams, const QHash<qint64, qint64>& finalSeqs)
{
    EventTally tally;
    for (const StreamReport& s : streams) {
        tally.duplicated += s.duplicates;
        const auto final = finalSeqs.constFind(s.auctionId);
        if (!s.hasSnapshot || final == finalSeqs.constEnd()) {
            ++tally.unchecked;
            continue;
        }
        tally.expected += std::max<qint64>(0, final.value() - s.snapshotSeq);
        tally.received += s.received;
        tally.lost += s.gapLost + std::max<qint64>(0, final.value() - s.lastSeq);
    }
    return tally;
}

QJsonObject resultHead(const LoadOptions& options, const QDateTime& startedAt, double seconds, quint32 seed)
{
    QJsonObject params = options.params();
    if (seed)
        params.insert("seed", static_cast<qint64>(seed));
    return QJsonObject{{"scenario", options.scenario},
                       {"started_at", toWireTime(startedAt)},
                       {"duration_s", rounded3(seconds)},
                       {"params", params}};
}

double rate(qint64 count, double seconds)
{
    return seconds > 0 ? rounded3(static_cast<double>(count) / seconds) : 0.0;
}

QJsonObject bidsJson(qint64 accepted, qint64 refused, double seconds)
{
    return QJsonObject{{"accepted", accepted},
                       {"refused", refused},
                       {"accepted_per_s", rate(accepted, seconds)},
                       {"refused_per_s", rate(refused, seconds)},
                       {"decisions_per_s", rate(accepted + refused, seconds)}};
}

QJsonObject connectionsJson(qint64 requested, qint64 opened, qint64 failed)
{
    return QJsonObject{{"requested", requested}, {"opened", opened}, {"failed", failed}};
}

void addNotes(QJsonObject& result, const QMap<QString, qint64>& notes)
{
    QJsonObject out;
    for (auto it = notes.cbegin(); it != notes.cend(); ++it)
        out.insert(it.key(), it.value());
    if (!out.isEmpty())
        result.insert("notes", out);
}

} // namespace nb::bench::load
