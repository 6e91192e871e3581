#pragma once

#include "server/storage/AuctionStore.h"

#include <QJsonObject>

namespace nb::services::payloads {

/// The server-to-client event messages of PROTOCOL.md ("Server to subscribers" and "Server to
/// all connections of one user"), built in one place from committed state.

QJsonObject auctionBid(const storage::auctions::AuctionRow& after, Won amount, const PartyRef& highBidder,
                       qint64 atMs);
QJsonObject auctionExtended(qint64 auctionId, qint64 seq, qint64 endsAtMs);
QJsonObject auctionEnded(qint64 auctionId, qint64 seq, EndReason reason,
                         const std::optional<PartyRef>& winner, std::optional<Won> finalPrice,
                         bool reserveMet);
QJsonObject auctionStarted(qint64 auctionId, qint64 seq);
QJsonObject wallet(const Wallet& wallet);
QJsonObject notification(const Notification& notification);

} // namespace nb::services::payloads
