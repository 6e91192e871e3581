#include "server/services/BidBoard.h"

#include "server/services/BidRules.h"

#include <algorithm>

namespace nb::services {

QString BidBoard::key(qint64 bidderId, const QString& requestId)
{
    return QString::number(bidderId) + QLatin1Char(':') + requestId;
}

BidBoard::Verdict BidBoard::judge(qint64 auctionId, qint64 bidderId, Won amount, std::optional<Won> maxAmount,
                                  const QString& requestId) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_auctions.constFind(auctionId);
    if (it == m_auctions.constEnd() || it->since.elapsed() > kMaxAgeMs)
        return {};
    if (it->accepted.contains(key(bidderId, requestId)))
        return {}; // a repeat: its first answer is in the database
    const auto minimum =
        certainlyTooLow(seenAgo(it->state, it->since.elapsed()), bidderId, amount, maxAmount);
    if (!minimum)
        return {Verdict::Kind::Plausible, 0};
    // A repeat carries its first amount; one of a bid the record missed was at most the bound.
    if (amount <= it->unrecordedUpTo)
        return {};
    return {Verdict::Kind::TooLow, *minimum};
}

BidBoard::Entry& BidBoard::anchor(const storage::auctions::AuctionRow& committed)
{
    auto it = m_auctions.find(committed.id);
    if (it == m_auctions.end()) {
        makeRoom();
        it = m_auctions.insert(committed.id, Entry{});
    }
    Entry& entry = *it;
    entry.state = committed;
    entry.since.start();
    // Every bid the state counts was at most the leader's maximum then (a plain bid's maximum is
    // its amount; the price never exceeds the leader's maximum).
    if (committed.bidCount != 0)
        entry.unrecordedUpTo =
            std::max({entry.unrecordedUpTo, committed.highMax.value_or(0), committed.currentPrice});
    return entry;
}

void BidBoard::sawCommitted(const storage::auctions::AuctionRow& committed)
{
    std::lock_guard lock(m_mutex);
    const auto it = m_auctions.find(committed.id);
    if (it != m_auctions.end() && committed.seq < it->state.seq)
        return; // older than what the board holds
    if (it == m_auctions.end() || committed.bidCount != it->state.bidCount) {
        // New to the board, or more bids than it recorded: another instance's, or this
        // instance's own commit not yet recorded. Either way they are under the new bound.
        anchor(committed);
        return;
    }
    it->state = committed;
    it->since.start();
}

void BidBoard::committedBid(const storage::auctions::AuctionRow& underLock,
                            const storage::auctions::AuctionRow& after, qint64 bidderId,
                            const QString& requestId)
{
    std::lock_guard lock(m_mutex);
    const auto it = m_auctions.find(underLock.id);
    Entry* entry = it == m_auctions.end() ? nullptr : &*it;
    if (entry && entry->accepted.size() >= kMaxBidsPerAuction) {
        // Too many to keep: the record starts again from this bid's state, which bounds them.
        entry->accepted.clear();
        anchor(after);
        return;
    }
    if (!entry || entry->state.bidCount != underLock.bidCount)
        entry = &anchor(underLock); // bids this instance did not see
    entry->state = after;
    entry->since.start();
    entry->accepted.insert(key(bidderId, requestId));
}

void BidBoard::clear()
{
    std::lock_guard lock(m_mutex);
    m_auctions.clear();
}

void BidBoard::makeRoom()
{
    if (m_auctions.size() < kMaxAuctions)
        return;
    for (auto it = m_auctions.begin(); it != m_auctions.end();) {
        if (it->since.elapsed() > kMaxAgeMs)
            it = m_auctions.erase(it);
        else
            ++it;
    }
    if (m_auctions.size() >= kMaxAuctions)
        m_auctions.clear(); // every one busy: start again from the database
}

} // namespace nb::services
