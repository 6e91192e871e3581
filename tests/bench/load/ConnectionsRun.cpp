#include "tests/bench/load/ConnectionsRun.h"

#include "tests/bench/common/BenchFiles.h"
#include "tests/bench/common/ResultOutput.h"
#include "tests/bench/common/ServerProbe.h"
#include "tests/bench/load/AckRegistry.h"
#include "tests/bench/load/IdleHolder.h"
#include "tests/bench/load/ProcessCpu.h"
#include "tests/bench/load/ResultSections.h"
#include "tests/bench/load/ShardSet.h"
#include "tests/bench/load/SteadyTime.h"
#include "tests/bench/load/Waiting.h"

#include <QDateTime>

#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace nb::bench::load {

namespace {

constexpr qint64 kOpenTimeoutMs = 180'000;
/// Descriptors the process needs besides the connections.
constexpr qint64 kSpareFiles = 64;

} // namespace

ConnectionsRun::ConnectionsRun(const LoadOptions& options, qint64 openFilesLimit)
    : m_options(options)
    , m_openFilesLimit(openFilesLimit)
{}

std::optional<QList<Credential>> ConnectionsRun::loadUsers() const
{
    const LoadOptions& o = m_options;
    QList<Credential> users;
    try {
        users = readCredentials(o.idleFile);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "nb-bench: %s\n", e.what());
        return std::nullopt;
    }
    if (users.size() < o.connections) {
        std::fprintf(stderr, "nb-bench: %s holds %lld users, %d connections asked\n", qPrintable(o.idleFile),
                     static_cast<long long>(users.size()), o.connections);
        return std::nullopt;
    }
    if (m_openFilesLimit < o.connections + kSpareFiles)
        std::fprintf(stderr,
                     "nb-bench: the open files limit (%lld) is too low for %d connections; expect failures\n",
                     static_cast<long long>(m_openFilesLimit), o.connections);
    return users.mid(0, o.connections);
}

int ConnectionsRun::run()
{
    const std::optional<QList<Credential>> users = loadUsers();
    if (!users)
        return 2;
    AckRegistry acks(false);
    ShardSet shards(m_options.threads, acks, m_options.openConcurrency);
    for (int i = 0; i < users->size(); ++i) {
        Shard& shard = shards.at(i % shards.size());
        shard.add(std::make_unique<IdleHolder>(m_options.wsUrl, users->at(i).token, shard.stats()));
    }
    shards.launch();
    return openAndHold(shards);
}

int ConnectionsRun::openAndHold(ShardSet& shards) const
{
    const LoadOptions& o = m_options;
    ServerProbe probe(o.serverPids);
    const auto sample = [&probe] { probe.sample(); };
    const QDateTime startedAt = QDateTime::currentDateTimeUtc();
    ProcessCpu client;
    probe.start();
    client.start();
    const qint64 startNs = steadyNowNs();
    shards.callEach([](Shard& s) { s.openAll(); });
    RunStats setup;
    if (!waitUntil([&shards] { return shards.all([](Shard& s) { return s.allSettled(); }); }, kOpenTimeoutMs,
                   sample))
        setup.error(QStringLiteral("open_timeout"));
    const double openSeconds = nsToS(steadyNowNs() - startNs);
    int ready = 0;
    shards.callEach([&ready](Shard& s) { ready += s.readyCount(); });
    std::printf("opened %d of %d connections in %.1f s; holding them %.0f s\n", ready, o.connections,
                openSeconds, o.holdS);
    std::fflush(stdout);
    runFor(static_cast<qint64>(o.holdS * 1000), sample, 100);
    int stillOpen = 0;
    shards.callEach([&stillOpen](Shard& s) { stillOpen += s.readyCount(); });
    probe.finish();
    client.finish();
    const double seconds = nsToS(steadyNowNs() - startNs);
    RunStats total = shards.finish();
    total.merge(setup);

    QJsonObject out = resultHead(o, startedAt, seconds);
    QJsonObject connections = connectionsJson(o.connections, total.opened, o.connections - total.opened);
    connections.insert("open_s", std::round(openSeconds * 1000) / 1000);
    connections.insert("held_to_the_end", stillOpen);
    out.insert("connections", connections);
    out.insert("errors", total.errors.toJson());
    out.insert("server", probe.toJson());
    out.insert("client", client.toJson());
    addNotes(out, total.notes);
    printSummary(out);
    writeJson(out, o.jsonPath);
    if (total.opened == o.connections && stillOpen == o.connections && total.unexpected == 0)
        return 0;
    std::fprintf(stderr, "nb-bench: run not correct: %lld of %d opened, %d held to the end\n",
                 static_cast<long long>(total.opened), o.connections, stillOpen);
    return 1;
}

} // namespace nb::bench::load
