#include "tests/bench/seed/SeedOptions.h"

#include <QCommandLineParser>
#include <QRegularExpression>

#include <cstdio>
#include <cstdlib>

namespace nb::bench {

namespace {

bool readCount(const QCommandLineParser& parser, const QString& name, int minimum, int* out)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const int value = parser.value(name).toInt(&ok);
    if (!ok || value < minimum || value > 1'000'000) {
        std::fprintf(stderr, "nb-bench-seed: --%s must be a whole number from %d to 1000000\n",
                     qPrintable(name), minimum);
        return false;
    }
    *out = value;
    return true;
}

} // namespace

std::optional<SeedOptions> SeedOptions::parse(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Seeds a migrated NeighborBid database for the benchmarks and writes "
                       "bidders.tsv, idle.tsv and auctions.tsv."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("database"), QStringLiteral("libpq connection string of the database."),
         QStringLiteral("dsn")},
        {QStringLiteral("out"), QStringLiteral("Folder for the .tsv files (created if missing)."),
         QStringLiteral("dir")},
        {QStringLiteral("bidders"), QStringLiteral("Bidders with money and a session (100)."),
         QStringLiteral("n")},
        {QStringLiteral("idle"), QStringLiteral("Users with only a session (0)."), QStringLiteral("n")},
        {QStringLiteral("auctions"), QStringLiteral("National auctions to bid on (1000)."),
         QStringLiteral("n")},
        {QStringLiteral("listing"), QStringLiteral("Active auctions in all, bid auctions included (10000)."),
         QStringLiteral("n")},
        {QStringLiteral("prefix"), QStringLiteral("Username prefix, to seed a database twice (bench)."),
         QStringLiteral("text")},
    });
    if (!parser.parse(arguments)) {
        std::fprintf(stderr, "nb-bench-seed: %s\n", qPrintable(parser.errorText()));
        return std::nullopt;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::printf("%s", qPrintable(parser.helpText()));
        std::exit(0);
    }
    SeedOptions options;
    options.database = parser.value(QStringLiteral("database"));
    options.outDir = parser.value(QStringLiteral("out"));
    if (options.database.isEmpty() || options.outDir.isEmpty()) {
        std::fprintf(stderr, "nb-bench-seed: --database and --out are required\n");
        return std::nullopt;
    }
    if (parser.isSet(QStringLiteral("prefix")))
        options.prefix = parser.value(QStringLiteral("prefix"));
    // Usernames are PREFIX-b0000001: the prefix must leave room within the 32 characters.
    static const QRegularExpression prefixPattern(QStringLiteral("^[A-Za-z0-9_.]{1,20}$"));
    if (!prefixPattern.match(options.prefix).hasMatch()) {
        std::fprintf(stderr, "nb-bench-seed: --prefix must be 1 to 20 of A-Z, a-z, 0-9, '_', '.'\n");
        return std::nullopt;
    }
    if (!readCount(parser, QStringLiteral("bidders"), 1, &options.bidders) ||
        !readCount(parser, QStringLiteral("idle"), 0, &options.idle) ||
        !readCount(parser, QStringLiteral("auctions"), 1, &options.auctions) ||
        !readCount(parser, QStringLiteral("listing"), 0, &options.listing))
        return std::nullopt;
    if (!parser.positionalArguments().isEmpty()) {
        std::fprintf(stderr, "nb-bench-seed: unexpected argument '%s'\n",
                     qPrintable(parser.positionalArguments().first()));
        return std::nullopt;
    }
    return options;
}

} // namespace nb::bench
