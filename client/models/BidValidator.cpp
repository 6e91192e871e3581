#include "client/models/BidValidator.h"

#include "client/models/MoneyFormat.h"
#include "shared/BidIncrement.h"

#include <algorithm>

namespace nb::client {

BidContext BidContext::from(const AuctionDetail& auction, const std::optional<User>& user,
                            const std::optional<Wallet>& wallet, bool online)
{
    BidContext context;
    const AuctionSummary& s = auction.summary;
    context.status = s.status;
    context.startsAt = s.startsAt;
    context.endsAt = s.endsAt;
    context.startPrice = s.startPrice;
    context.currentPrice = s.currentPrice;
    context.bidCount = s.bidCount;
    if (auction.minNextBid > 0)
        context.serverMinimum = auction.minNextBid;
    context.sellerId = s.seller.id;
    context.highBidderId = s.highBidderId;
    if (user)
        context.userId = user->id;
    if (wallet)
        context.available = wallet->balance;
    context.online = online;
    return context;
}

Won BidValidator::minimumBid(const BidContext& context)
{
    if (context.serverMinimum)
        return *context.serverMinimum;
    return minimumNextBid(context.startPrice, context.currentPrice, context.bidCount);
}

BidCheck BidValidator::refuse(ErrorCode code, const QString& message, Won minimum)
{
    return BidCheck{false, code, message, minimum};
}

std::optional<BidCheck> BidValidator::checkCommon(const BidContext& context, const QDateTime& now)
{
    const Won minimum = minimumBid(context);
    if (!context.online)
        return refuse(ErrorCode::Unavailable,
                      tr("You are offline. Bidding is possible again once the connection is back."), minimum);
    if (!context.userId)
        return refuse(ErrorCode::Unauthorized, tr("Please sign in to bid."), minimum);
    const bool notStarted =
        context.status == AuctionStatus::Scheduled ||
        (context.status == AuctionStatus::Active && context.startsAt.isValid() && now < context.startsAt);
    if (notStarted)
        return refuse(ErrorCode::AuctionNotActive, tr("This auction has not started yet."), minimum);
    const bool over =
        context.status != AuctionStatus::Active || (context.endsAt.isValid() && now >= context.endsAt);
    if (over)
        return refuse(ErrorCode::AuctionNotActive, tr("This auction has ended."), minimum);
    if (*context.userId == context.sellerId)
        return refuse(ErrorCode::SellerCannotBid, tr("You cannot bid on or buy your own item."), minimum);
    return std::nullopt;
}

BidCheck BidValidator::check(const BidContext& context, Won amount, std::optional<Won> maxAmount,
                             const QDateTime& now)
{
    const Won minimum = minimumBid(context);
    if (std::optional<BidCheck> refused = checkCommon(context, now))
        return *refused;
    if (!isValidAmount(amount))
        return refuse(ErrorCode::BadRequest,
                      tr("Enter a whole number of won between 1 and %1.").arg(formatAmount(kMaxAmount)),
                      minimum);
    if (maxAmount && *maxAmount < amount)
        return refuse(ErrorCode::BadRequest, tr("Your maximum must be at least your bid."), minimum);
    if (amount < minimum)
        return refuse(ErrorCode::BidTooLow,
                      tr("Your bid is below the minimum of %1.").arg(formatWon(minimum)), minimum);
    // The hold becomes the committed amount; a leader raising their own bid holds only the difference.
    const Won committed = std::max(amount, maxAmount.value_or(amount));
    const bool leading = context.highBidderId && context.highBidderId == context.userId;
    const Won needed = committed - (leading ? context.myHold.value_or(0) : 0);
    if (context.available && needed > *context.available)
        return refuse(ErrorCode::InsufficientFunds,
                      tr("You need %1 available for this, but have %2.")
                          .arg(formatWon(needed), formatWon(*context.available)),
                      minimum);
    return BidCheck{true, std::nullopt, QString(), minimum};
}

BidCheck BidValidator::checkBuyNow(const BidContext& context, Won price, const QDateTime& now)
{
    const Won minimum = minimumBid(context);
    if (std::optional<BidCheck> refused = checkCommon(context, now))
        return *refused;
    if (context.available && price > *context.available)
        return refuse(ErrorCode::InsufficientFunds,
                      tr("You need %1 available for this, but have %2.")
                          .arg(formatWon(price), formatWon(*context.available)),
                      minimum);
    return BidCheck{true, std::nullopt, QString(), minimum};
}

} // namespace nb::client
