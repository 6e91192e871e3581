#pragma once

#include <QtGlobal>

#include <vector>

namespace nb::bench::load {

/// One auction's events as one connection receives them. From the snapshot's seq every event
/// must be the next one: a jump counts the skipped seqs as lost (never healed by resubscribing,
/// which would hide the loss), a repeat or older seq as a duplicate.
class SeqStream {
public:
    enum class Verdict { InOrder, Gap, Duplicate, BeforeSnapshot };

    void snapshot(qint64 seq);
    Verdict event(qint64 seq);

    bool hasSnapshot() const { return m_hasSnapshot; }
    qint64 snapshotSeq() const { return m_snapshotSeq; }
    qint64 lastSeq() const { return m_lastSeq; }
    qint64 received() const { return m_received; }
    qint64 gapLost() const { return m_gapLost; }
    qint64 duplicates() const { return m_duplicates; }
    /// Events that came before the snapshot and were covered by it.
    qint64 early() const { return m_early; }

private:
    bool m_hasSnapshot = false;
    qint64 m_snapshotSeq = 0;
    qint64 m_lastSeq = 0;
    qint64 m_received = 0;
    qint64 m_gapLost = 0;
    qint64 m_duplicates = 0;
    qint64 m_early = 0;
    std::vector<qint64> m_beforeSnapshot;
};

} // namespace nb::bench::load
