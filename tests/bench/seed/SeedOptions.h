#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace nb::bench {

/// The seeder's command line.
struct SeedOptions {
    QString database;
    QString outDir;
    QString prefix = QStringLiteral("bench");
    int bidders = 100;
    int idle = 0;
    int auctions = 1000;
    int listing = 10000;

    /// Parses the arguments; prints the problem and returns nothing when they are wrong.
    static std::optional<SeedOptions> parse(const QStringList& arguments);
};

} // namespace nb::bench
