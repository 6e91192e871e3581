// nb-bench: the NeighborBid load generator (issue 5). Speaks PROTOCOL.md over real sockets;
// see LoadOptions.cpp for the command line and docs/BENCHMARKS.md for the scenarios.

#include "server/eventloop/EpollEventDispatcher.h"
#include "tests/bench/load/BidRun.h"
#include "tests/bench/load/ConnectionsRun.h"
#include "tests/bench/load/FdLimit.h"
#include "tests/bench/load/ListingRun.h"
#include "tests/bench/load/LoadOptions.h"

#include <QCoreApplication>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <thread>

namespace {

using nb::bench::load::LoadOptions;

/// The longest a scenario may take, all its own timeouts included, before the tool gives up.
std::chrono::seconds deadlineFor(const LoadOptions& o)
{
    double seconds = 300;
    if (o.scenario == QLatin1String("connections"))
        seconds += o.holdS + o.connections / 50.0;
    else
        seconds += o.durationS + (o.scenario == QLatin1String("spread") ? 120 : 0);
    return std::chrono::seconds(static_cast<long long>(seconds));
}

/// Last resort behind every bounded wait: the tool always ends.
void startWatchdog(std::chrono::seconds deadline)
{
    std::thread([deadline] {
        std::this_thread::sleep_for(deadline);
        std::fprintf(stderr, "nb-bench: still running after %lld s; giving up\n",
                     static_cast<long long>(deadline.count()));
        std::fflush(stdout);
        std::_Exit(1);
    }).detach();
}

int runScenario(const LoadOptions& o, qint64 openFiles)
{
    if (o.scenario == QLatin1String("connections"))
        return nb::bench::load::ConnectionsRun(o, openFiles).run();
    if (o.scenario == QLatin1String("listing"))
        return nb::bench::load::ListingRun(o).run();
    return nb::bench::load::BidRun(o).run();
}

} // namespace

int main(int argc, char** argv)
{
    const qint64 openFiles = nb::bench::load::raiseOpenFilesLimit();
    // Thousands of sockets: the server's epoll loop (see server/main.cpp), on every thread.
    QCoreApplication::setEventDispatcher(new nb::eventloop::EpollEventDispatcher);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("nb-bench"));
    const QStringList arguments = QCoreApplication::arguments();
    const std::optional<LoadOptions> options = nb::bench::load::parseLoadOptions(arguments);
    if (!options)
        return arguments.contains(QStringLiteral("--help")) || arguments.contains(QStringLiteral("-h")) ? 0
                                                                                                        : 2;
    std::printf("nb-bench %s: open files limit %lld\n", qPrintable(options->scenario),
                static_cast<long long>(openFiles));
    startWatchdog(deadlineFor(*options));
    try {
        return runScenario(*options, openFiles);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "nb-bench: %s\n", e.what());
        return 1;
    }
}
