#include "server/services/BidBoard.h"

#include "server/services/BidRules.h"

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
    if (minimum)
        return {Verdict::Kind::TooLow, *minimum};
    return {Verdict::Kind::Plausible, 0};
}

void BidBoard::sawCommitted(const storage::auctions::AuctionRow& committed)
{
    std::lock_guard lock(m_mutex);
    auto it = m_auctions.find(committed.id);
    if (it == m_auctions.end()) {
        if (committed.bidCount != 0)
            return; // bids nobody here recorded
        makeRoom();
        it = m_auctions.insert(committed.id, Entry{committed, {}, {}});
        it->since.start();
        return;
    }
    if (committed.seq < it->state.seq)
        return; // older than what the board holds
    // More bids than the board recorded: another instance's, or this instance's own commit not
    // yet recorded (committedBid() tells them apart under the row lock). Not trusted either way.
    if (committed.bidCount != it->state.bidCount)
        return;
    it->state = committed;
    it->since.start();
}

void BidBoard::committedBid(const storage::auctions::AuctionRow& underLock,
                            const storage::auctions::AuctionRow& after, qint64 bidderId,
                            const QString& requestId)
{
    std::lock_guard lock(m_mutex);
    auto it = m_auctions.find(underLock.id);
    if (it == m_auctions.end()) {
        if (underLock.bidCount != 0)
            return;
        makeRoom();
        it = m_auctions.insert(underLock.id, Entry{underLock, {}, {}});
    } else if (it->state.bidCount != underLock.bidCount || it->accepted.size() >= kMaxBidsPerAuction) {
        m_auctions.erase(it); // bids this instance did not see, or too many to keep
        return;
    }
    it->state = after;
    it->since.start();
    it->accepted.insert(key(bidderId, requestId));
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
