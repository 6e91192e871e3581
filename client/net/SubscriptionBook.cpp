#include "client/net/SubscriptionBook.h"

namespace nb::client {

void SubscriptionBook::add(qint64 auctionId)
{
    if (!m_entries.contains(auctionId))
        m_entries.insert(auctionId, Entry{});
}

void SubscriptionBook::remove(qint64 auctionId)
{
    m_entries.remove(auctionId);
}

std::optional<qint64> SubscriptionBook::lastSeq(qint64 auctionId) const
{
    const auto it = m_entries.constFind(auctionId);
    return it == m_entries.constEnd() ? std::nullopt : it->lastSeq;
}

SubscriptionBook::Verdict SubscriptionBook::judge(qint64 auctionId, qint64 seq, qint64 nowMs)
{
    const auto it = m_entries.find(auctionId);
    if (it == m_entries.end())
        return Verdict::NotSubscribed;
    Entry& entry = it.value();
    if (!entry.lastSeq) {
        // The server sends the snapshot before any event; an event first means we joined late.
        entry.lastSeq = seq;
        return Verdict::Apply;
    }
    if (seq <= *entry.lastSeq)
        return Verdict::Duplicate;
    if (seq == *entry.lastSeq + 1) {
        entry.lastSeq = seq;
        return Verdict::Apply;
    }
    if (entry.resyncing && nowMs - entry.resyncStartedMs < kResyncPatienceMs)
        return Verdict::GapPending;
    return Verdict::Gap;
}

void SubscriptionBook::snapshot(qint64 auctionId, qint64 seq)
{
    const auto it = m_entries.find(auctionId);
    if (it == m_entries.end())
        return;
    it->lastSeq = seq;
    it->resyncing = false;
}

void SubscriptionBook::settled(qint64 auctionId)
{
    const auto it = m_entries.find(auctionId);
    if (it != m_entries.end())
        it->resyncing = false;
}

void SubscriptionBook::resyncStarted(qint64 auctionId, qint64 nowMs)
{
    const auto it = m_entries.find(auctionId);
    if (it == m_entries.end())
        return;
    it->resyncing = true;
    it->resyncStartedMs = nowMs;
}

} // namespace nb::client
