#pragma once

#include "client/models/AuctionListModel.h"

namespace nb::client {

/// The seller's own auctions (GET /me/auctions) with their state and result (sold / not sold).
/// The "My auctions" view shows it; a row opens the detail with the outcome and the conversation.
class MyAuctionsModel : public AuctionListModel {
    Q_OBJECT

public:
    explicit MyAuctionsModel(QObject* parent = nullptr);

    /// "Active", "Scheduled", "Sold", "Not sold", "Cancelled".
    static QString resultText(const AuctionSummary& auction);

protected:
    QVariant cellText(const AuctionSummary& auction, Column column) const override;
};

} // namespace nb::client
