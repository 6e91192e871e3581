#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace nb::bench::load {

/// Every knob of `nb-bench`. Defaults are the issue's; parse() fills and checks them.
struct LoadOptions {
    QString scenario; // hot, spread, fanout, connections, listing, cluster

    QUrl httpUrl{QStringLiteral("http://127.0.0.1:8080")};
    QUrl wsUrl{QStringLiteral("ws://127.0.0.1:8081/ws")};
    QUrl wsUrl2;
    double durationS = 10;
    QList<qint64> serverPids;
    QString jsonPath;
    QString biddersFile;
    QString idleFile;
    QString auctionsFile;
    int threads = 1;

    int bidders = 100; // fanout/cluster default to 4
    bool watch = false;
    int auctions = 0; // spread: 0 = every auction of the file
    int subscribers = 1000;
    double rate = 100; // fanout/cluster: total bids per second
    bool authenticatedSubscribers = false;
    int connections = 10'000;
    double holdS = 10;
    int clients = 16;
    int openConcurrency = 500; // connections being opened at once, over all threads
    quint32 randomSeed = 0;    // 0: from the clock

    bool bids() const;
    bool fansOut() const
    {
        return scenario == QLatin1String("fanout") || scenario == QLatin1String("cluster");
    }
    /// The knobs this scenario uses, as they go into the result's "params".
    QJsonObject params() const;
};

/// Parses argv; on a bad command line prints why (and the usage) to stderr and returns nothing.
std::optional<LoadOptions> parseLoadOptions(const QStringList& arguments);

} // namespace nb::bench::load
