#include "server/services/EventPayloads.h"

#include "shared/BidIncrement.h"
#include "shared/protocol/Json.h"

namespace nb::services::payloads {

namespace {

QDateTime fromMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

} // namespace

QJsonObject auctionBid(const storage::auctions::AuctionRow& after, Won amount, const PartyRef& highBidder,
                       qint64 atMs)
{
    AuctionBidEvent e;
    e.auctionId = after.id;
    e.seq = after.seq;
    e.amount = amount;
    e.currentPrice = after.currentPrice;
    e.bidCount = after.bidCount;
    e.highBidder = highBidder;
    e.minNextBid = minimumNextBid(after.startPrice, after.currentPrice, after.bidCount, after.bidIncrement);
    e.endsAt = fromMs(after.endsAtMs);
    e.at = fromMs(atMs);
    return toJson(e);
}

QJsonObject auctionExtended(qint64 auctionId, qint64 seq, qint64 endsAtMs)
{
    return toJson(AuctionExtendedEvent{auctionId, seq, fromMs(endsAtMs)});
}

QJsonObject auctionEnded(qint64 auctionId, qint64 seq, EndReason reason,
                         const std::optional<PartyRef>& winner, std::optional<Won> finalPrice,
                         bool reserveMet)
{
    return toJson(AuctionEndedEvent{auctionId, seq, reason, winner, finalPrice, reserveMet});
}

QJsonObject auctionStarted(qint64 auctionId, qint64 seq)
{
    return toJson(AuctionStartedEvent{auctionId, seq});
}

QJsonObject wallet(const Wallet& w)
{
    QJsonObject event = toJson(w);
    event.insert("type", "wallet");
    return event;
}

QJsonObject notification(const Notification& n)
{
    QJsonObject event = toJson(n);
    event.insert("type", "notification");
    return event;
}

} // namespace nb::services::payloads
