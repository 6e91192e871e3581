#include "server/services/EventPayloads.h"

#include "shared/BidIncrement.h"
#include "shared/TimeFormat.h"
#include "shared/protocol/Json.h"

namespace nb::services::payloads {

QJsonObject auctionBid(const storage::auctions::AuctionRow& after, Won amount, const PartyRef& highBidder,
                       qint64 atMs)
{
    return QJsonObject{
        {"type", "auction.bid"},
        {"auction_id", after.id},
        {"seq", after.seq},
        {"amount", amount},
        {"current_price", after.currentPrice},
        {"bid_count", after.bidCount},
        {"high_bidder", QJsonObject{{"id", highBidder.id}, {"display_name", highBidder.displayName}}},
        {"min_next_bid", minimumNextBid(after.startPrice, after.currentPrice, after.bidCount, after.bidIncrement)},
        {"ends_at", toWireTimeMs(after.endsAtMs)},
        {"at", toWireTimeMs(atMs)},
    };
}

QJsonObject auctionExtended(qint64 auctionId, qint64 seq, qint64 endsAtMs)
{
    return QJsonObject{
        {"type", "auction.extended"}, {"auction_id", auctionId}, {"seq", seq}, {"ends_at", toWireTimeMs(endsAtMs)}};
}

QJsonObject auctionEnded(qint64 auctionId, qint64 seq, EndReason reason, const std::optional<PartyRef>& winner,
                         std::optional<Won> finalPrice, std::optional<bool> reserveMet)
{
    QJsonObject event{
        {"type", "auction.ended"},
        {"auction_id", auctionId},
        {"seq", seq},
        {"reason", toWire(reason)},
        {"winner", winner ? QJsonValue(QJsonObject{{"id", winner->id}, {"display_name", winner->displayName}})
                          : QJsonValue(QJsonValue::Null)},
        {"final_price", finalPrice ? QJsonValue(*finalPrice) : QJsonValue(QJsonValue::Null)},
    };
    if (reserveMet)
        event.insert("reserve_met", *reserveMet);
    return event;
}

QJsonObject auctionStarted(qint64 auctionId, qint64 seq)
{
    return QJsonObject{{"type", "auction.started"}, {"auction_id", auctionId}, {"seq", seq}};
}

QJsonObject wallet(const Wallet& w)
{
    return QJsonObject{{"type", "wallet"}, {"balance", w.balance}, {"locked", w.locked}, {"total", w.total()}};
}

QJsonObject notification(const Notification& n)
{
    QJsonObject event = toJson(n);
    event.insert("type", "notification");
    return event;
}

} // namespace nb::services::payloads
