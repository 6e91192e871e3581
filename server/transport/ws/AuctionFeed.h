#pragma once

#include "server/transport/ws/SubscriptionIndex.h"
#include "shared/protocol/Objects.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QObject>

#include <exception>
#include <optional>
#include <vector>

namespace nb::services {
struct Services;
}

namespace nb::transport {

class ClientSession;
class Metrics;
class Workers;

/// The auction side of the hub: opens subscriptions (a snapshot, or the missed events replayed
/// from the replay log) and hands each committed auction event to the auction's followers, in
/// seq order, serialised once. Duplicates (seq already delivered, after a relay retry or a
/// Redis resync) are dropped; a gap in seq is filled from the replay log before going on.
class AuctionFeed : public QObject {
    Q_OBJECT
public:
    /// More missed events than this are answered with a snapshot instead of a replay.
    static constexpr int kMaxReplayEvents = 500;

    AuctionFeed(services::Services& services, Workers& workers, Metrics& metrics, SubscriptionIndex& index,
                QObject* parent = nullptr);

    /// {"type":"subscribe"}: follow the auction; answered by a snapshot, or with sinceSeq by the
    /// events after it (then by "subscribed" when the request carried a request_id).
    void subscribe(ClientSession& session, qint64 auctionId, std::optional<qint64> sinceSeq,
                   const QJsonValue& requestId);
    void unsubscribe(ClientSession& session, qint64 auctionId);
    /// Forgets every subscription of a connection that is going away.
    void dropSession(ClientSession& session);

    /// A committed auction event (from the event bus).
    void publish(qint64 auctionId, const QJsonObject& event);
    /// Replays, for every followed auction, what the replay log holds after the last seq
    /// delivered: events lost while the event transport was down.
    void resynchronise();

private:
    struct Opening {
        AuctionDetail detail;
        std::vector<QJsonObject> events;
        bool replay = false;
    };
    using Channel = SubscriptionIndex::Channel;

    static Opening open(services::Services& services, qint64 auctionId, std::optional<qint64> viewerId,
                        std::optional<qint64> sinceSeq);
    void opened(ClientSession& session, qint64 auctionId, quint64 generation, const QJsonValue& requestId,
                const std::exception_ptr& error, const Opening& opening);
    void deliver(qint64 auctionId, Channel& ch, qint64 seq, const QJsonObject& event);
    void catchUp(qint64 auctionId, qint64 fromSeq);
    void caughtUp(qint64 auctionId, const std::exception_ptr& error, std::vector<QJsonObject> events);
    void drainHeld(qint64 auctionId, Channel& ch, bool moreInLog);
    /// Where a gap starts: the last seq delivered, or while that is unknown the oldest seq a
    /// settled follower holds; nothing while a follower still waits for its snapshot.
    std::optional<qint64> gapBaseline(qint64 auctionId, const Channel& ch) const;

    services::Services& m_services;
    Workers& m_workers;
    Metrics& m_metrics;
    SubscriptionIndex& m_index;
};

} // namespace nb::transport
