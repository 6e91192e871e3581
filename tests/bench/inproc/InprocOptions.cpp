#include "tests/bench/inproc/InprocOptions.h"

#include <QCommandLineParser>

#include <cstdio>
#include <cstdlib>

namespace nb::bench {

namespace {

bool readInt(const QCommandLineParser& parser, const QString& name, int minimum, int maximum, int* out)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const int value = parser.value(name).toInt(&ok);
    if (!ok || value < minimum || value > maximum) {
        std::fprintf(stderr, "nb-bench-inproc: --%s must be a whole number from %d to %d\n", qPrintable(name),
                     minimum, maximum);
        return false;
    }
    *out = value;
    return true;
}

} // namespace

std::optional<InprocOptions> InprocOptions::parse(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("The in-process ceiling: bidders on threads call the bidding service directly."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("mode"), QStringLiteral("hot (all on the first auction) or spread (random auction)."),
         QStringLiteral("mode")},
        {QStringLiteral("database"), QStringLiteral("libpq connection string of the seeded database."),
         QStringLiteral("dsn")},
        {QStringLiteral("bidders"), QStringLiteral("bidders.tsv of nb-bench-seed."), QStringLiteral("file")},
        {QStringLiteral("auctions"), QStringLiteral("auctions.tsv of nb-bench-seed."),
         QStringLiteral("file")},
        {QStringLiteral("threads"), QStringLiteral("Bidder threads (100)."), QStringLiteral("n")},
        {QStringLiteral("pool"), QStringLiteral("Database connections (8)."), QStringLiteral("n")},
        {QStringLiteral("duration"), QStringLiteral("Seconds to measure (10)."), QStringLiteral("s")},
        {QStringLiteral("json"), QStringLiteral("Write the result JSON here."), QStringLiteral("file")},
        {QStringLiteral("watch"),
         QStringLiteral("Bidders also learn every accepted bid's price, like subscribed network bidders.")},
        {QStringLiteral("server-pid"), QStringLiteral("Another process to probe (repeatable)."),
         QStringLiteral("pid")},
    });
    if (!parser.parse(arguments)) {
        std::fprintf(stderr, "nb-bench-inproc: %s\n", qPrintable(parser.errorText()));
        return std::nullopt;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::printf("%s", qPrintable(parser.helpText()));
        std::exit(0);
    }
    InprocOptions options;
    const QString mode = parser.value(QStringLiteral("mode"));
    if (mode == QLatin1String("spread"))
        options.mode = Mode::Spread;
    else if (!mode.isEmpty() && mode != QLatin1String("hot")) {
        std::fprintf(stderr, "nb-bench-inproc: --mode is hot or spread\n");
        return std::nullopt;
    }
    options.database = parser.value(QStringLiteral("database"));
    options.biddersFile = parser.value(QStringLiteral("bidders"));
    options.auctionsFile = parser.value(QStringLiteral("auctions"));
    options.jsonFile = parser.value(QStringLiteral("json"));
    options.watch = parser.isSet(QStringLiteral("watch"));
    if (options.database.isEmpty() || options.biddersFile.isEmpty() || options.auctionsFile.isEmpty()) {
        std::fprintf(stderr, "nb-bench-inproc: --database, --bidders and --auctions are required\n");
        return std::nullopt;
    }
    if (!readInt(parser, QStringLiteral("threads"), 1, 10'000, &options.threads) ||
        !readInt(parser, QStringLiteral("pool"), 1, 500, &options.pool))
        return std::nullopt;
    if (parser.isSet(QStringLiteral("duration"))) {
        bool ok = false;
        options.durationSeconds = parser.value(QStringLiteral("duration")).toDouble(&ok);
        if (!ok || options.durationSeconds <= 0 || options.durationSeconds > 86'400) {
            std::fprintf(stderr, "nb-bench-inproc: --duration must be a positive number of seconds\n");
            return std::nullopt;
        }
    }
    for (const QString& text : parser.values(QStringLiteral("server-pid"))) {
        bool ok = false;
        const qint64 pid = text.toLongLong(&ok);
        if (!ok || pid <= 0) {
            std::fprintf(stderr, "nb-bench-inproc: --server-pid must be a process id\n");
            return std::nullopt;
        }
        options.extraPids.append(pid);
    }
    if (!parser.positionalArguments().isEmpty()) {
        std::fprintf(stderr, "nb-bench-inproc: unexpected argument '%s'\n",
                     qPrintable(parser.positionalArguments().first()));
        return std::nullopt;
    }
    return options;
}

} // namespace nb::bench
