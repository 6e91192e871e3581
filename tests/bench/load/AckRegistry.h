#pragma once

#include <QHash>
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
    /// The delivery latency of an event arriving now, or nothing when its acknowledgement has not
    /// come back yet: it is then held and counted with latency 0 once the acknowledgement arrives.
    std::optional<double> arrived(qint64 auctionId, qint64 seq, qint64 atNs);

    qint64 highestAcknowledged(qint64 auctionId) const;
    /// Arrivals that beat their acknowledgement and were counted as 0 ms once it came.
    qint64 earlyArrivals() const;
    /// Arrivals whose acknowledgement never came (another client's bid, or an answer lost).
    qint64 unmatchedArrivals() const;

private:
    using Key = QPair<qint64, qint64>;
    const bool m_keepTimes;
    mutable std::mutex m_mutex;
    QHash<Key, qint64> m_ackNs;
    QHash<Key, qint64> m_waiting; // arrivals before the acknowledgement, by count
    QHash<qint64, qint64> m_highest;
    qint64 m_early = 0;
};

} // namespace nb::bench::load
