#pragma once

#include <QStringList>

namespace nb::console {

/// `neighborbid-server console [--data-dir DIR | --database DSN] COMMAND …`: the operators'
/// commands (user, wallet, auction, ledger, stats, demo). arguments are those after "console".
/// Returns the exit code: 0 success, 1 the operation failed (message on stderr), 2 usage error,
/// 3 `ledger verify` found a broken invariant.
int run(const QStringList& arguments);

} // namespace nb::console
