#include "client/models/MessageModel.h"

#include <QLocale>

namespace nb::client {

MessageModel::MessageModel(QObject* parent)
    : QAbstractListModel(parent)
{}

int MessageModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_messages.size());
}

QVariant MessageModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Message& m = m_messages.at(index.row());
    const bool mine = m_userId && *m_userId == m.sender.id;
    switch (role) {
    case Qt::DisplayRole:
        return m.text;
    case Qt::ToolTipRole:
        return tr("%1, %2").arg(mine ? tr("You") : m.sender.displayName,
                                QLocale().toString(m.at.toLocalTime(), QLocale::ShortFormat));
    case Qt::TextAlignmentRole:
        return QVariant((mine ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    case MessageIdRole:
        return m.id;
    case SenderNameRole:
        return mine ? tr("You") : m.sender.displayName;
    case SenderIdRole:
        return m.sender.id;
    case AtRole:
        return m.at;
    case IsMineRole:
        return mine;
    default:
        return {};
    }
}

void MessageModel::setMessages(const QList<Message>& messages)
{
    beginResetModel();
    m_messages = messages;
    endResetModel();
}

void MessageModel::add(const Message& message)
{
    for (const Message& m : m_messages) {
        if (m.id == message.id)
            return;
    }
    const int at = rowCount();
    beginInsertRows(QModelIndex(), at, at);
    m_messages.append(message);
    endInsertRows();
}

void MessageModel::setCurrentUserId(std::optional<qint64> userId)
{
    if (userId == m_userId)
        return;
    m_userId = userId;
    if (!m_messages.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, 0));
}

} // namespace nb::client
