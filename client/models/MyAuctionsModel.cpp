#include "client/models/MyAuctionsModel.h"

#include "client/models/DisplayNames.h"

namespace nb::client {

MyAuctionsModel::MyAuctionsModel(QObject* parent)
    : AuctionListModel(
          {Column::Title, Column::Status, Column::Price, Column::Bids, Column::TimeLeft, Column::Watchers},
          parent)
{}

QString MyAuctionsModel::resultText(const AuctionSummary& a)
{
    if (a.status == AuctionStatus::Ended)
        return a.highBidderId && a.bidCount > 0 ? tr("Sold") : tr("Not sold");
    return DisplayNames::status(a.status);
}

QVariant MyAuctionsModel::cellText(const AuctionSummary& a, Column column) const
{
    if (column == Column::Status)
        return resultText(a);
    return AuctionListModel::cellText(a, column);
}

} // namespace nb::client
