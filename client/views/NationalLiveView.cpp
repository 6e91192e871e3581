#include "client/views/NationalLiveView.h"

#include "client/models/NationalAuctionModel.h"
#include "client/views/LiveAuctionDelegate.h"
#include "client/views/NoticeBanner.h"
#include "client/views/ViewSupport.h"

#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace nb::client {

NationalLiveView::NationalLiveView(NationalAuctionModel* model, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new QSortFilterProxyModel(this))
    , m_title(new QLabel(this))
    , m_count(new QLabel(this))
    , m_filter(new QLineEdit(this))
    , m_stale(new NoticeBanner(NoticeBanner::Kind::Stale, this))
    , m_table(new QTableView(this))
    , m_empty(new QLabel(this))
{
    setObjectName("nationalView");
    m_title->setProperty("role", "viewTitle");
    m_count->setProperty("role", "viewSubtitle");
    m_filter->setObjectName("nationalFilter");
    m_filter->setClearButtonEnabled(true);
    m_empty->setProperty("role", "emptyState");
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);

    m_proxy->setSourceModel(model);
    m_proxy->setSortRole(NationalAuctionModel::SortRole);
    m_proxy->setFilterKeyColumn(NationalAuctionModel::TitleColumn);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    // Live updates re-sort and re-filter the rows they touch.
    m_proxy->setDynamicSortFilter(true);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    setUpTable();

    auto* header = new QHBoxLayout;
    auto* titles = new QVBoxLayout;
    titles->addWidget(m_title);
    titles->addWidget(m_count);
    header->addLayout(titles, 1);
    header->addWidget(m_filter, 0, Qt::AlignBottom);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_stale);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_empty, 1);

    // The highlight fades: repaint a few times a second while a change is recent.
    m_fadeTimer.setInterval(120);
    connect(&m_fadeTimer, &QTimer::timeout, this, [this] {
        m_table->viewport()->update();
        if (QDateTime::currentMSecsSinceEpoch() - m_lastChangeMs > LiveAuctionDelegate::kFadeMs + 200)
            m_fadeTimer.stop();
    });
    connect(model, &QAbstractItemModel::dataChanged, this, &NationalLiveView::onDataChanged);
    connect(model, &NationalAuctionModel::countChanged, this, &NationalLiveView::updateCount);
    connect(model, &QAbstractItemModel::modelReset, this, &NationalLiveView::updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &NationalLiveView::updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &NationalLiveView::updateCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &NationalLiveView::updateCount);
    connect(model, &NationalAuctionModel::staleChanged, this, &NationalLiveView::updateStale);
    retranslateUi();
}

void NationalLiveView::setUpTable()
{
    m_table->setModel(m_proxy);
    m_table->setItemDelegate(new LiveAuctionDelegate(m_table));
    setUpAuctionTable(m_table);
    m_table->sortByColumn(NationalAuctionModel::TimeLeftColumn, Qt::AscendingOrder);
    m_table->horizontalHeader()->setSectionResizeMode(NationalAuctionModel::TitleColumn,
                                                      QHeaderView::Stretch);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex& index) {
        const qint64 id = index.data(NationalAuctionModel::AuctionIdRole).toLongLong();
        if (id > 0)
            emit openAuction(id);
    });
}

qint64 NationalLiveView::firstAuctionId() const
{
    if (m_proxy->rowCount() == 0)
        return 0;
    return m_proxy->index(0, 0).data(NationalAuctionModel::AuctionIdRole).toLongLong();
}

void NationalLiveView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void NationalLiveView::retranslateUi()
{
    m_title->setText(tr("National live auctions"));
    m_filter->setPlaceholderText(tr("Filter by title…"));
    m_filter->setToolTip(tr("Shows only the auctions whose title contains this text."));
    updateCount();
    updateStale();
}

void NationalLiveView::updateCount()
{
    const int all = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    if (all == shown)
        m_count->setText(tr("%n auction(s) live across the country", nullptr, all));
    else
        m_count->setText(tr("%1 of %2 auctions shown").arg(shown).arg(all));
    const bool empty = shown == 0;
    m_empty->setText(all == 0 ? tr("No national auction is live right now.")
                              : tr("No live auction matches “%1”.").arg(m_filter->text()));
    m_empty->setVisible(empty);
    m_table->setVisible(!empty);
}

void NationalLiveView::updateStale()
{
    if (!m_model->isStale()) {
        m_stale->hide();
        return;
    }
    const QDateTime at = m_model->fetchedAt();
    m_stale->showNotice(at.isValid() ? tr("Stale — offline. These are the auctions as last seen at %1; "
                                          "prices are not live until the connection is back.")
                                           .arg(formatLocalTime(at))
                                     : tr("Stale — offline. Prices are not live until the connection "
                                          "is back."));
}

void NationalLiveView::onDataChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight)
{
    // The model's one-second tick touches only the time left; a price change asks for the fade.
    if (topLeft.column() > NationalAuctionModel::HighBidderColumn ||
        bottomRight.column() < NationalAuctionModel::CurrentPriceColumn)
        return;
    m_lastChangeMs = QDateTime::currentMSecsSinceEpoch();
    if (!m_fadeTimer.isActive())
        m_fadeTimer.start();
}

} // namespace nb::client
