// nb-bench-seed: seeds a migrated database for the benchmarks (tests/bench/seed/BenchSeeder.h)
// and writes bidders.tsv, idle.tsv and auctions.tsv into --out.

#include "server/services/ServiceError.h"
#include "server/storage/ConnectionPool.h"
#include "tests/bench/seed/BenchSeeder.h"
#include "tests/bench/seed/SeedFiles.h"
#include "tests/bench/seed/SeedOptions.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>

#include <cstdio>
#include <exception>

namespace {

void writeFiles(const nb::bench::SeedOptions& options, const nb::bench::SeedReport& report)
{
    const QDir out(options.outDir);
    nb::bench::writeCredentials(out.filePath(QStringLiteral("bidders.tsv")), report.bidders);
    nb::bench::writeCredentials(out.filePath(QStringLiteral("idle.tsv")), report.idle);
    nb::bench::writeAuctions(out.filePath(QStringLiteral("auctions.tsv")), report.bidAuctions);
}

void printSummary(const nb::bench::SeedOptions& options, const nb::bench::SeedReport& report, double seconds)
{
    std::printf(
        "nb-bench-seed: %lld bidders (ids %lld-%lld), %lld idle, %lld bid auctions (ids "
        "%lld-%lld), %d more listings, %d active in all, in %.2f s (users %.2f s, deposits "
        "%.2f s, auctions %.2f s) -> %s\n",
        static_cast<long long>(report.bidders.size()), static_cast<long long>(report.bidders.first().userId),
        static_cast<long long>(report.bidders.last().userId), static_cast<long long>(report.idle.size()),
        static_cast<long long>(report.bidAuctions.size()),
        static_cast<long long>(report.bidAuctions.first().id),
        static_cast<long long>(report.bidAuctions.last().id), report.listingAuctions,
        static_cast<int>(report.bidAuctions.size()) + report.listingAuctions, seconds, report.usersSeconds,
        report.depositSeconds, report.auctionSeconds, qPrintable(QDir(options.outDir).absolutePath()));
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const auto options = nb::bench::SeedOptions::parse(QCoreApplication::arguments());
    if (!options)
        return 2;
    if (!QDir().mkpath(options->outDir)) {
        std::fprintf(stderr, "nb-bench-seed: cannot create %s\n", qPrintable(options->outDir));
        return 1;
    }
    QElapsedTimer total;
    total.start();
    try {
        nb::storage::ConnectionPool pool(options->database.toStdString(), 2);
        nb::bench::BenchSeeder seeder(pool, *options);
        const nb::bench::SeedReport report = seeder.run();
        writeFiles(*options, report);
        printSummary(*options, report, static_cast<double>(total.nsecsElapsed()) / 1e9);
        return 0;
    } catch (const nb::services::ServiceError& e) {
        std::fprintf(stderr, "nb-bench-seed: %s: %s\n", qPrintable(nb::errorCodeName(e.code())),
                     qPrintable(e.error().message));
    } catch (const std::exception& e) {
        std::fprintf(stderr, "nb-bench-seed: %s\n", e.what());
    }
    return 1;
}
