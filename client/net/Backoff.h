#pragma once

#include <QtGlobal>

namespace nb::client {

/// Reconnect delays: exponential from the minimum to the maximum, each with random jitter so that
/// many clients dropped at once do not all come back in the same instant.
class Backoff {
public:
    Backoff(int minimumMs = 500, int maximumMs = 15'000);

    /// The delay before the next attempt; each call doubles the next one up to the maximum.
    int nextDelayMs();
    void reset() { m_attempt = 0; }
    int attempts() const { return m_attempt; }
    int minimumMs() const { return m_minimumMs; }
    int maximumMs() const { return m_maximumMs; }

private:
    int m_minimumMs;
    int m_maximumMs;
    int m_attempt = 0;
};

} // namespace nb::client
