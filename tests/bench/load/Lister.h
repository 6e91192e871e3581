#pragma once

#include "tests/bench/load/Actor.h"
#include "tests/bench/load/HttpClient.h"
#include "tests/bench/load/ListingQueries.h"

namespace nb::bench::load {

class RunStats;

/// One browsing client of the `listing` scenario: a keep-alive connection with one listing
/// request in flight, the next sent as soon as the previous answer is in.
class Lister final : public Actor {
public:
    Lister(const QUrl& httpUrl, ListingQueries queries, RunStats& stats);

    void open(qint64 nowNs) override;
    bool settled() const override { return true; }
    bool ready() const override { return true; }
    void tick(qint64 nowNs) override;
    void start(qint64 nowNs) override;
    void stop() override;
    bool quiet() const override;
    void close() override;

private:
    void request();

    HttpClient m_http;
    ListingQueries m_queries;
    RunStats& m_stats;
    bool m_active = false;
    qint64 m_sentNs = 0;
};

} // namespace nb::bench::load
