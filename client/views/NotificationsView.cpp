#include "client/views/NotificationsView.h"

#include "client/models/NotificationModel.h"
#include "client/session/ClientSession.h"
#include "client/views/ViewSupport.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace nb::client {

NotificationsView::NotificationsView(ClientSession& session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_title(new QLabel(this))
    , m_subtitle(new QLabel(this))
    , m_markRead(new QPushButton(this))
    , m_markAll(new QPushButton(this))
    , m_table(new QTableView(this))
    , m_empty(new QLabel(this))
{
    setObjectName("notificationsView");
    m_title->setProperty("role", "viewTitle");
    m_subtitle->setProperty("role", "viewSubtitle");
    m_markRead->setObjectName("markReadButton");
    m_markAll->setObjectName("markAllReadButton");
    m_empty->setProperty("role", "emptyState");
    m_empty->setAlignment(Qt::AlignCenter);
    m_table->setObjectName("notificationsTable");

    NotificationModel* model = session.notifications();
    m_table->setModel(model);
    setUpAuctionTable(m_table);
    m_table->setSortingEnabled(false); // newest first
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->horizontalHeader()->setSectionResizeMode(NotificationModel::TextColumn, QHeaderView::Stretch);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex& index) {
        const qint64 id = index.data(NotificationModel::NotificationIdRole).toLongLong();
        if (!index.data(NotificationModel::ReadRole).toBool())
            m_session.markNotificationsRead({id});
        const qint64 auctionId = index.data(NotificationModel::AuctionIdRole).toLongLong();
        if (auctionId > 0)
            emit openAuction(auctionId);
    });
    connect(m_markRead, &QPushButton::clicked, this, &NotificationsView::markSelectedRead);
    connect(m_markAll, &QPushButton::clicked, this, [this] { m_session.markNotificationsRead(); });
    connect(model, &NotificationModel::unreadCountChanged, this, &NotificationsView::updateState);
    connect(model, &QAbstractItemModel::modelReset, this, &NotificationsView::updateState);
    connect(model, &QAbstractItemModel::rowsInserted, this, &NotificationsView::updateState);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &NotificationsView::updateState);

    auto* header = new QHBoxLayout;
    auto* titles = new QVBoxLayout;
    titles->addWidget(m_title);
    titles->addWidget(m_subtitle);
    header->addLayout(titles, 1);
    header->addWidget(m_markRead, 0, Qt::AlignBottom);
    header->addWidget(m_markAll, 0, Qt::AlignBottom);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_empty, 1);
    retranslateUi();
}

void NotificationsView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void NotificationsView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    m_session.refreshNotifications();
}

void NotificationsView::retranslateUi()
{
    m_title->setText(tr("Notifications"));
    m_markRead->setText(tr("Mark as read"));
    m_markAll->setText(tr("Mark all as read"));
    m_empty->setText(tr("Nothing new. Outbids, wins, sales and questions will show up here."));
    updateState();
}

void NotificationsView::updateState()
{
    const NotificationModel* model = m_session.notifications();
    const int unread = model->unreadCount();
    m_subtitle->setText(unread > 0 ? tr("%n unread", nullptr, unread) : tr("All read"));
    m_markAll->setEnabled(unread > 0);
    m_markRead->setEnabled(m_table->selectionModel()->hasSelection());
    const bool empty = model->rowCount() == 0;
    m_empty->setVisible(empty);
    m_table->setVisible(!empty);
}

void NotificationsView::markSelectedRead()
{
    QList<qint64> ids;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    for (const QModelIndex& row : rows) {
        if (!row.data(NotificationModel::ReadRole).toBool())
            ids.append(row.data(NotificationModel::NotificationIdRole).toLongLong());
    }
    if (!ids.isEmpty())
        m_session.markNotificationsRead(ids);
}

} // namespace nb::client
