#pragma once

#include "client/models/AuctionListModel.h"

namespace nb::client {

/// The auctions the user watches (GET /me/watchlist). The Watchlist view shows it; watch and
/// unwatch go through ClientSession::setWatched, which refreshes it.
class WatchlistModel : public AuctionListModel {
    Q_OBJECT

public:
    explicit WatchlistModel(QObject* parent = nullptr);
    bool contains(qint64 auctionId) const { return rowOf(auctionId) >= 0; }
};

} // namespace nb::client
