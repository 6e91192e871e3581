#pragma once

#include "shared/protocol/Community.h"

#include <QAbstractTableModel>

#include <optional>

namespace nb::client {

/// The notification inbox, newest first: the list from GET /me/notifications plus every
/// `notification` push. Column 0 is the text, so a QListView shows it as is; unread rows are
/// bold. The tab's badge binds to unreadCountChanged(); ClientSession marks rows read.
class NotificationModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { TextColumn, KindColumn, TimeColumn, ColumnCount };
    enum Role { NotificationIdRole = Qt::UserRole + 1, KindRole, AuctionIdRole, ReadRole, AtRole };

    explicit NotificationModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setNotifications(const NotificationList& list);
    /// A push: added on top (a notification already listed is ignored). False when ignored.
    bool add(const Notification& notification);
    void markRead(const QList<qint64>& ids);
    void markAllRead();
    void clear();
    int unreadCount() const { return m_unread; }
    std::optional<Notification> notificationAt(int row) const;
    /// Ids of the unread rows (to mark them read on the server).
    QList<qint64> unreadIds() const;

signals:
    void unreadCountChanged(int unread);

private:
    void recount();

    QList<Notification> m_items;
    int m_unread = 0;
    /// Unread notifications the server counted beyond the ones it listed.
    int m_unlisted = 0;
};

} // namespace nb::client
