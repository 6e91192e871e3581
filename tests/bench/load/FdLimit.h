#pragma once

#include <QtGlobal>

namespace nb::bench::load {

/// Raises this process's RLIMIT_NOFILE soft limit to its hard limit and returns the soft limit
/// now in force (0 if it cannot be read). Thousands of sockets need it.
qint64 raiseOpenFilesLimit();

} // namespace nb::bench::load
