#pragma once

#include <QStyledItemDelegate>

namespace nb::client {

// Paints the national table's cells: a warm highlight that fades out over a price that just
// changed (NationalAuctionModel::RecentlyChangedRole / ChangedAtRole), and the time left in the
// accent colour during the last minutes. The view repaints while a highlight is fading.
class LiveAuctionDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    static constexpr int kFadeMs = 1500;
    static constexpr qint64 kUrgentSecondsLeft = 5 * 60;

    explicit LiveAuctionDelegate(QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override;
};

} // namespace nb::client
