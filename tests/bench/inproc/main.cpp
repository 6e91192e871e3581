// nb-bench-inproc: the in-process ceiling of the bid path (tests/bench/inproc/InprocRun.h).
// Exit status: 0 when every bid was accepted or refused as too low, 1 otherwise, 2 on bad
// arguments.

#include "tests/bench/common/ResultOutput.h"
#include "tests/bench/inproc/InprocOptions.h"
#include "tests/bench/inproc/InprocRun.h"

#include <QCoreApplication>

#include <cstdio>
#include <exception>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const auto options = nb::bench::InprocOptions::parse(QCoreApplication::arguments());
    if (!options)
        return 2;
    try {
        nb::bench::InprocRun run(*options);
        const QJsonObject result = run.run();
        nb::bench::printSummary(result);
        nb::bench::writeJson(result, options->jsonFile);
        if (!run.correct()) {
            std::fprintf(stderr, "nb-bench-inproc: some bids failed with unexpected errors\n");
            return 1;
        }
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "nb-bench-inproc: %s\n", e.what());
        return 1;
    }
}
