#pragma once

#include "shared/protocol/Events.h"
#include "shared/protocol/Objects.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QPair>

#include <optional>

namespace nb::client {

/// The bids of one auction, newest first (GET /auctions/{id}/bids), growing live from auction.bid
/// events while the detail view is open. The detail view shows it as a list and draws the
/// price-over-time chart from pricePoints().
class BidHistoryModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { AmountColumn, BidderColumn, TimeColumn, ColumnCount };
    enum Role { AmountRole = Qt::UserRole + 1, BidderIdRole, AtRole };

    explicit BidHistoryModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setBids(const QList<Bid>& newestFirst);
    /// Adds the bid an event announces (skipped when the list already has it).
    void addFromEvent(const AuctionBidEvent& event);
    void setCurrentUserId(std::optional<qint64> userId);
    const QList<Bid>& bids() const { return m_bids; }
    /// (time, amount), oldest first: the chart's series.
    QList<QPair<QDateTime, Won>> pricePoints() const;

signals:
    /// The chart should redraw.
    void pricePointsChanged();

private:
    QList<Bid> m_bids;
    std::optional<qint64> m_userId;
};

} // namespace nb::client
