#pragma once

#include "client/models/AuctionListModel.h"

namespace nb::client {

/// The auctions the user bid on (GET /me/bids) with where they stand: leading, outbid, won or
/// lost. The "My bids" view shows it; ClientSession also counts its leading rows for the status
/// bar's "held for N bids you lead".
class MyBidsModel : public AuctionListModel {
    Q_OBJECT

public:
    enum class MyBidStatus { Leading, Outbid, Won, Lost, Cancelled };
    Q_ENUM(MyBidStatus)

    explicit MyBidsModel(QObject* parent = nullptr);

    /// Derived from the summary's status, leading and high_bidder_id.
    static MyBidStatus statusOf(const AuctionSummary& auction, std::optional<qint64> userId);
    static QString statusText(MyBidStatus status);
    /// Active auctions the user leads (each holds money in the wallet).
    int leadingCount() const;

protected:
    QVariant cellText(const AuctionSummary& auction, Column column) const override;
    QVariant cellSortValue(const AuctionSummary& auction, Column column) const override;
    QVariant extraData(const AuctionSummary& auction, int role) const override;
};

} // namespace nb::client
