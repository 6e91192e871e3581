#include "tests/bench/load/AckRegistry.h"

#include "tests/bench/load/SteadyTime.h"

namespace nb::bench::load {

AckRegistry::AckRegistry(bool keepTimes)
    : m_keepTimes(keepTimes)
{}

void AckRegistry::acknowledged(qint64 auctionId, qint64 seq, qint64 atNs)
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    qint64& highest = m_highest[auctionId];
    if (seq > highest)
        highest = seq;
    if (!m_keepTimes)
        return;
    const Key key{auctionId, seq};
    m_ackNs.insert(key, atNs);
    if (const auto it = m_waiting.find(key); it != m_waiting.end()) {
        for (const qint64 arrivalNs : it.value()) {
            ++m_early;
            if (arrivalNs <= atNs)
                ++m_beforeAck;
            m_earlyLatencies.add(nsToMs(arrivalNs > atNs ? arrivalNs - atNs : 0));
        }
        m_waiting.erase(it);
    }
}

std::optional<double> AckRegistry::arrived(qint64 auctionId, qint64 seq, qint64 atNs)
{
    if (!m_keepTimes)
        return std::nullopt;
    const Key key{auctionId, seq};
    const std::lock_guard<std::mutex> lock(m_mutex);
    if (const auto it = m_ackNs.constFind(key); it != m_ackNs.constEnd())
        return nsToMs(atNs > it.value() ? atNs - it.value() : 0);
    m_waiting[key].append(atNs);
    return std::nullopt;
}

qint64 AckRegistry::highestAcknowledged(qint64 auctionId) const
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    return m_highest.value(auctionId, 0);
}

qint64 AckRegistry::earlyArrivals() const
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    return m_early;
}

qint64 AckRegistry::arrivalsBeforeAck() const
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    return m_beforeAck;
}

LatencySamples AckRegistry::earlyLatencies() const
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    return m_earlyLatencies;
}

qint64 AckRegistry::unmatchedArrivals() const
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    qint64 total = 0;
    for (const QList<qint64>& arrivals : m_waiting)
        total += arrivals.size();
    return total;
}

} // namespace nb::bench::load
