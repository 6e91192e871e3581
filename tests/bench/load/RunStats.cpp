#include "tests/bench/load/RunStats.h"

#include <algorithm>

namespace nb::bench::load {

void RunStats::error(const QString& code)
{
    errors.add(code);
    if (code != QLatin1String("bid_too_low"))
        ++unexpected;
}

void RunStats::note(const QString& what, qint64 n)
{
    if (n > 0)
        notes[what] += n;
}

void RunStats::merge(const RunStats& other)
{
    for (auto it = other.notes.cbegin(); it != other.notes.cend(); ++it)
        notes[it.key()] += it.value();
    accepted += other.accepted;
    refused += other.refused;
    unexpected += other.unexpected;
    lastAnswerNs = std::max(lastAnswerNs, other.lastAnswerNs);
    ackMs.merge(other.ackMs);
    deliveryMs.merge(other.deliveryMs);
    readDelayMs.merge(other.readDelayMs);
    const QJsonObject theirs = other.errors.toJson();
    for (auto it = theirs.begin(); it != theirs.end(); ++it) {
        for (qint64 n = it.value().toInteger(); n > 0; --n)
            errors.add(it.key());
    }
    streams.append(other.streams);
    opened += other.opened;
    failed += other.failed;
    pages += other.pages;
    pageMs.merge(other.pageMs);
}

} // namespace nb::bench::load
