#pragma once

#include "shared/protocol/Events.h"
#include "shared/protocol/Objects.h"

#include <QWidget>

#include <optional>

class QLabel;
class QTabWidget;
class QTableView;

namespace nb::client {

class AfterSalePanel;
class AuctionInfoPanel;
class BidHistoryModel;
class BidPanel;
class ClientSession;
class PriceChart;
class QuestionsPanel;

// One auction, live: photos, description, condition, shipping, the seller and their reputation,
// the bid panel (price, minimum, time left, bid box, buy now, watch), the bid history with its
// price-over-time chart, questions and answers, and after the end the outcome, the conversation
// and the review. While open it follows the auction, so every bid arrives as it happens.
class AuctionDetailView : public QWidget {
    Q_OBJECT

public:
    AuctionDetailView(ClientSession& session, qint64 auctionId, QWidget* parent = nullptr);
    ~AuctionDetailView() override;

    qint64 auctionId() const { return m_auctionId; }
    const std::optional<nb::AuctionDetail>& auction() const { return m_auction; }
    void reload();

    BidPanel* bidPanel() const { return m_bidPanel; }
    BidHistoryModel* bidHistory() const { return m_history; }
    AfterSalePanel* afterSale() const { return m_afterSale; }
    QuestionsPanel* questions() const { return m_questions; }
    QTabWidget* tabs() const { return m_tabs; }

signals:
    // The first detail arrived (tests and --view detail wait for it).
    void loaded();

protected:
    void changeEvent(QEvent* event) override;

private:
    QWidget* createActionColumn();
    void wireSession();
    void retranslateUi();
    void setAuction(const nb::AuctionDetail& auction);
    void refreshInfo();
    void refreshViewer();
    void refreshChart();
    void reloadBids();
    void onBid(const nb::AuctionBidEvent& event);
    void onEnded(const nb::AuctionEndedEvent& event);
    void onNotification(const nb::Notification& notification);
    void placeBid(nb::Won amount, std::optional<nb::Won> maxAmount);
    void buyNow();
    void setWatched(bool watched);

    ClientSession& m_session;
    qint64 m_auctionId = 0;
    std::optional<AuctionDetail> m_auction;
    BidHistoryModel* m_history = nullptr;

    QLabel* m_title = nullptr;
    QLabel* m_meta = nullptr;
    AuctionInfoPanel* m_info = nullptr;
    BidPanel* m_bidPanel = nullptr;
    QTabWidget* m_tabs = nullptr;
    QTableView* m_bidTable = nullptr;
    PriceChart* m_chart = nullptr;
    QuestionsPanel* m_questions = nullptr;
    AfterSalePanel* m_afterSale = nullptr;
    QLabel* m_loading = nullptr;
};

} // namespace nb::client
