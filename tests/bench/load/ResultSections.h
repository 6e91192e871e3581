#pragma once

#include "tests/bench/load/RunStats.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>

namespace nb::bench::load {

struct LoadOptions;

/// The seq streams of a run set against each auction's final seq.
struct EventTally {
    qint64 expected = 0;
    qint64 received = 0;
    qint64 lost = 0;
    qint64 duplicated = 0;
    /// Streams that could not be checked: no snapshot, or no final seq to compare with.
    qint64 unchecked = 0;

    QJsonObject toJson() const;
};

/// Every stream expected the events from its snapshot's seq to the final one; what it did not
/// receive (skipped in a gap, or missing at the end) is lost.
EventTally tallyEvents(const QList<StreamReport>& streams, const QHash<qint64, qint64>& finalSeqs);

/// {scenario, started_at, duration_s, params}
/// `seed` is the random seed in force (the option's, or the one drawn when it was 0).
QJsonObject resultHead(const LoadOptions& options, const QDateTime& startedAt, double seconds,
                       quint32 seed = 0);
/// {accepted, refused, accepted_per_s, refused_per_s, decisions_per_s}
QJsonObject bidsJson(qint64 accepted, qint64 refused, double seconds);
QJsonObject connectionsJson(qint64 requested, qint64 opened, qint64 failed);
/// Adds "notes" when there is anything to note.
void addNotes(QJsonObject& result, const QMap<QString, qint64>& notes);
double rate(qint64 count, double seconds);

} // namespace nb::bench::load
