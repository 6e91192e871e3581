#pragma once

#include <QWidget>

class QHBoxLayout;
class QLabel;
class QSortFilterProxyModel;
class QTableView;
class QToolButton;

namespace nb::client {

class AuctionListModel;

// The frame of the views that list auctions of the signed-in user (my bids, watchlist, my
// auctions): a title, a hint, a tool row, the table sorted by SortRole, an empty-state sentence,
// and a refresh that runs whenever the page is shown. Double-click opens the auction.
class AuctionListPage : public QWidget {
    Q_OBJECT

public:
    QTableView* table() const { return m_table; }
    QSortFilterProxyModel* proxy() const { return m_proxy; }
    // The auction of the selected row (0: none).
    qint64 selectedAuctionId() const;

signals:
    void openAuction(qint64 auctionId);
    // Asks for fresh data (on show and on the refresh button).
    void refreshRequested();

protected:
    AuctionListPage(AuctionListModel* model, QWidget* parent);

    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;
    // Sets the texts; subclasses call setTexts() from it, and the base calls it on a language change.
    virtual void retranslateUi() = 0;
    void setTexts(const QString& title, const QString& hint, const QString& empty);
    QHBoxLayout* tools() const { return m_tools; }
    AuctionListModel* model() const { return m_model; }
    void updateEmpty();

private:
    AuctionListModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_hint = nullptr;
    QHBoxLayout* m_tools = nullptr;
    QToolButton* m_refresh = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_empty = nullptr;
    QString m_emptyText;
};

} // namespace nb::client
