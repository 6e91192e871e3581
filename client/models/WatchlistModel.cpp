#include "client/models/WatchlistModel.h"

namespace nb::client {

WatchlistModel::WatchlistModel(QObject* parent)
    : AuctionListModel(
          {Column::Title, Column::Price, Column::Bids, Column::TimeLeft, Column::Region, Column::Seller},
          parent)
{}

} // namespace nb::client
