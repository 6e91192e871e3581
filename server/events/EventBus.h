#pragma once

#include "server/storage/OutboxStore.h"

#include <QJsonObject>
#include <QObject>

#include <vector>

namespace nb::events {

/// In-process fan-out of committed events to whoever delivers them (the WebSocket hub, tests).
/// The outbox relay, or the Redis subscriber when several instances share Redis, publishes here.
/// Signals cross threads as queued connections.
class EventBus : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    void publishAuctionEvent(qint64 auctionId, const QJsonObject& event)
    {
        emit auctionEvent(auctionId, event);
    }
    void publishUserEvent(qint64 userId, const QJsonObject& event) { emit userEvent(userId, event); }
    /// A committed outbox event, to its auction's or its user's followers.
    void publish(const storage::outbox::OutboxEvent& event)
    {
        if (event.auctionId)
            publishAuctionEvent(*event.auctionId, event.payload);
        else if (event.userId)
            publishUserEvent(*event.userId, event.payload);
    }
    /// A batch of committed outbox events, in order (the outbox relay's hand-off).
    void publish(const std::vector<storage::outbox::OutboxEvent>& batch)
    {
        for (const storage::outbox::OutboxEvent& event : batch)
            publish(event);
    }

signals:
    /// An auction.* event; its "seq" grows by exactly one per event of that auction.
    void auctionEvent(qint64 auctionId, const QJsonObject& event);
    /// A wallet or notification push for all connections of one user.
    void userEvent(qint64 userId, const QJsonObject& event);
};

} // namespace nb::events
