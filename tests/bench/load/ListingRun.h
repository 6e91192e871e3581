#pragma once

#include "tests/bench/load/LoadOptions.h"

namespace nb::bench::load {

/// The `listing` scenario: K keep-alive HTTP clients browse listing pages, one request in
/// flight each, for the duration.
class ListingRun {
public:
    explicit ListingRun(const LoadOptions& options);

    /// The exit code: 0 every page was served, 1 not.
    int run();

private:
    const LoadOptions& m_options;
};

} // namespace nb::bench::load
