#include "client/models/MyBidsModel.h"

namespace nb::client {

MyBidsModel::MyBidsModel(QObject* parent)
    : AuctionListModel({Column::Title, Column::MyStatus, Column::Price, Column::MyMax, Column::TimeLeft},
                       parent)
{}

MyBidsModel::MyBidStatus MyBidsModel::statusOf(const AuctionSummary& a, std::optional<qint64> userId)
{
    const bool highBidder = userId && a.highBidderId == userId;
    const bool leads = a.leading.value_or(highBidder);
    switch (a.status) {
    case AuctionStatus::Scheduled:
    case AuctionStatus::Active:
        return leads ? MyBidStatus::Leading : MyBidStatus::Outbid;
    case AuctionStatus::Ended:
        return leads ? MyBidStatus::Won : MyBidStatus::Lost;
    case AuctionStatus::Cancelled:
        break;
    }
    return MyBidStatus::Cancelled;
}

QString MyBidsModel::statusText(MyBidStatus status)
{
    switch (status) {
    case MyBidStatus::Leading:
        return tr("Leading");
    case MyBidStatus::Outbid:
        return tr("Outbid");
    case MyBidStatus::Won:
        return tr("Won");
    case MyBidStatus::Lost:
        return tr("Lost");
    case MyBidStatus::Cancelled:
        break;
    }
    return tr("Cancelled");
}

int MyBidsModel::leadingCount() const
{
    int count = 0;
    for (const AuctionSummary& a : auctions()) {
        if (statusOf(a, currentUserId()) == MyBidStatus::Leading)
            ++count;
    }
    return count;
}

QVariant MyBidsModel::cellText(const AuctionSummary& a, Column column) const
{
    if (column == Column::MyStatus)
        return statusText(statusOf(a, currentUserId()));
    return AuctionListModel::cellText(a, column);
}

QVariant MyBidsModel::cellSortValue(const AuctionSummary& a, Column column) const
{
    if (column == Column::MyStatus)
        return static_cast<int>(statusOf(a, currentUserId()));
    return AuctionListModel::cellSortValue(a, column);
}

QVariant MyBidsModel::extraData(const AuctionSummary& a, int role) const
{
    if (role == MyStatusRole)
        return static_cast<int>(statusOf(a, currentUserId()));
    return {};
}

} // namespace nb::client
