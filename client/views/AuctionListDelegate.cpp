#include "client/views/AuctionListDelegate.h"

#include "client/models/AuctionListModel.h"
#include "client/models/MyBidsModel.h"

#include <QAbstractProxyModel>

namespace nb::client {

namespace {

// The AuctionListModel behind a (possibly proxied) index, and the index in it.
std::pair<const AuctionListModel*, QModelIndex> sourceOf(const QModelIndex& index)
{
    QModelIndex current = index;
    const QAbstractItemModel* model = index.model();
    while (const auto* proxy = qobject_cast<const QAbstractProxyModel*>(model)) {
        current = proxy->mapToSource(current);
        model = proxy->sourceModel();
    }
    return {qobject_cast<const AuctionListModel*>(model), current};
}

QColor statusColour(MyBidsModel::MyBidStatus status, const QPalette& palette)
{
    switch (status) {
    case MyBidsModel::MyBidStatus::Leading:
    case MyBidsModel::MyBidStatus::Won:
        return QColor(0x2E, 0x7D, 0x32);
    case MyBidsModel::MyBidStatus::Outbid:
        return QColor(0xB4, 0x3C, 0x12);
    case MyBidsModel::MyBidStatus::Lost:
    case MyBidsModel::MyBidStatus::Cancelled:
        break;
    }
    return palette.color(QPalette::PlaceholderText);
}

} // namespace

AuctionListDelegate::AuctionListDelegate(QObject* parent)
    : QStyledItemDelegate(parent)
{}

void AuctionListDelegate::initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const auto [model, source] = sourceOf(index);
    if (!model)
        return;
    const AuctionListModel::Column column = model->columnAt(source.column());
    if (column == AuctionListModel::Column::Price)
        option->font.setBold(true);
    if (column == AuctionListModel::Column::MyStatus) {
        const auto status =
            static_cast<MyBidsModel::MyBidStatus>(source.data(AuctionListModel::MyStatusRole).toInt());
        option->font.setBold(true);
        option->palette.setColor(QPalette::Text, statusColour(status, option->palette));
    }
}

} // namespace nb::client
