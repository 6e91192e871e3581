#include "client/views/AuctionDetailView.h"

#include "client/models/BidHistoryModel.h"
#include "client/models/CategoryModel.h"
#include "client/models/DisplayNames.h"
#include "client/models/MoneyFormat.h"
#include "client/models/MyBidsModel.h"
#include "client/models/WatchlistModel.h"
#include "client/net/ApiClient.h"
#include "client/net/LiveClient.h"
#include "client/session/ClientSession.h"
#include "client/views/AfterSalePanel.h"
#include "client/views/AuctionInfoPanel.h"
#include "client/views/BidPanel.h"
#include "client/views/PriceChart.h"
#include "client/views/QuestionsPanel.h"
#include "client/views/ViewSupport.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace nb::client {

AuctionDetailView::AuctionDetailView(ClientSession& session, qint64 auctionId, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_auctionId(auctionId)
    , m_history(new BidHistoryModel(this))
    , m_title(new QLabel(this))
    , m_meta(new QLabel(this))
    , m_loading(new QLabel(this))
{
    setObjectName("auctionDetailView");
    m_title->setProperty("role", "viewTitle");
    m_title->setObjectName("detailTitle");
    m_title->setWordWrap(true);
    m_meta->setProperty("role", "viewSubtitle");
    m_loading->setProperty("role", "emptyState");
    m_loading->setAlignment(Qt::AlignCenter);

    auto* splitter = new QSplitter(this);
    m_info = new AuctionInfoPanel(m_session.api(), this);
    splitter->addWidget(m_info);
    splitter->addWidget(createActionColumn());
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 5);
    splitter->hide();

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_meta);
    layout->addWidget(m_loading, 1);
    layout->addWidget(splitter, 1);
    connect(this, &AuctionDetailView::loaded, splitter, &QWidget::show);
    connect(this, &AuctionDetailView::loaded, m_loading, &QWidget::hide);

    wireSession();
    retranslateUi();
    session.follow(auctionId);
    if (session.isLoggedIn())
        session.refreshWatchlist();
    reload();
}

AuctionDetailView::~AuctionDetailView()
{
    m_session.unfollow(m_auctionId);
}

QWidget* AuctionDetailView::createActionColumn()
{
    // Scrolls rather than grow past a small screen's height.
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* column = new QWidget(scroll);
    column->setObjectName("detailActions");
    m_bidPanel = new BidPanel(column);
    connect(m_bidPanel, &BidPanel::bidRequested, this, &AuctionDetailView::placeBid);
    connect(m_bidPanel, &BidPanel::buyNowRequested, this, &AuctionDetailView::buyNow);
    connect(m_bidPanel, &BidPanel::watchToggled, this, &AuctionDetailView::setWatched);

    m_tabs = new QTabWidget(column);
    m_tabs->setObjectName("detailTabs");
    auto* bids = new QWidget(m_tabs);
    m_bidTable = new QTableView(bids);
    m_bidTable->setObjectName("bidHistoryTable");
    m_bidTable->setModel(m_history);
    setUpAuctionTable(m_bidTable);
    m_bidTable->setSortingEnabled(false);
    m_bidTable->horizontalHeader()->setSectionResizeMode(BidHistoryModel::BidderColumn, QHeaderView::Stretch);
    m_chart = new PriceChart(bids);
    // Side by side: the chart and the list it is drawn from, both visible without scrolling.
    auto* bidsLayout = new QHBoxLayout(bids);
    bidsLayout->addWidget(m_chart, 1);
    bidsLayout->addWidget(m_bidTable, 1);
    connect(m_history, &BidHistoryModel::pricePointsChanged, this, &AuctionDetailView::refreshChart);

    m_questions = new QuestionsPanel(m_session, m_auctionId, m_tabs);
    m_afterSale = new AfterSalePanel(m_session, m_auctionId, m_tabs);
    m_tabs->addTab(bids, QString());
    m_tabs->addTab(m_questions, QString());
    m_tabs->addTab(m_afterSale, QString());

    auto* layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_bidPanel);
    layout->addWidget(m_tabs, 1);
    scroll->setWidget(column);
    return scroll;
}

void AuctionDetailView::wireSession()
{
    LiveClient& live = m_session.live();
    connect(&live, &LiveClient::snapshotReceived, this, [this](const AuctionDetail& auction) {
        if (auction.summary.id == m_auctionId && m_auction)
            setAuction(auction);
    });
    connect(&live, &LiveClient::bidEvent, this, &AuctionDetailView::onBid);
    connect(&live, &LiveClient::extendedEvent, this, [this](const AuctionExtendedEvent& event) {
        if (event.auctionId != m_auctionId || !m_auction)
            return;
        m_auction->summary.endsAt = event.endsAt;
        m_auction->seq = std::max(m_auction->seq, event.seq);
        setAuction(*m_auction);
    });
    connect(&live, &LiveClient::endedEvent, this, &AuctionDetailView::onEnded);
    connect(&live, &LiveClient::startedEvent, this, [this](const AuctionStartedEvent& event) {
        if (event.auctionId == m_auctionId)
            reload();
    });
    connect(&m_session, &ClientSession::walletChanged, this, &AuctionDetailView::refreshViewer);
    connect(&m_session, &ClientSession::connectionStateChanged, this, &AuctionDetailView::refreshViewer);
    connect(&m_session, &ClientSession::loggedIn, this, &AuctionDetailView::reload);
    connect(&m_session, &ClientSession::loggedOut, this, &AuctionDetailView::refreshViewer);
    connect(&m_session, &ClientSession::notificationArrived, this, &AuctionDetailView::onNotification);
    connect(m_session.watchlist(), &QAbstractItemModel::modelReset, this,
            [this] { m_bidPanel->setWatched(m_session.watchlist()->contains(m_auctionId)); });
}

void AuctionDetailView::reload()
{
    m_session.api()
        .auction(m_auctionId)
        ->onSuccess(this,
                    [this](const AuctionDetail& auction) {
                        const bool first = !m_auction;
                        setAuction(auction);
                        if (first)
                            emit loaded();
                    })
        ->onFailure(this, [this](const ApiError& error) {
            if (!m_auction)
                m_loading->setText(error.message);
        });
    reloadBids();
    m_questions->reload();
}

void AuctionDetailView::reloadBids()
{
    m_session.api().bids(m_auctionId)->onSuccess(this, [this](const Page<Bid>& page) {
        m_history->setBids(page.items);
    });
}

void AuctionDetailView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void AuctionDetailView::retranslateUi()
{
    m_loading->setText(tr("Loading the auction…"));
    m_tabs->setTabText(0, tr("Bids (%1)").arg(m_history->rowCount()));
    m_tabs->setTabText(1, tr("Questions"));
    m_tabs->setTabText(2, tr("Outcome"));
    refreshInfo();
}

void AuctionDetailView::setAuction(const AuctionDetail& auction)
{
    const bool justEnded = m_auction && m_auction->summary.status == AuctionStatus::Active &&
                           auction.summary.status == AuctionStatus::Ended;
    m_auction = auction;
    m_history->setCurrentUserId(m_session.user() ? std::optional<qint64>(m_session.user()->id)
                                                 : std::nullopt);
    m_info->setAuction(auction);
    m_questions->setSellerId(auction.summary.seller.id);
    m_bidPanel->setAuction(auction);
    m_afterSale->setAuction(auction);
    refreshViewer();
    refreshInfo();
    refreshChart();
    const bool over =
        auction.summary.status == AuctionStatus::Ended || auction.summary.status == AuctionStatus::Cancelled;
    m_tabs->setTabEnabled(2, over);
    if (justEnded)
        m_tabs->setCurrentIndex(2);
}

void AuctionDetailView::refreshInfo()
{
    if (!m_auction)
        return;
    const AuctionSummary& s = m_auction->summary;
    setWindowTitle(tr("%1 — NeighborBid").arg(s.title));
    m_title->setText(s.title);
    const QString scope = s.isNational ? tr("National") : tr("Local");
    m_meta->setText(
        QStringList{m_session.categories()->nameOf(s.category), scope, DisplayNames::status(s.status)}.join(
            QStringLiteral(" · ")));
    m_tabs->setTabText(0, tr("Bids (%1)").arg(s.bidCount));
}

void AuctionDetailView::refreshViewer()
{
    std::optional<Won> myHold;
    if (const int row = m_session.myBids()->rowOf(m_auctionId); row >= 0) {
        if (const std::optional<AuctionSummary> mine = m_session.myBids()->summaryAt(row))
            myHold = mine->myMax;
    }
    m_bidPanel->setViewer(m_session.user(), m_session.wallet(), m_session.isOnline(), myHold);
    m_bidPanel->setWatched(m_session.watchlist()->contains(m_auctionId));
    if (m_auction)
        m_afterSale->setAuction(*m_auction);
}

void AuctionDetailView::refreshChart()
{
    if (!m_auction)
        return;
    const AuctionSummary& s = m_auction->summary;
    m_chart->setHistory(m_history->pricePoints(), s.startPrice, s.startsAt,
                        s.status == AuctionStatus::Active ? QDateTime() : s.endsAt);
}

void AuctionDetailView::onBid(const AuctionBidEvent& event)
{
    if (event.auctionId != m_auctionId || !m_auction)
        return;
    AuctionSummary& s = m_auction->summary;
    s.currentPrice = event.currentPrice;
    s.bidCount = event.bidCount;
    s.highBidderId = event.highBidder.id;
    s.endsAt = event.endsAt;
    m_auction->minNextBid = event.minNextBid;
    m_auction->seq = std::max(m_auction->seq, event.seq);
    m_history->addFromEvent(event);
    setAuction(*m_auction);
}

void AuctionDetailView::onEnded(const AuctionEndedEvent& event)
{
    if (event.auctionId != m_auctionId || !m_auction)
        return;
    m_auction->summary.status =
        event.reason == EndReason::Cancelled ? AuctionStatus::Cancelled : AuctionStatus::Ended;
    m_auction->winner = event.winner;
    m_auction->finalPrice = event.finalPrice;
    m_auction->endReason = event.reason;
    m_auction->reserveMet = event.reserveMet;
    setAuction(*m_auction);
    reload(); // the settled state (final price, images, reputation) from the server
}

void AuctionDetailView::onNotification(const Notification& notification)
{
    if (notification.auctionId != m_auctionId)
        return;
    if (notification.kind == "question" || notification.kind == "answer")
        m_questions->reload();
    else if (notification.kind == "message")
        m_afterSale->reloadMessages();
}

void AuctionDetailView::placeBid(Won amount, std::optional<Won> maxAmount)
{
    m_bidPanel->setBusy(true);
    m_session.placeBid(m_auctionId, amount, maxAmount)
        ->onSuccess(this,
                    [this](const BidResult& result) {
                        m_bidPanel->setBusy(false);
                        m_bidPanel->showResult(
                            result.leading
                                ? tr("Your bid of %1 is in: you are the highest bidder.")
                                      .arg(formatWon(result.acceptedAmount))
                                : tr("Your bid of %1 is in, but another bidder's maximum is higher: "
                                     "you are outbid.")
                                      .arg(formatWon(result.acceptedAmount)),
                            !result.leading);
                        if (m_auction && result.seq >= m_auction->seq) {
                            m_auction->summary.currentPrice = result.currentPrice;
                            m_auction->summary.highBidderId = result.highBidderId;
                            m_auction->summary.endsAt = result.endsAt;
                        }
                        m_session.refreshMyBids();
                        reload();
                    })
        ->onFailure(this, [this](const ApiError& error) {
            m_bidPanel->setBusy(false);
            m_bidPanel->showResult(error.message, true);
            const qint64 minimum = error.details.value("min_amount").toInteger();
            if (error.code == ErrorCode::BidTooLow && minimum > 0)
                m_bidPanel->setMinimumFromServer(minimum);
        });
}

void AuctionDetailView::buyNow()
{
    if (!m_auction || !m_auction->summary.buyNowPrice)
        return;
    const QString question = tr("Buy “%1” now for %2? The amount is paid from your wallet at once and "
                                "the auction ends.")
                                 .arg(m_auction->summary.title, formatWon(*m_auction->summary.buyNowPrice));
    if (QMessageBox::question(this, tr("Buy now"), question, QMessageBox::Yes | QMessageBox::No,
                              QMessageBox::No) != QMessageBox::Yes)
        return;
    m_bidPanel->setBusy(true);
    m_session.buyNow(m_auctionId)
        ->onSuccess(this,
                    [this](const AuctionDetail& auction) {
                        m_bidPanel->setBusy(false);
                        m_bidPanel->showResult(tr("It is yours: you bought it now."), false);
                        setAuction(auction);
                        m_session.refreshMyBids();
                    })
        ->onFailure(this, [this](const ApiError& error) {
            m_bidPanel->setBusy(false);
            m_bidPanel->showResult(error.message, true);
        });
}

void AuctionDetailView::setWatched(bool watched)
{
    m_session.setWatched(m_auctionId, watched)->onFailure(this, [this, watched](const ApiError& error) {
        m_bidPanel->setWatched(!watched);
        m_bidPanel->showResult(error.message, true);
    });
}

} // namespace nb::client
