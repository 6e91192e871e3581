#include "server/transport/Metrics.h"

#include "server/storage/ConnectionPool.h"

#include <QStringList>

namespace nb::transport {

namespace {

QString escapeLabel(QString value)
{
    return value.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
        .replace(QLatin1Char('"'), QLatin1String("\\\""));
}

} // namespace

void Metrics::countHttpRequest(const QString& route, int status)
{
    std::lock_guard lock(m_mutex);
    ++m_httpRequests[route + QLatin1Char('\n') + QString::number(status)];
}

void Metrics::countBid(const QString& outcome)
{
    std::lock_guard lock(m_mutex);
    ++m_bids[outcome];
}

void Metrics::countEventsDelivered(qint64 count)
{
    m_eventsDelivered.fetch_add(count, std::memory_order_relaxed);
}

void Metrics::countPushWrites(qint64 count)
{
    m_pushWrites.fetch_add(count, std::memory_order_relaxed);
}

void Metrics::setWebSocketConnections(int count)
{
    m_wsConnections.store(count, std::memory_order_relaxed);
}

void Metrics::observeLatency(const QString& kind, double seconds)
{
    std::lock_guard lock(m_mutex);
    Histogram& h = m_latency[kind];
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
        if (seconds <= kBuckets[i])
            ++h.counts[i];
    }
    ++h.total;
    h.sum += seconds;
}

QString Metrics::render(const storage::ConnectionPool* pool) const
{
    QStringList out;
    std::lock_guard lock(m_mutex);
    out << QStringLiteral("# HELP http_requests_total HTTP requests by route pattern and status.")
        << QStringLiteral("# TYPE http_requests_total counter");
    for (auto it = m_httpRequests.cbegin(); it != m_httpRequests.cend(); ++it) {
        const QStringList parts = it.key().split(QLatin1Char('\n'));
        out << QStringLiteral("http_requests_total{route=\"%1\",status=\"%2\"} %3")
                   .arg(escapeLabel(parts.value(0)), parts.value(1))
                   .arg(it.value());
    }
    out << QStringLiteral("# HELP neighborbid_bids_total Bids decided, by outcome (accepted or error code).")
        << QStringLiteral("# TYPE neighborbid_bids_total counter");
    for (auto it = m_bids.cbegin(); it != m_bids.cend(); ++it)
        out << QStringLiteral("neighborbid_bids_total{outcome=\"%1\"} %2")
                   .arg(escapeLabel(it.key()))
                   .arg(it.value());
    out << QStringLiteral(
               "# HELP neighborbid_events_delivered_total Event messages pushed to WebSocket peers.")
        << QStringLiteral("# TYPE neighborbid_events_delivered_total counter")
        << QStringLiteral("neighborbid_events_delivered_total %1").arg(m_eventsDelivered.load())
        << QStringLiteral("# HELP neighborbid_push_writes_total Writes of pushed messages; those pushed "
                          "to one peer in one pass of the event loop share one.")
        << QStringLiteral("# TYPE neighborbid_push_writes_total counter")
        << QStringLiteral("neighborbid_push_writes_total %1").arg(m_pushWrites.load())
        << QStringLiteral("# HELP neighborbid_ws_connections Open WebSocket connections.")
        << QStringLiteral("# TYPE neighborbid_ws_connections gauge")
        << QStringLiteral("neighborbid_ws_connections %1").arg(m_wsConnections.load());
    if (pool) {
        out << QStringLiteral("# HELP neighborbid_db_pool_connections Database connections by state.")
            << QStringLiteral("# TYPE neighborbid_db_pool_connections gauge")
            << QStringLiteral("neighborbid_db_pool_connections{state=\"in_use\"} %1").arg(pool->inUse())
            << QStringLiteral("neighborbid_db_pool_connections{state=\"max\"} %1").arg(pool->size());
    }
    out << QStringLiteral("# HELP neighborbid_request_seconds Time to answer a request, by kind.")
        << QStringLiteral("# TYPE neighborbid_request_seconds histogram");
    for (auto it = m_latency.cbegin(); it != m_latency.cend(); ++it) {
        const QString kind = escapeLabel(it.key());
        const Histogram& h = it.value();
        for (std::size_t i = 0; i < kBuckets.size(); ++i) {
            out << QStringLiteral("neighborbid_request_seconds_bucket{kind=\"%1\",le=\"%2\"} %3")
                       .arg(kind)
                       .arg(kBuckets[i])
                       .arg(h.counts[i]);
        }
        out << QStringLiteral("neighborbid_request_seconds_bucket{kind=\"%1\",le=\"+Inf\"} %2")
                   .arg(kind)
                   .arg(h.total)
            << QStringLiteral("neighborbid_request_seconds_sum{kind=\"%1\"} %2").arg(kind).arg(h.sum)
            << QStringLiteral("neighborbid_request_seconds_count{kind=\"%1\"} %2").arg(kind).arg(h.total);
    }
    return out.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace nb::transport
