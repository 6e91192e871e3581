#pragma once

#include "tests/bench/common/LatencySamples.h"

#include <QHash>
#include <QList>
#include <QPair>

#include <mutex>
#include <optional>

namespace nb::bench::load {

/// What the bidders learnt from their acknowledgements, shared by every thread: when each
/// (auction, seq) was acknowledged, for delivery latency, and the highest seq acknowledged per
/// auction, to know when the subscribers have caught up.
class AckRegistry {
public:
    /// Remembering every acknowledgement's time is only needed where delivery is measured.
    explicit AckRegistry(bool keepTimes);

    void acknowledged(qint64 auctionId, qint64 seq, qint64 atNs);
    /// The delivery latency of an event that reached a subscriber at `atNs`, or nothing when its
    /// acknowledgement has not been read yet: the arrival is then held, and its latency joins
    /// earlyLatencies() once the acknowledgement comes (0 when the event arrived first).
    std::optional<double> arrived(qint64 auctionId, qint64 seq, qint64 atNs);

    qint64 highestAcknowledged(qint64 auctionId) const;
    /// Arrivals read before their acknowledgement was, and how many of them had in fact arrived
    /// before it (their latency is 0).
    qint64 earlyArrivals() const;
    qint64 arrivalsBeforeAck() const;
    /// The delivery latencies of the early arrivals, known once their acknowledgement came.
    LatencySamples earlyLatencies() const;
    /// Arrivals whose acknowledgement never came (another client's bid, or an answer lost).
    qint64 unmatchedArrivals() const;

private:
    using Key = QPair<qint64, qint64>;
    const bool m_keepTimes;
    mutable std::mutex m_mutex;
    QHash<Key, qint64> m_ackNs;
    QHash<Key, QList<qint64>> m_waiting; // arrival times read before the acknowledgement
    QHash<qint64, qint64> m_highest;
    qint64 m_early = 0;
    qint64 m_beforeAck = 0;
    LatencySamples m_earlyLatencies;
};

} // namespace nb::bench::load
