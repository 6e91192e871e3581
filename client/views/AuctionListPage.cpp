#include "client/views/AuctionListPage.h"

#include "client/models/AuctionListModel.h"
#include "client/views/AuctionListDelegate.h"
#include "client/views/ViewSupport.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace nb::client {

AuctionListPage::AuctionListPage(AuctionListModel* model, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new QSortFilterProxyModel(this))
    , m_title(new QLabel(this))
    , m_hint(new QLabel(this))
    , m_tools(new QHBoxLayout)
    , m_refresh(new QToolButton(this))
    , m_table(new QTableView(this))
    , m_empty(new QLabel(this))
{
    m_title->setProperty("role", "viewTitle");
    m_hint->setProperty("role", "viewSubtitle");
    m_hint->setWordWrap(true);
    m_empty->setProperty("role", "emptyState");
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_refresh->setIcon(QIcon(":/icons/nav/refresh.svg"));
    m_refresh->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    connect(m_refresh, &QToolButton::clicked, this, &AuctionListPage::refreshRequested);

    m_proxy->setSourceModel(model);
    m_proxy->setSortRole(AuctionListModel::SortRole);
    m_proxy->setDynamicSortFilter(true);
    m_table->setModel(m_proxy);
    m_table->setItemDelegate(new AuctionListDelegate(m_table));
    setUpAuctionTable(m_table);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->sortByColumn(-1, Qt::AscendingOrder); // the server's order until the user sorts
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex& index) {
        const qint64 id = index.data(AuctionListModel::AuctionIdRole).toLongLong();
        if (id > 0)
            emit openAuction(id);
    });
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &AuctionListPage::updateEmpty);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &AuctionListPage::updateEmpty);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &AuctionListPage::updateEmpty);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &AuctionListPage::updateEmpty);

    m_tools->addStretch(1);
    m_tools->addWidget(m_refresh);
    auto* header = new QHBoxLayout;
    auto* titles = new QVBoxLayout;
    titles->addWidget(m_title);
    titles->addWidget(m_hint);
    header->addLayout(titles, 1);
    header->addLayout(m_tools);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_empty, 1);
    updateEmpty();
}

qint64 AuctionListPage::selectedAuctionId() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? current.data(AuctionListModel::AuctionIdRole).toLongLong() : 0;
}

void AuctionListPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void AuctionListPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    emit refreshRequested();
}

void AuctionListPage::setTexts(const QString& title, const QString& hint, const QString& empty)
{
    m_title->setText(title);
    m_hint->setText(hint);
    m_emptyText = empty;
    m_refresh->setText(tr("Refresh"));
    updateEmpty();
}

void AuctionListPage::updateEmpty()
{
    const bool empty = m_proxy->rowCount() == 0;
    m_empty->setText(m_emptyText);
    m_empty->setVisible(empty);
    m_table->setVisible(!empty);
}

} // namespace nb::client
