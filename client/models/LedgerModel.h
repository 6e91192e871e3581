#pragma once

#include "shared/protocol/Objects.h"

#include <QAbstractTableModel>

namespace nb::client {

/// The wallet's history, newest first (GET /me/ledger), one page at a time. The Wallet view shows
/// it under the balance; amounts are signed by their effect on the available balance.
class LedgerModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        TimeColumn,
        KindColumn,
        AmountColumn,
        BalanceColumn,
        LockedColumn,
        AuctionColumn,
        ColumnCount
    };
    enum Role { AuctionIdRole = Qt::UserRole + 1, SignedAmountRole };

    explicit LedgerModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setPage(const Page<LedgerEntry>& page);
    qint64 total() const { return m_total; }
    int page() const { return m_page; }
    int pageCount() const;
    /// The change to the available balance: + for deposit, unlock, sale; - otherwise.
    static Won signedAmount(const LedgerEntry& entry);

signals:
    void pageChanged();

private:
    QList<LedgerEntry> m_entries;
    qint64 m_total = 0;
    int m_page = 1;
    int m_pageSize = 50;
};

} // namespace nb::client
