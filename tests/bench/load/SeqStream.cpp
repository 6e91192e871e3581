#include "tests/bench/load/SeqStream.h"

namespace nb::bench::load {

void SeqStream::snapshot(qint64 seq)
{
    m_hasSnapshot = true;
    m_snapshotSeq = seq;
    m_lastSeq = seq;
    // The server holds events until the snapshot is out; should one slip ahead, the snapshot
    // covers it or it continues the stream.
    const std::vector<qint64> waiting = std::move(m_beforeSnapshot);
    m_beforeSnapshot.clear();
    for (const qint64 s : waiting) {
        if (s <= m_snapshotSeq)
            ++m_early;
        else
            event(s);
    }
}

SeqStream::Verdict SeqStream::event(qint64 seq)
{
    if (!m_hasSnapshot) {
        m_beforeSnapshot.push_back(seq);
        return Verdict::BeforeSnapshot;
    }
    if (seq <= m_lastSeq) {
        ++m_duplicates;
        return Verdict::Duplicate;
    }
    const Verdict verdict = seq == m_lastSeq + 1 ? Verdict::InOrder : Verdict::Gap;
    m_gapLost += seq - m_lastSeq - 1;
    m_lastSeq = seq;
    ++m_received;
    return verdict;
}

} // namespace nb::bench::load
