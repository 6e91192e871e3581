#include "tests/bench/load/BidRun.h"

#include "tests/bench/common/ResultOutput.h"
#include "tests/bench/common/ServerProbe.h"
#include "tests/bench/load/AckRegistry.h"
#include "tests/bench/load/Bidder.h"
#include "tests/bench/load/ProcessCpu.h"
#include "tests/bench/load/ResultSections.h"
#include "tests/bench/load/ServerQueries.h"
#include "tests/bench/load/ShardSet.h"
#include "tests/bench/load/SteadyTime.h"
#include "tests/bench/load/Waiting.h"
#include "tests/bench/load/Watcher.h"

#include <QDateTime>
#include <QRandomGenerator>

#include <cstdio>
#include <stdexcept>

namespace nb::bench::load {

namespace {

/// The server lets one connection follow this many auctions.
constexpr int kMaxSubscriptionsPerConnection = 256;
constexpr qint64 kOpenTimeoutMs = 120'000;
constexpr qint64 kAnswersTimeoutMs = 12'000;
constexpr qint64 kDrainTimeoutMs = 2'000;

bool problem(const QString& text)
{
    std::fprintf(stderr, "nb-bench: %s\n", qPrintable(text));
    return false;
}

} // namespace

BidRun::BidRun(const LoadOptions& options)
    : m_options(options)
{
    m_seed = options.randomSeed ? options.randomSeed : QRandomGenerator::system()->generate();
    // request_id must be unique per user across runs too, or the server would replay old answers.
    m_runTag = QStringLiteral("nb%1%2")
                   .arg(QDateTime::currentMSecsSinceEpoch(), 0, 36)
                   .arg(QRandomGenerator::system()->bounded(36 * 36), 2, 36, QLatin1Char('0'));
}

bool BidRun::loadFiles()
{
    const LoadOptions& o = m_options;
    try {
        m_bidders = readCredentials(o.biddersFile);
        m_auctions = readAuctions(o.auctionsFile);
        if (o.fansOut() && o.authenticatedSubscribers)
            m_subscriberCredentials = readCredentials(o.idleFile);
    } catch (const std::exception& e) {
        return problem(QString::fromUtf8(e.what()));
    }
    if (m_bidders.size() < o.bidders)
        return problem(QStringLiteral("%1 holds %2 bidders, %3 asked")
                           .arg(o.biddersFile)
                           .arg(m_bidders.size())
                           .arg(o.bidders));
    m_bidders = m_bidders.mid(0, o.bidders);
    if (m_auctions.isEmpty())
        return problem(QStringLiteral("%1 holds no auction").arg(o.auctionsFile));
    if (o.scenario == QLatin1String("spread")) {
        if (o.auctions > m_auctions.size())
            return problem(QStringLiteral("%1 holds %2 auctions, %3 asked")
                               .arg(o.auctionsFile)
                               .arg(m_auctions.size())
                               .arg(o.auctions));
        if (o.auctions > 0)
            m_auctions = m_auctions.mid(0, o.auctions);
        if (o.watch && m_auctions.size() > kMaxSubscriptionsPerConnection)
            return problem(QStringLiteral("--watch follows every auction on each bidder: at most %1 auctions")
                               .arg(kMaxSubscriptionsPerConnection));
    } else {
        m_auctions = m_auctions.mid(0, 1);
    }
    if (o.fansOut() && o.authenticatedSubscribers && m_subscriberCredentials.size() < o.subscribers)
        return problem(QStringLiteral("%1 holds %2 users, %3 subscribers asked")
                           .arg(o.idleFile)
                           .arg(m_subscriberCredentials.size())
                           .arg(o.subscribers));
    return true;
}

QList<qint64> BidRun::observedAuctions() const
{
    QList<qint64> ids;
    for (const BidAuction& a : m_auctions)
        ids.append(a.id);
    return ids;
}

BidderSetup BidRun::bidderSetup(int index) const
{
    BidderSetup setup;
    setup.credential = m_bidders[index];
    setup.url = m_options.wsUrl;
    setup.auctions = m_auctions;
    setup.watch = m_options.watch;
    setup.paced = m_options.fansOut();
    setup.requestPrefix = QStringLiteral("%1-%2").arg(m_runTag).arg(index);
    setup.seed = m_seed + static_cast<quint32>(index);
    return setup;
}

void BidRun::populate(ShardSet& shards) const
{
    const LoadOptions& o = m_options;
    const int n = shards.size();
    const QList<qint64> observed = observedAuctions();
    // The observers: a few connections following every bid auction.
    for (qsizetype first = 0, k = 0; first < observed.size(); first += kMaxSubscriptionsPerConnection, ++k) {
        Shard& shard = shards.at(static_cast<int>(k % n));
        WatcherSetup setup{o.wsUrl, QString(), observed.mid(first, kMaxSubscriptionsPerConnection),
                           !o.fansOut()};
        shard.add(std::make_unique<Watcher>(setup, shard.stats(), shard.acks()));
    }
    if (o.fansOut()) {
        const QUrl url = o.scenario == QLatin1String("cluster") ? o.wsUrl2 : o.wsUrl;
        // With threads to spare the bidders get one to themselves: a burst of a thousand events
        // must not queue in front of their acknowledgements.
        for (int i = 0; i < o.subscribers; ++i) {
            Shard& shard = shards.at(n > 1 ? 1 + i % (n - 1) : 0);
            const QString token = o.authenticatedSubscribers ? m_subscriberCredentials[i].token : QString();
            shard.add(std::make_unique<Watcher>(WatcherSetup{url, token, observed, true}, shard.stats(),
                                                shard.acks()));
        }
    }
    // Paced bidders share one pacer, so they live on one shard.
    for (int i = 0; i < m_bidders.size(); ++i) {
        Shard& shard = shards.at(o.fansOut() ? 0 : i % n);
        shard.add(std::make_unique<Bidder>(bidderSetup(i), shard.stats(), shard.acks()), o.fansOut());
    }
}

int BidRun::openConnections(ShardSet& shards, RunStats& setup) const
{
    const qint64 startNs = steadyNowNs();
    shards.callEach([](Shard& s) { s.openAll(); });
    if (!waitUntil([&shards] { return shards.all([](Shard& s) { return s.allSettled(); }); }, kOpenTimeoutMs))
        setup.error(QStringLiteral("open_timeout"));
    int ready = 0;
    shards.callEach([&ready](Shard& s) { ready += s.readyCount(); });
    std::printf("opened %d of %d connections (subscribed and signed in) in %.1f s\n", ready, m_requested,
                nsToS(steadyNowNs() - startNs));
    std::fflush(stdout);
    return ready;
}

int BidRun::run()
{
    if (!loadFiles())
        return 2;
    AckRegistry acks(true);
    ShardSet shards(m_options.threads, acks, m_options.openConcurrency);
    populate(shards);
    m_requested = 0;
    shards.callEach([this](Shard& s) { m_requested += s.actorCount(); });
    shards.launch();
    RunStats setup;
    const int opened = openConnections(shards, setup);
    QHash<qint64, AuctionState> states;
    shards.callEach([&states](Shard& s) { s.collectStates(states); });
    shards.callEach([&states](Shard& s) { s.prime(states); });

    ServerProbe probe(m_options.serverPids);
    ProcessCpu client;
    m_startedAt = QDateTime::currentDateTimeUtc();
    // Without a single connection there is nothing to measure: report the failure at once.
    const double seconds = opened > 0 ? measure(shards, probe, client, setup) : 0.0;

    const QHash<qint64, qint64> finalSeqs =
        ServerQueries(m_options.httpUrl, setup).currentSeqs(observedAuctions());
    RunStats total = shards.finish();
    total.merge(setup);
    total.deliveryMs.merge(acks.earlyLatencies());
    total.note(QStringLiteral("events_read_before_their_ack"), acks.earlyArrivals());
    total.note(QStringLiteral("events_arrived_before_their_ack_0ms"), acks.arrivalsBeforeAck());
    total.note(QStringLiteral("events_without_ack"), acks.unmatchedArrivals());

    QJsonObject out = result(total, finalSeqs, seconds, probe.toJson(), opened);
    out.insert("client", client.toJson());
    printSummary(out);
    writeJson(out, m_options.jsonPath);
    return verdict(out, total, opened);
}

double BidRun::measure(ShardSet& shards, ServerProbe& probe, ProcessCpu& client, RunStats& setup) const
{
    const auto sample = [&probe] { probe.sample(); };
    probe.start();
    client.start();
    const qint64 startNs = steadyNowNs();
    const double rate = m_options.rate;
    shards.callEach([rate](Shard& s) { s.startLoad(rate); });
    runFor(static_cast<qint64>(m_options.durationS * 1000), sample);
    shards.callEach([](Shard& s) { s.stopLoad(); });
    if (!waitUntil([&shards] { return shards.all([](Shard& s) { return s.quiet(); }); }, kAnswersTimeoutMs,
                   sample))
        setup.error(QStringLiteral("answers_timeout"));
    const double seconds = nsToS(steadyNowNs() - startNs);
    probe.finish();
    client.finish();
    if (!waitUntil([&shards] { return shards.all([](Shard& s) { return s.caughtUp(); }); }, kDrainTimeoutMs))
        setup.note(QStringLiteral("events_not_drained_in_2s"));
    return seconds;
}

QJsonObject BidRun::result(const RunStats& total, const QHash<qint64, qint64>& finalSeqs, double seconds,
                           const QJsonArray& server, int opened) const
{
    QJsonObject out = resultHead(m_options, m_startedAt, seconds, m_seed);
    out.insert("bids", bidsJson(total.accepted, total.refused, seconds));
    out.insert("ack_ms", total.ackMs.toJson());
    out.insert("delivery_ms", total.deliveryMs.toJson());
    out.insert("subscriber_read_delay_ms", total.readDelayMs.toJson());
    out.insert("errors", total.errors.toJson());
    const EventTally tally = tallyEvents(total.streams, finalSeqs);
    out.insert("events", tally.toJson());
    out.insert("connections", connectionsJson(m_requested, opened, m_requested - opened));
    out.insert("server", server);
    QMap<QString, qint64> notes = total.notes;
    if (tally.unchecked > 0)
        notes.insert(QStringLiteral("streams_unchecked"), tally.unchecked);
    addNotes(out, notes);
    return out;
}

int BidRun::verdict(const QJsonObject& result, const RunStats& total, int opened) const
{
    QStringList wrong;
    const QJsonObject events = result.value("events").toObject();
    if (events.value("lost").toInteger() > 0 || events.value("duplicated").toInteger() > 0)
        wrong << QStringLiteral("events were lost or duplicated");
    if (result.value("notes").toObject().contains("streams_unchecked"))
        wrong << QStringLiteral("some event streams could not be checked");
    if (total.unexpected > 0)
        wrong << QStringLiteral("%1 unexpected errors").arg(total.unexpected);
    if (opened < m_requested)
        wrong << QStringLiteral("%1 connections did not open").arg(m_requested - opened);
    if (total.accepted == 0)
        wrong << QStringLiteral("no bid was accepted");
    if (wrong.isEmpty())
        return 0;
    std::fprintf(stderr, "nb-bench: run not correct: %s\n", qPrintable(wrong.join(QStringLiteral("; "))));
    return 1;
}

} // namespace nb::bench::load
