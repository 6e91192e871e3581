#include "client/models/NotificationModel.h"

#include "client/models/DisplayNames.h"

#include <QFont>
#include <QLocale>

#include <algorithm>

namespace nb::client {

NotificationModel::NotificationModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

int NotificationModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_items.size());
}

int NotificationModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant NotificationModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TextColumn:
        return tr("Notification");
    case KindColumn:
        return tr("Kind");
    case TimeColumn:
        return tr("Time");
    default:
        return {};
    }
}

QVariant NotificationModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Notification& n = m_items.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == KindColumn)
            return DisplayNames::notificationKind(n.kind);
        if (index.column() == TimeColumn)
            return QLocale().toString(n.at.toLocalTime(), QLocale::ShortFormat);
        return n.text;
    case Qt::FontRole: {
        if (n.read)
            return {};
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    case NotificationIdRole:
        return n.id;
    case KindRole:
        return n.kind;
    case AuctionIdRole:
        return n.auctionId ? QVariant(*n.auctionId) : QVariant();
    case ReadRole:
        return n.read;
    case AtRole:
        return n.at;
    default:
        return {};
    }
}

void NotificationModel::setNotifications(const NotificationList& list)
{
    beginResetModel();
    m_items = list.items;
    std::stable_sort(m_items.begin(), m_items.end(),
                     [](const Notification& a, const Notification& b) { return a.at > b.at; });
    endResetModel();
    const auto listedUnread =
        std::count_if(m_items.cbegin(), m_items.cend(), [](const Notification& n) { return !n.read; });
    m_unlisted = static_cast<int>(std::max<qint64>(0, list.unread - listedUnread));
    recount();
}

bool NotificationModel::add(const Notification& notification)
{
    for (const Notification& n : m_items) {
        if (n.id == notification.id)
            return false;
    }
    beginInsertRows(QModelIndex(), 0, 0);
    m_items.prepend(notification);
    endInsertRows();
    recount();
    return true;
}

void NotificationModel::markRead(const QList<qint64>& ids)
{
    for (qsizetype row = 0; row < m_items.size(); ++row) {
        Notification& n = m_items[row];
        if (!n.read && ids.contains(n.id)) {
            n.read = true;
            emit dataChanged(index(static_cast<int>(row), 0), index(static_cast<int>(row), ColumnCount - 1));
        }
    }
    recount();
}

void NotificationModel::markAllRead()
{
    m_unlisted = 0;
    markRead(unreadIds());
}

void NotificationModel::clear()
{
    setNotifications(NotificationList{});
}

std::optional<Notification> NotificationModel::notificationAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return std::nullopt;
    return m_items.at(row);
}

QList<qint64> NotificationModel::unreadIds() const
{
    QList<qint64> ids;
    for (const Notification& n : m_items) {
        if (!n.read)
            ids.append(n.id);
    }
    return ids;
}

void NotificationModel::recount()
{
    const int unread =
        m_unlisted + static_cast<int>(std::count_if(m_items.cbegin(), m_items.cend(),
                                                    [](const Notification& n) { return !n.read; }));
    if (unread == m_unread)
        return;
    m_unread = unread;
    emit unreadCountChanged(unread);
}

} // namespace nb::client
