#pragma once

#include "shared/Money.h"

#include <QList>
#include <QString>
#include <QtGlobal>

namespace nb::bench {

/// One line of bidders.tsv / idle.tsv: a bench user and its live session token.
struct Credential {
    qint64 userId = 0;
    QString token;
};

/// Reads `user_id<TAB>token` lines; throws std::runtime_error naming the file and line.
QList<Credential> readCredentials(const QString& path);

/// One line of auctions.tsv: an active national auction open for bidding.
struct BidAuction {
    qint64 id = 0;
    Won startPrice = 0;
    /// The seller's increment, or 0 when the seller set none (the product's default): then the
    /// increment follows the price by the table of RULES.md, nb::bidIncrementFor(price).
    Won increment = 0;
};

/// Reads `auction_id<TAB>start_price<TAB>bid_increment` lines (bid_increment 0: the table
/// applies); throws std::runtime_error naming the file and line.
QList<BidAuction> readAuctions(const QString& path);

} // namespace nb::bench
