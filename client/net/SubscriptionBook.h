#pragma once

#include <QHash>
#include <QList>

#include <optional>

namespace nb::client {

/// LiveClient's memory of what it follows: the auctions subscribed and, for each, the last seq
/// applied. Judges every incoming auction event by its seq (PROTOCOL.md: seq grows by exactly 1
/// per event): the next one applies, an old one is a duplicate, a later one reveals a gap that a
/// re-subscription with since_seq fills.
class SubscriptionBook {
public:
    enum class Verdict {
        Apply,         // seq is the next one (or the first seen): apply it
        Duplicate,     // seq <= last: already applied, drop
        Gap,           // seq > last + 1: drop it and re-subscribe with since_seq = last
        GapPending,    // a gap while a re-subscription is already under way: drop, wait
        NotSubscribed, // an event for an auction no longer followed
    };

    /// How long a re-subscription may take before another gap asks for a new one.
    static constexpr qint64 kResyncPatienceMs = 5000;

    void add(qint64 auctionId);
    void remove(qint64 auctionId);
    void clear() { m_entries.clear(); }
    bool contains(qint64 auctionId) const { return m_entries.contains(auctionId); }
    QList<qint64> auctionIds() const { return m_entries.keys(); }
    std::optional<qint64> lastSeq(qint64 auctionId) const;

    Verdict judge(qint64 auctionId, qint64 seq, qint64 nowMs);
    /// A snapshot is the whole state at its seq: it replaces whatever was held.
    void snapshot(qint64 auctionId, qint64 seq);
    /// The server finished a (re-)subscription.
    void settled(qint64 auctionId);
    /// A re-subscription was sent for the auction.
    void resyncStarted(qint64 auctionId, qint64 nowMs);

private:
    struct Entry {
        std::optional<qint64> lastSeq;
        bool resyncing = false;
        qint64 resyncStartedMs = 0;
    };
    QHash<qint64, Entry> m_entries;
};

} // namespace nb::client
