#include "client/models/BidHistoryModel.h"

#include "client/models/MoneyFormat.h"

#include <QLocale>

namespace nb::client {

BidHistoryModel::BidHistoryModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

int BidHistoryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_bids.size());
}

int BidHistoryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BidHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case AmountColumn:
        return tr("Amount");
    case BidderColumn:
        return tr("Bidder");
    case TimeColumn:
        return tr("Time");
    default:
        return {};
    }
}

QVariant BidHistoryModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Bid& bid = m_bids.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case AmountColumn:
            return formatWon(bid.amount);
        case BidderColumn:
            return m_userId && *m_userId == bid.bidder.id ? tr("You") : bid.bidder.displayName;
        case TimeColumn:
            return QLocale().toString(bid.at.toLocalTime(), QLocale::ShortFormat);
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() == AmountColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == AmountRole)
        return bid.amount;
    if (role == BidderIdRole)
        return bid.bidder.id;
    if (role == AtRole)
        return bid.at;
    return {};
}

void BidHistoryModel::setBids(const QList<Bid>& newestFirst)
{
    beginResetModel();
    m_bids = newestFirst;
    endResetModel();
    emit pricePointsChanged();
}

void BidHistoryModel::addFromEvent(const AuctionBidEvent& event)
{
    for (const Bid& bid : m_bids) {
        if (bid.amount == event.amount && bid.bidder.id == event.highBidder.id && bid.at == event.at)
            return;
    }
    beginInsertRows(QModelIndex(), 0, 0);
    m_bids.prepend(Bid{0, event.amount, event.highBidder, event.at});
    endInsertRows();
    emit pricePointsChanged();
}

void BidHistoryModel::setCurrentUserId(std::optional<qint64> userId)
{
    if (userId == m_userId)
        return;
    m_userId = userId;
    if (!m_bids.isEmpty())
        emit dataChanged(index(0, BidderColumn), index(rowCount() - 1, BidderColumn));
}

QList<QPair<QDateTime, Won>> BidHistoryModel::pricePoints() const
{
    QList<QPair<QDateTime, Won>> points;
    points.reserve(m_bids.size());
    for (auto it = m_bids.crbegin(); it != m_bids.crend(); ++it)
        points.append({it->at, it->amount});
    return points;
}

} // namespace nb::client
