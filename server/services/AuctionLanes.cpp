#include "server/services/AuctionLanes.h"

#include "server/services/BidRules.h"

#include <future>
#include <utility>
#include <vector>

namespace nb::services {

std::optional<Won> AuctionLanes::Lane::refusal(const Entrant& bid) const
{
    if (!known)
        return std::nullopt;
    return certainlyTooLow(seenAgo(*known, knownSince.elapsed()), bid.bidderId, bid.amount, bid.maxAmount);
}

AuctionLanes::Turn::Turn(AuctionLanes& lanes, qint64 auctionId, std::shared_ptr<Lane> lane)
    : m_lanes(lanes)
    , m_auctionId(auctionId)
    , m_lane(std::move(lane))
{}

AuctionLanes::Turn::~Turn()
{
    m_lanes.pass(m_auctionId, m_lane);
}

void AuctionLanes::Turn::learn(const storage::auctions::AuctionRow& state)
{
    std::lock_guard lock(m_lane->mutex);
    if (m_lane->known && m_lane->known->seq > state.seq)
        return;
    m_lane->known = state;
    m_lane->knownSince.start();
}

std::optional<AuctionLanes::Entry> AuctionLanes::enter(qint64 auctionId, const Entrant& bid, Moved moved)
{
    std::shared_ptr<Lane> lane;
    {
        std::lock_guard lock(m_mutex);
        std::shared_ptr<Lane>& slot = m_lanes[auctionId];
        if (!slot)
            slot = std::make_shared<Lane>();
        lane = slot;
    }
    std::unique_lock lock(lane->mutex);
    if (const auto minimum = lane->refusal(bid)) {
        lock.unlock();
        dropIfIdle(auctionId, lane);
        return Entry{nullptr, *minimum};
    }
    if (!lane->taken) {
        lane->taken = true;
        return Entry{std::unique_ptr<Turn>(new Turn(*this, auctionId, lane)), 0};
    }
    lane->waiting.push_back(Waiter{bid, std::move(moved)});
    return std::nullopt;
}

AuctionLanes::Entry AuctionLanes::enterAndWait(qint64 auctionId, const Entrant& bid)
{
    auto decided = std::make_shared<std::promise<Entry>>();
    std::future<Entry> entry = decided->get_future();
    if (auto now = enter(auctionId, bid, [decided](Entry e) { decided->set_value(std::move(e)); }))
        return std::move(*now);
    return entry.get();
}

void AuctionLanes::pass(qint64 auctionId, const std::shared_ptr<Lane>& lane)
{
    // Every waiting bid now certainly too low is refused, in one pass, and the first that can
    // still win gets the turn; they hear it once the lane is unlocked.
    std::vector<std::pair<Moved, Entry>> decided;
    {
        std::lock_guard lock(lane->mutex);
        lane->taken = false;
        while (!lane->waiting.empty() && !lane->taken) {
            Waiter next = std::move(lane->waiting.front());
            lane->waiting.pop_front();
            if (const auto minimum = lane->refusal(next.bid)) {
                decided.emplace_back(std::move(next.moved), Entry{nullptr, *minimum});
            } else {
                lane->taken = true;
                decided.emplace_back(std::move(next.moved),
                                     Entry{std::unique_ptr<Turn>(new Turn(*this, auctionId, lane)), 0});
            }
        }
    }
    dropIfIdle(auctionId, lane);
    for (auto& [moved, entry] : decided)
        moved(std::move(entry));
}

void AuctionLanes::dropIfIdle(qint64 auctionId, const std::shared_ptr<Lane>& lane)
{
    // A lane nobody holds or waits in goes, with what it knows; one that another bid is
    // entering (holding a reference of its own) stays.
    std::lock_guard mapLock(m_mutex);
    std::lock_guard laneLock(lane->mutex);
    const auto it = m_lanes.constFind(auctionId);
    if (it != m_lanes.constEnd() && it.value() == lane && !lane->taken && lane->waiting.empty() &&
        lane.use_count() == 2)
        m_lanes.erase(it);
}

} // namespace nb::services
