#include "client/net/Backoff.h"

#include <QRandomGenerator>

#include <algorithm>

namespace nb::client {

Backoff::Backoff(int minimumMs, int maximumMs)
    : m_minimumMs(std::max(1, minimumMs))
    , m_maximumMs(std::max(m_minimumMs, maximumMs))
{}

int Backoff::nextDelayMs()
{
    const int shift = std::min(m_attempt, 20);
    const qint64 base = std::min<qint64>(m_maximumMs, qint64(m_minimumMs) << shift);
    ++m_attempt;
    // ±25 % jitter, kept inside [minimum, maximum].
    const double factor = 0.75 + 0.5 * QRandomGenerator::global()->generateDouble();
    const qint64 jittered = qRound64(static_cast<double>(base) * factor);
    return static_cast<int>(std::clamp<qint64>(jittered, m_minimumMs, m_maximumMs));
}

} // namespace nb::client
