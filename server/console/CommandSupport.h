#pragma once

#include "shared/Money.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <utility>

namespace nb::storage {
class ConnectionPool;
}

namespace nb::console {

class ArgumentParser;

/// Exit codes of `neighborbid-server console` (see ConsoleCommand.h).
enum ExitCode : int {
    kExitOk = 0,
    kExitFailed = 1,
    kExitUsage = 2,
    kExitViolations = 3,
};

/// A console command with its arguments checked: either the work to do against the database
/// (which returns the exit code), or the exit code to stop with at once, without touching the
/// database (after --help, or a usage error already reported).
struct Prepared {
    std::function<int(storage::ConnectionPool&)> action;
    int exitCode = kExitOk;

    static Prepared run(std::function<int(storage::ConnectionPool&)> work)
    {
        return {std::move(work), kExitOk};
    }
    static Prepared stop(int code) { return {nullptr, code}; }
};

/// Parses arguments. On --help prints the help and returns kExitOk; on a usage error reports it
/// and returns kExitUsage; returns nothing when the command should go on.
std::optional<int> parseOrReport(ArgumentParser& parser, const QStringList& arguments);

/// Reports a usage error of the parser's command; returns Prepared::stop(kExitUsage).
Prepared usageError(const ArgumentParser& parser, const QString& message);

/// Whole won given as digits only, 1 .. 10^12 (no sign, separators or spaces).
std::optional<Won> parseAmount(const QString& text);
/// A positive database id given as digits only.
std::optional<qint64> parseId(const QString& text);

} // namespace nb::console
