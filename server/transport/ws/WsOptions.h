#pragma once

#include <QStringList>

namespace nb::transport {

/// How the WebSocket hub protects itself. The defaults are the production values; tests shrink
/// them to reach the limits quickly.
struct WsOptions {
    /// Origins allowed to open a connection ("https://app.example:8443"); empty: any Origin.
    /// A handshake without an Origin header (desktop clients, scripts) is always allowed.
    QStringList allowedOrigins;
    /// A larger incoming frame or message closes the connection with 1009.
    qint64 maxFrameBytes = 64 * 1024;
    /// A peer whose unsent bytes pass this bound is cut off (close 1008): it stopped reading.
    qint64 maxSendQueueBytes = 1 << 20;
    /// A connection refused this many times by the rate limiter within floodWindowMs is closed
    /// with 1008.
    int floodRejections = 20;
    int floodWindowMs = 10'000;
    /// Auctions one connection may follow at once.
    int maxSubscriptions = 256;
};

} // namespace nb::transport
