#include "tests/bench/report/BenchReport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>

#include <cstdio>
#include <exception>

// nb-bench-report --results DIR --out FILE [--command TEXT] [--postgres TEXT]
int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Writes docs/BENCHMARKS.md from the results of scripts/bench.sh."));
    parser.addHelpOption();
    parser.addOption(
        {QStringLiteral("results"), QStringLiteral("Folder of the runs' JSON."), QStringLiteral("dir")});
    parser.addOption({QStringLiteral("out"), QStringLiteral("The report to write."), QStringLiteral("file")});
    parser.addOption({QStringLiteral("command"), QStringLiteral("The command that reproduces the figures."),
                      QStringLiteral("text"), QStringLiteral("bash scripts/bench.sh")});
    parser.addOption({QStringLiteral("build-type"),
                      QStringLiteral("The build measured (Release, Debug, ...)."), QStringLiteral("text")});
    parser.addOption({QStringLiteral("postgres"), QStringLiteral("The PostgreSQL version measured."),
                      QStringLiteral("text")});
    parser.process(app);
    if (!parser.isSet(QStringLiteral("results")) || !parser.isSet(QStringLiteral("out"))) {
        std::fprintf(stderr, "nb-bench-report: --results and --out are required\n");
        return 2;
    }
    try {
        const QString outPath = parser.value(QStringLiteral("out"));
        QString previous;
        if (QFile old(outPath); old.open(QIODevice::ReadOnly))
            previous = QString::fromUtf8(old.readAll());
        const nb::bench::BenchReport report(
            nb::bench::BenchResults::load(parser.value(QStringLiteral("results"))),
            nb::bench::MachineInfo::read(), parser.value(QStringLiteral("command")),
            parser.value(QStringLiteral("postgres")), parser.value(QStringLiteral("build-type")));
        QFile out(outPath);
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            std::fprintf(stderr, "nb-bench-report: cannot write %s\n", qPrintable(outPath));
            return 1;
        }
        out.write(report.render(previous).toUtf8());
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "nb-bench-report: %s\n", e.what());
        return 1;
    }
}
