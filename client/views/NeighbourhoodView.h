#pragma once

#include "client/net/ListingQuery.h"

#include <QTimer>
#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QToolButton;
class QTreeView;

namespace nb::client {

class ClientSession;
class NoticeBanner;

// Local listings over HTTP: the region tree (the user's region by default; a region includes all
// its descendants), category, title search, price range, sort, "include national", paging and
// refresh (by hand, and periodically by ClientSession). When the server cannot be reached the
// last known page is shown under a "stale — offline" banner.
class NeighbourhoodView : public QWidget {
    Q_OBJECT

public:
    explicit NeighbourhoodView(ClientSession& session, QWidget* parent = nullptr);

    // The user's region, chosen when the user has not picked one yet.
    void setHomeRegion(std::optional<qint64> regionId);
    // The region filter (nullopt: the whole country).
    void setRegion(std::optional<qint64> regionId);
    std::optional<qint64> region() const { return m_regionId; }
    // The filters as they stand, page included.
    ListingQuery query() const;
    // Sends query() now.
    void refresh();

    QTableView* table() const { return m_table; }
    QTreeView* regionTree() const { return m_regions; }

signals:
    void openAuction(qint64 auctionId);

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    QWidget* createRegionPane();
    QTableView* createTable();
    QWidget* createFilters();
    QWidget* createPager();
    void retranslateUi();
    void filtersChanged();
    void goToPage(int page);
    void onPageChanged();
    void updateBanner();
    void selectRegionInTree();

    ClientSession& m_session;
    QTreeView* m_regions = nullptr;
    QPushButton* m_wholeCountry = nullptr;
    QLabel* m_regionsTitle = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_regionLabel = nullptr;
    QLineEdit* m_search = nullptr;
    QComboBox* m_category = nullptr;
    QComboBox* m_sort = nullptr;
    QLineEdit* m_minPrice = nullptr;
    QLineEdit* m_maxPrice = nullptr;
    QLabel* m_priceDash = nullptr;
    QCheckBox* m_includeNational = nullptr;
    QToolButton* m_refresh = nullptr;
    QLabel* m_updated = nullptr;
    NoticeBanner* m_stale = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_empty = nullptr;
    QPushButton* m_previous = nullptr;
    QPushButton* m_next = nullptr;
    QLabel* m_pageLabel = nullptr;

    std::optional<qint64> m_regionId;
    bool m_regionChosen = false; // the user picked a region: the home region no longer applies
    int m_page = 1;
    bool m_loadedOnce = false;
    QTimer m_debounce;
};

} // namespace nb::client
