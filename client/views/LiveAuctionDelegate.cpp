#include "client/views/LiveAuctionDelegate.h"

#include "client/models/NationalAuctionModel.h"

#include <QDateTime>
#include <QPainter>

#include <algorithm>

namespace nb::client {

LiveAuctionDelegate::LiveAuctionDelegate(QObject* parent)
    : QStyledItemDelegate(parent)
{}

void LiveAuctionDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                                const QModelIndex& index) const
{
    const bool changed = index.data(NationalAuctionModel::RecentlyChangedRole).toBool();
    const bool priceCell = index.column() == NationalAuctionModel::CurrentPriceColumn ||
                           index.column() == NationalAuctionModel::BidsColumn ||
                           index.column() == NationalAuctionModel::HighBidderColumn;
    if (changed && priceCell && !(option.state & QStyle::State_Selected)) {
        const qint64 changedAt = index.data(NationalAuctionModel::ChangedAtRole).toLongLong();
        const qint64 age = QDateTime::currentMSecsSinceEpoch() - changedAt;
        const double strength = std::clamp(1.0 - static_cast<double>(age) / kFadeMs, 0.25, 1.0);
        QColor flash(0xFF, 0xC9, 0x7A);
        flash.setAlphaF(static_cast<float>(strength));
        painter->fillRect(option.rect, flash);
    }
    QStyledItemDelegate::paint(painter, option, index);
}

void LiveAuctionDelegate::initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.column() == NationalAuctionModel::CurrentPriceColumn) {
        option->font.setBold(true);
        option->displayAlignment = Qt::AlignRight | Qt::AlignVCenter;
    }
    if (index.column() == NationalAuctionModel::BidsColumn ||
        index.column() == NationalAuctionModel::WatchersColumn)
        option->displayAlignment = Qt::AlignRight | Qt::AlignVCenter;
    if (index.column() == NationalAuctionModel::TimeLeftColumn) {
        option->displayAlignment = Qt::AlignRight | Qt::AlignVCenter;
        const qint64 secondsLeft = index.data(NationalAuctionModel::SortRole).toLongLong() / 1000;
        const bool ended = index.data(NationalAuctionModel::EndedRole).toBool();
        if (ended)
            option->palette.setColor(QPalette::Text, option->palette.color(QPalette::PlaceholderText));
        else if (secondsLeft < kUrgentSecondsLeft)
            option->palette.setColor(QPalette::Text, QColor(0xB4, 0x3C, 0x12));
    }
}

} // namespace nb::client
