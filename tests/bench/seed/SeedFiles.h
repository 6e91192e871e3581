#pragma once

#include "tests/bench/common/BenchFiles.h"

#include <QList>
#include <QString>

namespace nb::bench {

/// Writes the files of the contract (the readers are in tests/bench/common/BenchFiles.h):
/// `user_id<TAB>token` and `auction_id<TAB>start_price<TAB>bid_increment` lines. Throws
/// std::runtime_error when a file cannot be written.
void writeCredentials(const QString& path, const QList<Credential>& credentials);
void writeAuctions(const QString& path, const QList<BidAuction>& auctions);

} // namespace nb::bench
