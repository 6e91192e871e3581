#pragma once

#include <QHash>
#include <QString>

#include <array>
#include <atomic>
#include <mutex>

namespace nb::storage {
class ConnectionPool;
}

namespace nb::transport {

/// The server's counters, gauges and latency histograms, rendered in Prometheus text format for
/// GET /metrics. Thread-safe: updated from the socket threads and the workers.
class Metrics {
public:
    /// http_requests_total{route, status}: route is the pattern ("/api/v1/auctions/<id>").
    void countHttpRequest(const QString& route, int status);
    /// neighborbid_bids_total{outcome}: "accepted" or the error code of a refusal.
    void countBid(const QString& outcome);
    /// neighborbid_events_delivered_total: messages pushed to WebSocket peers.
    void countEventsDelivered(qint64 count);
    /// neighborbid_push_writes_total: writes of pushed messages at the end of a pass of the event
    /// loop (SendCoalescer). The messages pushed to one peer in one pass share one, so
    /// events_delivered divided by this is about how many went per write (more under load).
    void countPushWrites(qint64 count);
    /// neighborbid_ws_connections: open WebSocket connections.
    void setWebSocketConnections(int count);
    /// neighborbid_request_seconds{kind}: "http", "ws_bid", "ws_buy_now", … latency histogram.
    void observeLatency(const QString& kind, double seconds);

    QString render(const storage::ConnectionPool* pool) const;

private:
    static constexpr std::array<double, 12> kBuckets{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                     0.05,   0.1,   0.25,   0.5,   1.0,  2.5};
    struct Histogram {
        std::array<qint64, kBuckets.size()> counts{};
        qint64 total = 0;
        double sum = 0;
    };

    mutable std::mutex m_mutex;
    QHash<QString, qint64> m_httpRequests; // "route\nstatus" -> count
    QHash<QString, qint64> m_bids;
    QHash<QString, Histogram> m_latency;
    std::atomic<qint64> m_eventsDelivered{0};
    std::atomic<qint64> m_pushWrites{0};
    std::atomic<int> m_wsConnections{0};
};

} // namespace nb::transport
