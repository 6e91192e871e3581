#pragma once

#include "shared/protocol/Objects.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

namespace nb {

/// The marketplace objects around an auction (PROTOCOL.md: questions, messages, reviews, images).

/// A public question about an item and, once given, the seller's answer.
struct Question {
    qint64 id = 0;
    qint64 auctionId = 0;
    PartyRef asker;
    QString text;
    QDateTime at;
    std::optional<QString> answer;
    QDateTime answeredAt; // valid only with an answer
};

/// One message of the 1:1 conversation between the seller and the winner after the end.
struct Message {
    qint64 id = 0;
    qint64 auctionId = 0;
    PartyRef sender;
    qint64 recipientId = 0;
    QString text;
    QDateTime at;
};

/// The winner's review of the seller, once per auction.
struct Review {
    qint64 auctionId = 0;
    PartyRef reviewer;
    qint64 sellerId = 0;
    int rating = 0; // 1..5
    QString text;
    QDateTime at;
};

/// Where an uploaded image can be fetched: {"index": n, "url": "/api/v1/auctions/{id}/images/{n}"}.
struct ImageRef {
    int index = 0;
    QString url;
};

/// A user's notifications and how many are unread: {"items": [...], "unread": n}.
struct NotificationList {
    QList<Notification> items;
    qint64 unread = 0;
};

} // namespace nb
