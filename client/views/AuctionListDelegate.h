#pragma once

#include <QStyledItemDelegate>

namespace nb::client {

// Paints the cells of every AuctionListModel table (neighbourhood, my bids, watchlist, selling):
// prices in bold, and my-bid statuses in their colours (leading green, outbid the accent, lost
// muted).
class AuctionListDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    explicit AuctionListDelegate(QObject* parent = nullptr);

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override;
};

} // namespace nb::client
