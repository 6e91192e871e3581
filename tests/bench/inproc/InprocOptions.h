#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace nb::bench {

/// The in-process tool's command line.
struct InprocOptions {
    enum class Mode { Hot, Spread };

    Mode mode = Mode::Hot;
    QString database;
    QString biddersFile;
    QString auctionsFile;
    QString jsonFile;
    int threads = 100;
    int pool = 8; // the server's default --db-pool
    double durationSeconds = 10;
    bool watch = false;      // bidders also learn every accepted bid's price (nb-bench --watch)
    QList<qint64> extraPids; // --server-pid: probed besides this process

    QString modeName() const { return mode == Mode::Hot ? QStringLiteral("hot") : QStringLiteral("spread"); }

    /// Parses the arguments; prints the problem and returns nothing when they are wrong.
    static std::optional<InprocOptions> parse(const QStringList& arguments);
};

} // namespace nb::bench
