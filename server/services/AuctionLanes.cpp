#include "server/services/AuctionLanes.h"

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

} // namespace nb::services
