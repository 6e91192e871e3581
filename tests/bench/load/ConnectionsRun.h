#pragma once

#include "tests/bench/common/BenchFiles.h"
#include "tests/bench/load/LoadOptions.h"

#include <QList>

#include <optional>

namespace nb::bench::load {

class ShardSet;

/// The `connections` scenario: opens C signed-in idle connections a bounded number at a time,
/// holds them while sampling the server's memory, and reports how many opened.
class ConnectionsRun {
public:
    ConnectionsRun(const LoadOptions& options, qint64 openFilesLimit);

    /// The exit code: 0 every connection opened and held, 1 not, 2 bad input.
    int run();

private:
    /// The first C users of the idle file; nothing (after saying why) if there are too few.
    std::optional<QList<Credential>> loadUsers() const;
    int openAndHold(ShardSet& shards) const;

    const LoadOptions& m_options;
    const qint64 m_openFilesLimit;
};

} // namespace nb::bench::load
