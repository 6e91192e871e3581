#pragma once

#include <QTimer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace nb::client {

class NationalAuctionModel;
class NoticeBanner;

// Every active national auction, live: a sortable table over NationalAuctionModel through a
// QSortFilterProxyModel with a title filter. Prices change in place as events arrive, with a
// brief highlight; the time left counts down. Double-click opens the auction.
class NationalLiveView : public QWidget {
    Q_OBJECT

public:
    explicit NationalLiveView(NationalAuctionModel* model, QWidget* parent = nullptr);

    QTableView* table() const { return m_table; }
    QSortFilterProxyModel* proxy() const { return m_proxy; }
    QLineEdit* filterEdit() const { return m_filter; }
    // The auction of the first row as shown (0 when the table is empty).
    qint64 firstAuctionId() const;

signals:
    void openAuction(qint64 auctionId);

protected:
    void changeEvent(QEvent* event) override;

private:
    void setUpTable();
    void retranslateUi();
    void updateCount();
    void updateStale();
    void onDataChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight);

    NationalAuctionModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_count = nullptr;
    QLineEdit* m_filter = nullptr;
    NoticeBanner* m_stale = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_empty = nullptr;
    QTimer m_fadeTimer;
    qint64 m_lastChangeMs = 0;
};

} // namespace nb::client
