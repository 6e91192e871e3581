#pragma once

#include "tests/bench/report/MachineInfo.h"

#include <QJsonObject>
#include <QMap>
#include <QString>

namespace nb::bench {

/// The figures of one bench run: every `<name>.json` of the results folder by name, and the
/// answer of `ledger verify` after each (`<name>.ledger.json`).
struct BenchResults {
    QMap<QString, QJsonObject> runs;
    QMap<QString, QJsonObject> ledgers;

    /// Throws std::runtime_error when the folder cannot be read or a file is not JSON.
    static BenchResults load(const QString& folder);
};

/// Writes docs/BENCHMARKS.md from one run: the machine and date, every target with its figure,
/// the ceiling (pgbench and in-process) with each scenario's ratio to it, and each scenario's
/// figures in full. Text below kHandWrittenMarker in the previous report is kept as it was.
class BenchReport {
public:
    static constexpr const char* kHandWrittenMarker =
        "<!-- Written by hand below this line: kept when scripts/bench.sh writes the report again. -->";

    BenchReport(BenchResults results, MachineInfo machine, QString command, QString postgres,
                QString buildType);

    /// The report; previousReport is the old file's text (or empty).
    QString render(const QString& previousReport) const;

private:
    QString machineSection() const;
    QString targetsSection() const;
    QString ceilingSection() const;
    QString scenariosSection() const;
    /// The best pgbench figure for a transaction shape ("hot", "spread"), or 0.
    double pgbenchCeiling(const QString& shape) const;
    QString ledgerState(const QString& name) const;

    BenchResults m_results;
    MachineInfo m_machine;
    QString m_command;
    QString m_postgres;
    QString m_buildType;
};

} // namespace nb::bench
