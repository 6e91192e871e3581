#pragma once

#include <QString>

#include <functional>

namespace nb::transport {

/// How the REST API protects itself and what it reports. The defaults are the production values;
/// tests shrink them to reach the limits quickly.
struct HttpOptions {
    /// A larger JSON request body is refused with 413 payload_too_large, before it is read in
    /// full. Image uploads have their own bound (ImageService::kMaxBytes).
    qint64 maxBodyBytes = 64 * 1024;
    /// The Redis bridge's state for /api/v1/health ("ok" | "off" | "down"); unset: "off".
    /// Called on a worker thread, so it must be thread-safe (RedisBridge::status() is).
    std::function<QString()> redisStatus;
    /// false: /metrics answers only peers on a loopback address (403 forbidden to others).
    bool metricsPublic = true;

    /// Suggested limits for the RateLimiter handed to HttpApi (per "user:ID" or "ip:ADDR" key):
    /// well above what a person or the desktop client sends, well below a flood.
    static constexpr double kRatePerSecond = 50;
    static constexpr double kRateBurst = 100;
};

} // namespace nb::transport
