#include "client/models/LedgerModel.h"

#include "client/models/DisplayNames.h"
#include "client/models/MoneyFormat.h"

#include <QLocale>

#include <algorithm>

namespace nb::client {

LedgerModel::LedgerModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

int LedgerModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int LedgerModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LedgerModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case KindColumn:
        return tr("Entry");
    case AmountColumn:
        return tr("Amount");
    case BalanceColumn:
        return tr("Available after");
    case LockedColumn:
        return tr("Held after");
    case AuctionColumn:
        return tr("Auction");
    default:
        return {};
    }
}

Won LedgerModel::signedAmount(const LedgerEntry& entry)
{
    switch (entry.kind) {
    case LedgerKind::Deposit:
    case LedgerKind::Unlock:
    case LedgerKind::SettleReceive:
        return entry.amount;
    case LedgerKind::Withdraw:
    case LedgerKind::Lock:
    case LedgerKind::SettlePay:
    case LedgerKind::BuyNowPay:
        break;
    }
    return -entry.amount;
}

QVariant LedgerModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const LedgerEntry& e = m_entries.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case TimeColumn:
            return QLocale().toString(e.at.toLocalTime(), QLocale::ShortFormat);
        case KindColumn:
            return DisplayNames::ledgerKind(e.kind);
        case AmountColumn: {
            const Won signedValue = signedAmount(e);
            return (signedValue > 0 ? QStringLiteral("+") : QString()) + formatWon(signedValue);
        }
        case BalanceColumn:
            return formatWon(e.balanceAfter);
        case LockedColumn:
            return formatWon(e.lockedAfter);
        case AuctionColumn:
            return e.auctionId ? QVariant(tr("#%1").arg(*e.auctionId)) : QVariant();
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() >= AmountColumn && index.column() <= LockedColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == AuctionIdRole)
        return e.auctionId ? QVariant(*e.auctionId) : QVariant();
    if (role == SignedAmountRole)
        return signedAmount(e);
    return {};
}

void LedgerModel::setPage(const Page<LedgerEntry>& page)
{
    beginResetModel();
    m_entries = page.items;
    m_total = page.total;
    m_page = page.page;
    m_pageSize = std::max(1, page.pageSize);
    endResetModel();
    emit pageChanged();
}

int LedgerModel::pageCount() const
{
    return std::max<int>(1, static_cast<int>((m_total + m_pageSize - 1) / m_pageSize));
}

} // namespace nb::client
