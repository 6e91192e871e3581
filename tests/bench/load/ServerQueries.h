#pragma once

#include "tests/bench/load/ListingQueries.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QUrl>

#include <optional>

namespace nb::bench::load {

class RunStats;

/// The few plain HTTP reads the tool makes around a run (not measured), each bounded by a
/// timeout. Failures are tallied in `stats` as errors.
class ServerQueries {
public:
    ServerQueries(QUrl httpUrl, RunStats& stats);

    /// GET one path as JSON; nothing (and an error tallied) on failure.
    std::optional<QJsonObject> getJson(const QString& path);
    /// Each auction's seq as the server has it now (GET /api/v1/auctions/{id}), a few at once.
    QHash<qint64, qint64> currentSeqs(const QList<qint64>& auctionIds);
    /// Categories, regions and words of listed titles, for the listing scenario.
    ListingVocabulary listingVocabulary();

private:
    const QUrl m_httpUrl;
    RunStats& m_stats;
};

} // namespace nb::bench::load
