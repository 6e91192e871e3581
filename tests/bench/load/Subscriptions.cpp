#include "tests/bench/load/Subscriptions.h"

#include "tests/bench/load/WsConnection.h"

#include <algorithm>

namespace nb::bench::load {

namespace {

constexpr qint64 kNsPerMs = 1'000'000;

} // namespace

Subscriptions::Subscriptions(const QList<qint64>& auctionIds)
{
    for (const qint64 id : auctionIds) {
        if (!m_streams.contains(id)) {
            m_streams.insert(id, SeqStream{});
            m_queue.push_back(id);
        }
    }
}

void Subscriptions::start(WsConnection& connection, qint64 nowNs)
{
    tick(connection, nowNs);
}

void Subscriptions::tick(WsConnection& connection, qint64 nowNs)
{
    if (nowNs < m_pausedUntilNs)
        return;
    if (m_gapNs > 0) {
        if (m_pending.isEmpty() && nowNs - m_lastSentNs >= m_gapNs) {
            m_lastSentNs = nowNs;
            sendMore(connection, 1);
        }
        return;
    }
    sendMore(connection, kWindow);
}

void Subscriptions::sendMore(WsConnection& connection, int window)
{
    while (!m_queue.empty() && m_pending.size() < window) {
        const qint64 auctionId = m_queue.front();
        m_queue.pop_front();
        const QString requestId = QStringLiteral("sub-%1").arg(++m_nextRequest);
        m_pending.insert(requestId, auctionId);
        connection.send(
            QJsonObject{{"type", "subscribe"}, {"auction_id", auctionId}, {"request_id", requestId}});
    }
}

bool Subscriptions::handle(WsConnection& connection, const QJsonObject& message, qint64 nowNs,
                           RunStats& stats, QJsonObject* snapshot)
{
    const QString requestId = message.value(QLatin1String("request_id")).toString();
    const auto it = m_pending.find(requestId);
    if (requestId.isEmpty() || it == m_pending.end())
        return false;
    const qint64 auctionId = it.value();
    m_pending.erase(it);
    const QString type = message.value(QLatin1String("type")).toString();
    if (type == QLatin1String("snapshot")) {
        const QJsonObject auction = message.value(QLatin1String("auction")).toObject();
        const qint64 seq = auction.value(QLatin1String("seq")).toInteger();
        m_streams[auctionId].snapshot(seq);
        const QJsonValue high = auction.value(QLatin1String("high_bidder_id"));
        m_snapshots.insert(
            auctionId,
            AuctionState{seq, auction.value(QLatin1String("min_next_bid")).toInteger(),
                         high.isDouble() ? std::optional<qint64>(high.toInteger()) : std::nullopt});
        if (snapshot)
            *snapshot = auction;
    } else {
        const QJsonObject error = message.value(QLatin1String("error")).toObject();
        const QString code = error.value(QLatin1String("code")).toString(QStringLiteral("unexpected_answer"));
        if (code == QLatin1String("rate_limited")) {
            // Setting up is not the measured load: wait as told and try again, one at a time.
            stats.note(QStringLiteral("subscribe_rate_limited"));
            const qint64 retryMs = error.value(QLatin1String("details"))
                                       .toObject()
                                       .value(QLatin1String("retry_after_ms"))
                                       .toInteger(100);
            m_gapNs = std::max(m_gapNs, std::max<qint64>(retryMs, 10) * kNsPerMs);
            m_pausedUntilNs = std::max(m_pausedUntilNs, nowNs + m_gapNs);
            m_queue.push_front(auctionId);
            return true;
        }
        stats.error(code);
        ++m_failures;
    }
    tick(connection, nowNs);
    return true;
}

std::optional<SeqStream::Verdict> Subscriptions::event(qint64 auctionId, qint64 seq)
{
    const auto it = m_streams.find(auctionId);
    if (it == m_streams.end())
        return std::nullopt;
    return it.value().event(seq);
}

QList<StreamReport> Subscriptions::reports() const
{
    QList<StreamReport> out;
    for (auto it = m_streams.cbegin(); it != m_streams.cend(); ++it) {
        const SeqStream& s = it.value();
        out.append(StreamReport{it.key(), s.hasSnapshot(), s.snapshotSeq(), s.lastSeq(), s.received(),
                                s.gapLost(), s.duplicates(), s.early()});
    }
    return out;
}

} // namespace nb::bench::load
