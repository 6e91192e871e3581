#pragma once

#include "shared/Money.h"
#include "shared/protocol/Objects.h"

#include <QDateTime>

#include <optional>

namespace nb {

/// The auction events of PROTOCOL.md ("Server to subscribers of an auction"), as plain values.
/// Each carries the auction's seq; their JSON (Json.h) includes the "type".

/// {"type":"auction.bid", …}
struct AuctionBidEvent {
    static constexpr const char* kType = "auction.bid";
    qint64 auctionId = 0;
    qint64 seq = 0;
    Won amount = 0;
    Won currentPrice = 0;
    int bidCount = 0;
    PartyRef highBidder;
    Won minNextBid = 0;
    QDateTime endsAt;
    QDateTime at;
};

/// {"type":"auction.extended", …}: a soft close moved ends_at.
struct AuctionExtendedEvent {
    static constexpr const char* kType = "auction.extended";
    qint64 auctionId = 0;
    qint64 seq = 0;
    QDateTime endsAt;
};

/// {"type":"auction.ended", …}: winner and final_price are null (not omitted) without a sale.
struct AuctionEndedEvent {
    static constexpr const char* kType = "auction.ended";
    qint64 auctionId = 0;
    qint64 seq = 0;
    EndReason reason = EndReason::Time;
    std::optional<PartyRef> winner;
    std::optional<Won> finalPrice;
    bool reserveMet = true;
};

/// {"type":"auction.started", …}
struct AuctionStartedEvent {
    static constexpr const char* kType = "auction.started";
    qint64 auctionId = 0;
    qint64 seq = 0;
};

} // namespace nb
