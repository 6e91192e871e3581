#pragma once

#include "shared/Money.h"

#include <QtGlobal>

#include <optional>

namespace nb::bench::load {

/// An auction as a snapshot showed it: enough for a bidder to place its first bid right.
struct AuctionState {
    qint64 seq = 0;
    Won minNextBid = 0;
    std::optional<qint64> highBidderId;
};

} // namespace nb::bench::load
