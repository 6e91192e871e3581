#include "server/services/AuctionLanes.h"

#include "server/services/BidRules.h"

namespace nb::services {

AuctionLanes::Turn::Turn(AuctionLanes& lanes, qint64 auctionId)
    : m_lanes(lanes)
    , m_auctionId(auctionId)
{
    {
        std::lock_guard lock(m_lanes.m_mutex);
        std::shared_ptr<Lane>& lane = m_lanes.m_lanes[auctionId];
        if (!lane)
            lane = std::make_shared<Lane>();
        m_lane = lane;
    }
    m_lane->turn.lock();
}

AuctionLanes::Turn::~Turn()
{
    m_lane->turn.unlock();
    std::lock_guard lock(m_lanes.m_mutex);
    // Only the map and this turn still hold the lane: nobody waits in it, so it can go.
    if (m_lane.use_count() == 2)
        m_lanes.m_lanes.remove(m_auctionId);
}

std::optional<storage::auctions::AuctionRow> AuctionLanes::Turn::known() const
{
    if (!m_lane->known)
        return std::nullopt;
    return seenAgo(*m_lane->known, m_lane->knownSince.elapsed());
}

void AuctionLanes::Turn::learn(const storage::auctions::AuctionRow& committed)
{
    if (m_lane->known && m_lane->known->seq > committed.seq)
        return;
    m_lane->known = committed;
    m_lane->knownSince.start();
}

} // namespace nb::services
