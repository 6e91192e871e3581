#pragma once

#include "shared/protocol/Community.h"

#include <QAbstractListModel>

#include <optional>

namespace nb::client {

/// The conversation between the seller and the winner after the end (GET/POST
/// /auctions/{id}/messages), oldest first. The detail view shows it as a chat: IsMineRole puts the
/// user's own messages on the right.
class MessageModel : public QAbstractListModel {
    Q_OBJECT

public:
    enum Role { MessageIdRole = Qt::UserRole + 1, SenderNameRole, SenderIdRole, AtRole, IsMineRole };

    explicit MessageModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

    void setMessages(const QList<Message>& messages);
    /// One more message (ignored when already listed).
    void add(const Message& message);
    void setCurrentUserId(std::optional<qint64> userId);

private:
    QList<Message> m_messages;
    std::optional<qint64> m_userId;
};

} // namespace nb::client
