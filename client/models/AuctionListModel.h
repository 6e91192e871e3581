#pragma once

#include "shared/protocol/Objects.h"

#include <QAbstractTableModel>
#include <QList>
#include <QTimer>

#include <optional>

namespace nb::client {

/// A table of AuctionSummary rows with a chosen set of columns: the shared base of the
/// neighbourhood listing, my bids, my auctions and the watchlist. Views show it directly or
/// through a QSortFilterProxyModel sorting by SortRole; double-click opens AuctionIdRole's detail.
class AuctionListModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum class Column {
        Title,
        Price,
        Bids,
        TimeLeft,
        Region,
        Seller,
        Status,
        MyStatus,
        MyMax,
        Watchers,
        BuyNow
    };
    enum Role {
        AuctionIdRole = Qt::UserRole + 1,
        SortRole,      // the raw value of the cell
        ThumbnailRole, // thumbnail_url (may be empty)
        IsNationalRole,
        MyStatusRole, // MyBidsModel: the MyBidStatus as an int
    };

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setAuctions(const QList<AuctionSummary>& auctions);
    const QList<AuctionSummary>& auctions() const { return m_auctions; }
    std::optional<AuctionSummary> summaryAt(int row) const;
    qint64 auctionIdAt(int row) const;
    int rowOf(qint64 auctionId) const;
    /// Replaces one row's summary when it is listed (after a bid or a detail fetch).
    void updateAuction(const AuctionSummary& auction);
    /// The column a section shows (views use it to pick delegates).
    Column columnAt(int section) const { return m_columns.value(section); }
    int sectionOf(Column column) const { return static_cast<int>(m_columns.indexOf(column)); }

    /// The signed-in user ("You" as seller, my-bid statuses).
    void setCurrentUserId(std::optional<qint64> userId);
    std::optional<qint64> currentUserId() const { return m_userId; }

protected:
    AuctionListModel(QList<Column> columns, QObject* parent);
    virtual QVariant cellText(const AuctionSummary& auction, Column column) const;
    virtual QVariant cellSortValue(const AuctionSummary& auction, Column column) const;
    virtual QVariant extraData(const AuctionSummary& auction, int role) const;

private:
    void refreshTimeLeft();

    QList<Column> m_columns;
    QList<AuctionSummary> m_auctions;
    QTimer m_tick; // the time-left column counts down
    std::optional<qint64> m_userId;
};

} // namespace nb::client
