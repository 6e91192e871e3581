#include "tests/bench/load/ListingRun.h"

#include "tests/bench/common/ResultOutput.h"
#include "tests/bench/common/ServerProbe.h"
#include "tests/bench/load/AckRegistry.h"
#include "tests/bench/load/Lister.h"
#include "tests/bench/load/ProcessCpu.h"
#include "tests/bench/load/ResultSections.h"
#include "tests/bench/load/ServerQueries.h"
#include "tests/bench/load/ShardSet.h"
#include "tests/bench/load/SteadyTime.h"
#include "tests/bench/load/Waiting.h"

#include <QDateTime>
#include <QRandomGenerator>

#include <cstdio>

namespace nb::bench::load {

namespace {

constexpr qint64 kAnswersTimeoutMs = 12'000;

} // namespace

ListingRun::ListingRun(const LoadOptions& options)
    : m_options(options)
{}

int ListingRun::run()
{
    const LoadOptions& o = m_options;
    RunStats setup;
    const ListingVocabulary vocabulary = ServerQueries(o.httpUrl, setup).listingVocabulary();
    std::printf("browsing %lld categories, %lld regions, %lld search words\n",
                static_cast<long long>(vocabulary.categories.size()),
                static_cast<long long>(vocabulary.regions.size()),
                static_cast<long long>(vocabulary.searchWords.size()));
    const quint32 seed = o.randomSeed ? o.randomSeed : QRandomGenerator::system()->generate();
    AckRegistry acks(false);
    ShardSet shards(o.threads, acks, o.openConcurrency);
    for (int i = 0; i < o.clients; ++i) {
        Shard& shard = shards.at(i % shards.size());
        shard.add(std::make_unique<Lister>(
            o.httpUrl, ListingQueries(vocabulary, seed + static_cast<quint32>(i)), shard.stats()));
    }
    shards.launch();
    shards.callEach([](Shard& s) { s.openAll(); });

    ServerProbe probe(o.serverPids);
    const auto sample = [&probe] { probe.sample(); };
    const QDateTime startedAt = QDateTime::currentDateTimeUtc();
    ProcessCpu client;
    probe.start();
    client.start();
    const qint64 startNs = steadyNowNs();
    shards.callEach([](Shard& s) { s.startLoad(0); });
    runFor(static_cast<qint64>(o.durationS * 1000), sample);
    shards.callEach([](Shard& s) { s.stopLoad(); });
    if (!waitUntil([&shards] { return shards.all([](Shard& s) { return s.quiet(); }); }, kAnswersTimeoutMs,
                   sample))
        setup.error(QStringLiteral("answers_timeout"));
    const double seconds = nsToS(steadyNowNs() - startNs);
    probe.finish();
    client.finish();
    RunStats total = shards.finish();
    total.merge(setup);

    QJsonObject out = resultHead(o, startedAt, seconds, seed);
    out.insert("listing", QJsonObject{{"pages", total.pages},
                                      {"pages_per_s", rate(total.pages, seconds)},
                                      {"latency_ms", total.pageMs.toJson()}});
    out.insert("errors", total.errors.toJson());
    out.insert("server", probe.toJson());
    out.insert("client", client.toJson());
    addNotes(out, total.notes);
    printSummary(out);
    writeJson(out, o.jsonPath);
    if (total.unexpected == 0 && total.pages > 0)
        return 0;
    std::fprintf(stderr, "nb-bench: run not correct: %lld errors, %lld pages\n",
                 static_cast<long long>(total.unexpected), static_cast<long long>(total.pages));
    return 1;
}

} // namespace nb::bench::load
