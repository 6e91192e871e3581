#pragma once

#include "tests/bench/load/AuctionState.h"
#include "tests/bench/load/RunStats.h"
#include "tests/bench/load/SeqStream.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <deque>
#include <optional>

namespace nb::bench::load {

class WsConnection;

/// The auctions one connection follows and the seq stream of each. Subscribes a few at a time;
/// once rate limited it waits as told and from then on sends one request per retry interval, so
/// that following hundreds of auctions neither trips the server's flood guard (which closes a
/// connection refused too often) nor waits needlessly when the server has no limit.
class Subscriptions {
public:
    explicit Subscriptions(const QList<qint64>& auctionIds);

    void start(WsConnection& connection, qint64 nowNs);
    /// Sends what the back-off held back once its time has come.
    void tick(WsConnection& connection, qint64 nowNs);
    /// Takes the answers to our subscribe requests (snapshot, error); false for other messages.
    /// A snapshot's auction object is copied to `snapshot` when given.
    bool handle(WsConnection& connection, const QJsonObject& message, qint64 nowNs, RunStats& stats,
                QJsonObject* snapshot = nullptr);
    /// Nothing for an auction this connection does not follow.
    std::optional<SeqStream::Verdict> event(qint64 auctionId, qint64 seq);

    bool follows(qint64 auctionId) const { return m_streams.contains(auctionId); }
    /// Every subscription has its snapshot or has failed.
    bool settled() const { return m_queue.empty() && m_pending.isEmpty(); }
    int failures() const { return m_failures; }
    /// Whether every stream has seen at least `seq` of each auction, by `highest(auctionId)`.
    template <typename Highest>
    bool caughtUp(Highest highest) const
    {
        for (auto it = m_streams.cbegin(); it != m_streams.cend(); ++it) {
            if (it.value().hasSnapshot() && it.value().lastSeq() < highest(it.key()))
                return false;
        }
        return true;
    }
    QList<StreamReport> reports() const;
    /// Each auction as its snapshot showed it.
    const QHash<qint64, AuctionState>& snapshots() const { return m_snapshots; }

private:
    void sendMore(WsConnection& connection, int window);

    static constexpr int kWindow = 16;
    QHash<qint64, SeqStream> m_streams;
    QHash<qint64, AuctionState> m_snapshots;
    std::deque<qint64> m_queue;
    QHash<QString, qint64> m_pending; // request_id -> auction
    qint64 m_pausedUntilNs = 0;
    qint64 m_gapNs = 0; // after a refusal: the least time between two requests
    qint64 m_lastSentNs = 0;
    qint64 m_nextRequest = 0;
    int m_failures = 0;
};

} // namespace nb::bench::load
