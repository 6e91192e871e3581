#include "server/services/BidRules.h"

#include "server/services/ServiceError.h"
#include "shared/BidIncrement.h"

#include <algorithm>

namespace nb::services {

namespace {

// The price never exceeds the leader's maximum; when that maximum meets the reserve, the price
// is lifted to the reserve (RULES.md "Reserve price").
Won liftToReserve(Won price, Won leaderMax, std::optional<Won> reserve)
{
    if (reserve && leaderMax >= *reserve && price < *reserve)
        return *reserve;
    return price;
}

} // namespace

Won minimumAcceptable(const storage::auctions::AuctionRow& a)
{
    return minimumNextBid(a.startPrice, a.currentPrice, a.bidCount, a.bidIncrement);
}

ApiError tooLow(Won minimum)
{
    return ApiError{ErrorCode::BidTooLow,
                    QStringLiteral("Your bid is below the minimum of %1 won.").arg(minimum),
                    QJsonObject{{"min_amount", minimum}}};
}

void refuseTooLow(Won minimum)
{
    const ApiError refusal = tooLow(minimum);
    fail(refusal.code, refusal.message, refusal.details);
}

storage::auctions::AuctionRow seenAgo(const storage::auctions::AuctionRow& seen, qint64 elapsedMs)
{
    constexpr qint64 kEndMarginMs = 2000;
    storage::auctions::AuctionRow aged = seen;
    aged.nowMs += elapsedMs + kEndMarginMs;
    return aged;
}

std::optional<Won> certainlyTooLow(const storage::auctions::AuctionRow& a, qint64 bidderId, Won amount,
                                   std::optional<Won> maxAmount)
{
    const bool open = a.status == AuctionStatus::Active && a.nowMs >= a.startsAtMs && a.nowMs < a.endsAtMs;
    if (!open || a.sellerId == bidderId || (maxAmount && *maxAmount < amount))
        return std::nullopt;
    const Won minimum = minimumAcceptable(a);
    return amount < minimum ? std::optional<Won>(minimum) : std::nullopt;
}

BidDecision decideBid(const storage::auctions::AuctionRow& a, qint64 bidderId, Won amount,
                      std::optional<Won> maxAmount)
{
    if (maxAmount && *maxAmount < amount)
        fail(ErrorCode::BadRequest, QStringLiteral("max_amount must be at least amount."),
             QJsonObject{{"field", "max_amount"}});

    const Won minimum = minimumAcceptable(a);
    if (amount < minimum)
        refuseTooLow(minimum);

    const Won bidderMax = std::max(amount, maxAmount.value_or(amount));
    BidDecision d;
    d.bidderCommitment = bidderMax;

    const bool hasLeader = a.highBidderId.has_value();
    if (!hasLeader || *a.highBidderId == bidderId) {
        // First bid, or the leader raising their own bid: the price is the bid; the hold is the
        // larger of the old and the new maximum (a leader never lowers what they committed).
        const Won previousMax = hasLeader ? a.highMax.value_or(a.currentPrice) : 0;
        d.leaderId = bidderId;
        d.leaderMax = std::max(bidderMax, previousMax);
        d.newPrice = liftToReserve(amount, d.leaderMax, a.reservePrice);
        d.bidderLeads = true;
        d.steps.push_back({bidderId, d.newPrice, false});
        return d;
    }

    const qint64 leaderId = *a.highBidderId;
    const Won leaderMax = a.highMax.value_or(a.currentPrice);
    if (bidderMax > leaderMax) {
        // The newcomer outbids the leader's maximum. The leader's proxy first climbs to its
        // maximum (recorded when that is above the price), then the newcomer leads by one
        // increment over it, never above its own maximum.
        if (leaderMax > a.currentPrice)
            d.steps.push_back({leaderId, leaderMax, true});
        const Won price =
            std::max(amount, std::min(bidderMax, leaderMax + bidIncrementFor(leaderMax, a.bidIncrement)));
        d.leaderId = bidderId;
        d.leaderMax = bidderMax;
        d.newPrice = liftToReserve(price, bidderMax, a.reservePrice);
        d.bidderLeads = true;
        d.steps.push_back({bidderId, d.newPrice, false});
        return d;
    }

    // The leader's maximum holds: the newcomer's bid is recorded at its maximum (it was used up),
    // and the leader's proxy answers one increment over it (capped at the leader's maximum; on
    // equal maxima the earlier bid wins).
    d.steps.push_back({bidderId, bidderMax, false});
    const Won answer = std::min(leaderMax, bidderMax + bidIncrementFor(bidderMax, a.bidIncrement));
    d.leaderId = leaderId;
    d.leaderMax = leaderMax;
    d.newPrice = liftToReserve(answer, leaderMax, a.reservePrice);
    d.bidderLeads = false;
    d.steps.push_back({leaderId, d.newPrice, true});
    return d;
}

} // namespace nb::services
