#include "tests/bench/load/LoadOptions.h"

#include <QCommandLineParser>
#include <QHostAddress>
#include <QJsonArray>

#include <cstdio>

namespace nb::bench::load {

namespace {

const QStringList kScenarios{QStringLiteral("hot"),     QStringLiteral("spread"),
                             QStringLiteral("fanout"),  QStringLiteral("connections"),
                             QStringLiteral("listing"), QStringLiteral("cluster")};

void complain(const QString& problem, const QCommandLineParser& parser)
{
    std::fprintf(stderr, "nb-bench: %s\n\n%s", qPrintable(problem), qPrintable(parser.helpText()));
}

/// Reads an option into `target` when given; false (after complaining) when out of range.
bool readInt(const QCommandLineParser& parser, const QString& name, int min, int max, int& target)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const int value = parser.value(name).toInt(&ok);
    if (!ok || value < min || value > max) {
        complain(QStringLiteral("--%1 must be an integer from %2 to %3").arg(name).arg(min).arg(max), parser);
        return false;
    }
    target = value;
    return true;
}

bool readDouble(const QCommandLineParser& parser, const QString& name, double min, double max, double& target)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const double value = parser.value(name).toDouble(&ok);
    if (!ok || value < min || value > max) {
        complain(QStringLiteral("--%1 must be a number from %2 to %3").arg(name).arg(min).arg(max), parser);
        return false;
    }
    target = value;
    return true;
}

bool readUrl(const QCommandLineParser& parser, const QString& name, const QStringList& schemes, QUrl& target)
{
    if (!parser.isSet(name))
        return true;
    const QUrl url(parser.value(name));
    if (!url.isValid() || !schemes.contains(url.scheme()) || url.host().isEmpty()) {
        complain(QStringLiteral("--%1 must be a %2 URL").arg(name, schemes.join(QLatin1Char('/'))), parser);
        return false;
    }
    target = url;
    return true;
}

/// A WebSocket URL the load generator can open: plain ws:// to a numeric address (WsClientSocket
/// does no TLS and no name lookup).
bool readWsUrl(const QCommandLineParser& parser, const QString& name, QUrl& target)
{
    if (!readUrl(parser, name, {QStringLiteral("ws")}, target))
        return false;
    if (parser.isSet(name) && QHostAddress(target.host()).isNull()) {
        complain(
            QStringLiteral("--%1 must name its host by IP address, as in ws://127.0.0.1:8081/ws").arg(name),
            parser);
        return false;
    }
    return true;
}

void addOptions(QCommandLineParser& parser)
{
    parser.setApplicationDescription(
        QStringLiteral("NeighborBid load generator: speaks PROTOCOL.md over real sockets.\n"
                       "Scenarios: hot, spread, fanout, connections, listing, cluster."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("scenario"), QStringLiteral("What to run."));
    const auto add = [&parser](const char* name, const char* help, const char* value = nullptr) {
        if (value)
            parser.addOption(
                {QString::fromLatin1(name), QString::fromLatin1(help), QString::fromLatin1(value)});
        else
            parser.addOption({QString::fromLatin1(name), QString::fromLatin1(help)});
    };
    add("http-url", "HTTP base URL (default http://127.0.0.1:8080).", "url");
    add("ws-url", "WebSocket URL (default ws://127.0.0.1:8081/ws).", "url");
    add("ws-url2", "cluster: the second instance's WebSocket URL (subscribers).", "url");
    add("duration", "Seconds of bidding or browsing (default 10).", "s");
    add("server-pid", "A server process to measure (repeatable).", "pid");
    add("json", "Write the result JSON here.", "file");
    add("bidders-file", "bidders.tsv of nb-bench-seed.", "file");
    add("idle-file", "idle.tsv of nb-bench-seed.", "file");
    add("auctions-file", "auctions.tsv of nb-bench-seed (line 1 is the hot auction).", "file");
    add("threads", "Spread client connections over this many event-loop threads (default 1).", "n");
    add("bidders", "Bidding connections (default 100; fanout/cluster 4).", "n");
    add("watch", "hot/spread: every bidder subscribes and learns prices from events.");
    add("auctions", "spread: use the first M auctions of the file (default all).", "m");
    add("subscribers", "fanout/cluster: passive subscribers (default 1000).", "n");
    add("authenticated-subscribers", "fanout/cluster: subscribers sign in with idle-file tokens.");
    add("rate", "fanout/cluster: total bids per second (default 100).", "r");
    add("connections", "connections: idle connections to open (default 10000).", "n");
    add("hold", "connections: seconds to hold them (default 10).", "s");
    add("clients", "listing: concurrent HTTP clients (default 16).", "k");
    add("open-concurrency", "Connections being opened at once (default 500).", "n");
    add("seed", "Random seed (default: from the clock).", "n");
}

bool readNumbers(const QCommandLineParser& parser, LoadOptions& o)
{
    int seed = 0;
    const bool ok = readDouble(parser, QStringLiteral("duration"), 0.1, 3600, o.durationS) &&
                    readInt(parser, QStringLiteral("threads"), 1, 64, o.threads) &&
                    readInt(parser, QStringLiteral("bidders"), 1, 100'000, o.bidders) &&
                    readInt(parser, QStringLiteral("auctions"), 1, 1'000'000, o.auctions) &&
                    readInt(parser, QStringLiteral("subscribers"), 0, 200'000, o.subscribers) &&
                    readDouble(parser, QStringLiteral("rate"), 0.1, 1e6, o.rate) &&
                    readInt(parser, QStringLiteral("connections"), 1, 1'000'000, o.connections) &&
                    readDouble(parser, QStringLiteral("hold"), 0, 3600, o.holdS) &&
                    readInt(parser, QStringLiteral("clients"), 1, 10'000, o.clients) &&
                    readInt(parser, QStringLiteral("open-concurrency"), 1, 100'000, o.openConcurrency) &&
                    readInt(parser, QStringLiteral("seed"), 0, 2'000'000'000, seed);
    o.randomSeed = static_cast<quint32>(seed);
    return ok;
}

bool readPids(const QCommandLineParser& parser, LoadOptions& o)
{
    for (const QString& text : parser.values(QStringLiteral("server-pid"))) {
        bool ok = false;
        const qint64 pid = text.toLongLong(&ok);
        if (!ok || pid <= 0) {
            complain(QStringLiteral("--server-pid must be a process id"), parser);
            return false;
        }
        o.serverPids.append(pid);
    }
    return true;
}

/// The files and URLs each scenario cannot do without.
bool checkRequirements(const QCommandLineParser& parser, const LoadOptions& o)
{
    const auto need = [&parser](bool present, const char* what) {
        if (!present)
            complain(QStringLiteral("%1 needs %2")
                         .arg(parser.positionalArguments().value(0), QString::fromLatin1(what)),
                     parser);
        return present;
    };
    if (o.bids() && !(need(!o.biddersFile.isEmpty(), "--bidders-file") &&
                      need(!o.auctionsFile.isEmpty(), "--auctions-file")))
        return false;
    if (o.scenario == QLatin1String("connections") && !need(!o.idleFile.isEmpty(), "--idle-file"))
        return false;
    if (o.fansOut() && o.authenticatedSubscribers &&
        !need(!o.idleFile.isEmpty(), "--idle-file for --authenticated-subscribers"))
        return false;
    if (o.scenario == QLatin1String("cluster") && !need(o.wsUrl2.isValid(), "--ws-url2"))
        return false;
    return true;
}

} // namespace

bool LoadOptions::bids() const
{
    return scenario == QLatin1String("hot") || scenario == QLatin1String("spread") || fansOut();
}

QJsonObject LoadOptions::params() const
{
    QJsonObject p{{"http_url", httpUrl.toString()}, {"threads", threads}};
    if (scenario != QLatin1String("listing"))
        p.insert("ws_url", wsUrl.toString());
    if (scenario == QLatin1String("cluster"))
        p.insert("ws_url2", wsUrl2.toString());
    if (bids()) {
        p.insert("duration_s", durationS);
        p.insert("bidders", bidders);
        p.insert("watch", watch);
    }
    if (scenario == QLatin1String("spread"))
        p.insert("auctions", auctions);
    if (fansOut()) {
        p.insert("subscribers", subscribers);
        p.insert("rate", rate);
        p.insert("authenticated_subscribers", authenticatedSubscribers);
    }
    if (scenario == QLatin1String("connections")) {
        p.insert("connections", connections);
        p.insert("hold_s", holdS);
    }
    if (scenario == QLatin1String("listing")) {
        p.insert("duration_s", durationS);
        p.insert("clients", clients);
    }
    p.insert("open_concurrency", openConcurrency);
    p.insert("seed", static_cast<qint64>(randomSeed));
    QJsonArray pids;
    for (const qint64 pid : serverPids)
        pids.append(pid);
    p.insert("server_pids", pids);
    return p;
}

std::optional<LoadOptions> parseLoadOptions(const QStringList& arguments)
{
    QCommandLineParser parser;
    addOptions(parser);
    if (!parser.parse(arguments)) {
        complain(parser.errorText(), parser);
        return std::nullopt;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return std::nullopt;
    }
    LoadOptions o;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1 || !kScenarios.contains(positional.first())) {
        complain(QStringLiteral("name one scenario: %1").arg(kScenarios.join(QStringLiteral(", "))), parser);
        return std::nullopt;
    }
    o.scenario = positional.first();
    if (o.fansOut())
        o.bidders = 4;
    o.jsonPath = parser.value(QStringLiteral("json"));
    o.biddersFile = parser.value(QStringLiteral("bidders-file"));
    o.idleFile = parser.value(QStringLiteral("idle-file"));
    o.auctionsFile = parser.value(QStringLiteral("auctions-file"));
    o.watch = parser.isSet(QStringLiteral("watch"));
    o.authenticatedSubscribers = parser.isSet(QStringLiteral("authenticated-subscribers"));
    const bool ok = readUrl(parser, QStringLiteral("http-url"), {QStringLiteral("http")}, o.httpUrl) &&
                    readWsUrl(parser, QStringLiteral("ws-url"), o.wsUrl) &&
                    readWsUrl(parser, QStringLiteral("ws-url2"), o.wsUrl2) && readNumbers(parser, o) &&
                    readPids(parser, o) && checkRequirements(parser, o);
    if (!ok)
        return std::nullopt;
    return o;
}

} // namespace nb::bench::load
