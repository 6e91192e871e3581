#include "client/models/DisplayNames.h"

namespace nb::client {

QString DisplayNames::status(AuctionStatus status)
{
    switch (status) {
    case AuctionStatus::Scheduled:
        return tr("Scheduled");
    case AuctionStatus::Active:
        return tr("Active");
    case AuctionStatus::Ended:
        return tr("Ended");
    case AuctionStatus::Cancelled:
        break;
    }
    return tr("Cancelled");
}

QString DisplayNames::condition(ItemCondition condition)
{
    switch (condition) {
    case ItemCondition::New:
        return tr("New");
    case ItemCondition::LikeNew:
        return tr("Like new");
    case ItemCondition::Good:
        return tr("Good");
    case ItemCondition::Fair:
        return tr("Fair");
    case ItemCondition::Poor:
        break;
    }
    return tr("Poor");
}

QString DisplayNames::shippingPayer(ShippingPayer payer)
{
    return payer == ShippingPayer::Seller ? tr("Seller pays shipping") : tr("Buyer pays shipping");
}

QString DisplayNames::endReason(EndReason reason)
{
    switch (reason) {
    case EndReason::Time:
        return tr("Time ran out");
    case EndReason::BuyNow:
        return tr("Bought now");
    case EndReason::Cancelled:
        break;
    }
    return tr("Cancelled");
}

QString DisplayNames::ledgerKind(LedgerKind kind)
{
    switch (kind) {
    case LedgerKind::Deposit:
        return tr("Deposit");
    case LedgerKind::Withdraw:
        return tr("Withdrawal");
    case LedgerKind::Lock:
        return tr("Held for a bid");
    case LedgerKind::Unlock:
        return tr("Released");
    case LedgerKind::SettlePay:
        return tr("Paid for a won auction");
    case LedgerKind::SettleReceive:
        return tr("Received for a sale");
    case LedgerKind::BuyNowPay:
        break;
    }
    return tr("Paid for buy now");
}

QString DisplayNames::notificationKind(const QString& kind)
{
    if (kind == QLatin1String("outbid"))
        return tr("Outbid");
    if (kind == QLatin1String("won"))
        return tr("Won");
    if (kind == QLatin1String("sold"))
        return tr("Sold");
    if (kind == QLatin1String("ended_unsold"))
        return tr("Ended unsold");
    if (kind == QLatin1String("new_bid"))
        return tr("New bid");
    if (kind == QLatin1String("question"))
        return tr("Question");
    if (kind == QLatin1String("answer"))
        return tr("Answer");
    if (kind == QLatin1String("message"))
        return tr("Message");
    return kind;
}

} // namespace nb::client
