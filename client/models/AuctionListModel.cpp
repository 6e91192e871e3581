#include "client/models/AuctionListModel.h"

#include "client/models/DisplayNames.h"
#include "client/models/MoneyFormat.h"
#include "client/models/TimeLeft.h"

namespace nb::client {

AuctionListModel::AuctionListModel(QList<Column> columns, QObject* parent)
    : QAbstractTableModel(parent)
    , m_columns(std::move(columns))
{
    if (m_columns.contains(Column::TimeLeft)) {
        m_tick.setInterval(1000);
        connect(&m_tick, &QTimer::timeout, this, &AuctionListModel::refreshTimeLeft);
        m_tick.start();
    }
}

void AuctionListModel::refreshTimeLeft()
{
    if (m_auctions.isEmpty())
        return;
    const int section = sectionOf(Column::TimeLeft);
    emit dataChanged(index(0, section), index(rowCount() - 1, section), {Qt::DisplayRole});
}

int AuctionListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_auctions.size());
}

int AuctionListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_columns.size());
}

QVariant AuctionListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 ||
        section >= m_columns.size())
        return {};
    switch (m_columns.at(section)) {
    case Column::Title:
        return tr("Title");
    case Column::Price:
        return tr("Current price");
    case Column::Bids:
        return tr("Bids");
    case Column::TimeLeft:
        return tr("Time left");
    case Column::Region:
        return tr("Area");
    case Column::Seller:
        return tr("Seller");
    case Column::Status:
        return tr("State");
    case Column::MyStatus:
        return tr("My bid");
    case Column::MyMax:
        return tr("My maximum");
    case Column::Watchers:
        return tr("Watchers");
    case Column::BuyNow:
        return tr("Buy now");
    }
    return {};
}

QVariant AuctionListModel::cellText(const AuctionSummary& a, Column column) const
{
    switch (column) {
    case Column::Title:
        return a.title;
    case Column::Price:
        return formatWon(a.currentPrice);
    case Column::Bids:
        return a.bidCount;
    case Column::TimeLeft:
        if (a.status == AuctionStatus::Scheduled)
            return tr("Starts %1").arg(QLocale().toString(a.startsAt.toLocalTime(), QLocale::ShortFormat));
        if (a.status != AuctionStatus::Active)
            return DisplayNames::status(a.status);
        return TimeLeft::format(a.endsAt);
    case Column::Region:
        return a.isNational ? tr("Nationwide") : a.region.name;
    case Column::Seller:
        return m_userId && *m_userId == a.seller.id ? tr("You") : a.seller.displayName;
    case Column::Status:
        return DisplayNames::status(a.status);
    case Column::MyMax:
        return a.myMax ? formatWon(*a.myMax) : QString();
    case Column::Watchers:
        return a.watchers;
    case Column::BuyNow:
        return a.buyNowPrice ? formatWon(*a.buyNowPrice) : QString();
    case Column::MyStatus:
        break;
    }
    return {};
}

QVariant AuctionListModel::cellSortValue(const AuctionSummary& a, Column column) const
{
    switch (column) {
    case Column::Price:
        return a.currentPrice;
    case Column::Bids:
        return a.bidCount;
    case Column::TimeLeft:
        return a.endsAt.toMSecsSinceEpoch();
    case Column::MyMax:
        return a.myMax.value_or(0);
    case Column::Watchers:
        return a.watchers;
    case Column::BuyNow:
        return a.buyNowPrice.value_or(0);
    default:
        return cellText(a, column).toString().toLower();
    }
}

QVariant AuctionListModel::extraData(const AuctionSummary&, int) const
{
    return {};
}

QVariant AuctionListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    const AuctionSummary& a = m_auctions.at(index.row());
    const Column column = m_columns.at(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return cellText(a, column);
    case Qt::TextAlignmentRole:
        if (column == Column::Price || column == Column::Bids || column == Column::MyMax ||
            column == Column::Watchers || column == Column::BuyNow)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case AuctionIdRole:
        return a.id;
    case SortRole:
        return cellSortValue(a, column);
    case ThumbnailRole:
        return a.thumbnailUrl;
    case IsNationalRole:
        return a.isNational;
    default:
        return extraData(a, role);
    }
}

void AuctionListModel::setAuctions(const QList<AuctionSummary>& auctions)
{
    beginResetModel();
    m_auctions = auctions;
    endResetModel();
}

std::optional<AuctionSummary> AuctionListModel::summaryAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return std::nullopt;
    return m_auctions.at(row);
}

qint64 AuctionListModel::auctionIdAt(int row) const
{
    return row >= 0 && row < rowCount() ? m_auctions.at(row).id : 0;
}

int AuctionListModel::rowOf(qint64 auctionId) const
{
    for (qsizetype i = 0; i < m_auctions.size(); ++i) {
        if (m_auctions.at(i).id == auctionId)
            return static_cast<int>(i);
    }
    return -1;
}

void AuctionListModel::updateAuction(const AuctionSummary& auction)
{
    const int row = rowOf(auction.id);
    if (row < 0)
        return;
    AuctionSummary& existing = m_auctions[row];
    // /me/bids fields are not in other answers: keep them.
    const std::optional<Won> myMax = existing.myMax;
    const std::optional<bool> leading = existing.leading;
    existing = auction;
    if (!existing.myMax)
        existing.myMax = myMax;
    if (!existing.leading)
        existing.leading = leading;
    emit dataChanged(index(row, 0), index(row, columnCount() - 1));
}

void AuctionListModel::setCurrentUserId(std::optional<qint64> userId)
{
    if (userId == m_userId)
        return;
    m_userId = userId;
    if (!m_auctions.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

} // namespace nb::client
