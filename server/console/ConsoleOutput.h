#pragma once

#include "shared/Money.h"

#include <QDateTime>
#include <QString>

namespace nb::console {

/// How the console writes: UTF-8 lines on stdout (results) and stderr (errors and notes).

void printLine(const QString& text);
/// Writes text as it is (multi-line help, tables).
void printText(const QString& text);
/// "neighborbid-server console: <message>" on stderr, folded onto one line.
void printError(const QString& message);
/// "neighborbid-server console <command>: <message> (see --help)" on stderr.
void printUsageError(const QString& command, const QString& message);

/// 1234567 -> "1,234,567"; negative values keep their sign.
QString groupThousands(qint64 value);
/// 1000000 -> "1,000,000 won".
QString formatWon(Won amount);
/// Local time as "2026-11-21 18:30", or "-" when invalid.
QString formatLocalTime(const QDateTime& time);
/// The time from now until `time`, roughly: "in 2h 5m", "in 3d 4h", "4m ago".
QString formatRelative(const QDateTime& time, const QDateTime& now);

} // namespace nb::console
