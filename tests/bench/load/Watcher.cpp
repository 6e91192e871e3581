#include "tests/bench/load/Watcher.h"

#include "tests/bench/load/AckRegistry.h"
#include "tests/bench/load/RunStats.h"
#include "tests/bench/load/SteadyTime.h"

namespace nb::bench::load {

namespace {

constexpr qint64 kOpenTimeoutNs = 20'000'000'000;

} // namespace

Watcher::Watcher(WatcherSetup setup, RunStats& stats, AckRegistry& acks)
    : m_setup(std::move(setup))
    , m_stats(stats)
    , m_acks(acks)
    , m_connection(m_setup.url, m_setup.token, *this)
    , m_subscriptions(m_setup.auctions)
{}

void Watcher::open(qint64 nowNs)
{
    m_connection.open(nowNs);
}

bool Watcher::settled() const
{
    if (m_connection.state() == WsConnection::State::Opening)
        return false;
    return !m_connection.isReady() || m_subscriptions.settled();
}

bool Watcher::ready() const
{
    return m_connection.isReady() && m_subscriptions.settled() && m_subscriptions.failures() == 0;
}

void Watcher::tick(qint64 nowNs)
{
    m_connection.checkOpenDeadline(nowNs, kOpenTimeoutNs);
    if (m_connection.isReady())
        m_subscriptions.tick(m_connection, nowNs);
}

bool Watcher::caughtUp(const AckRegistry& acks) const
{
    return !m_connection.isReady() ||
           m_subscriptions.caughtUp([&acks](qint64 id) { return acks.highestAcknowledged(id); });
}

void Watcher::report(RunStats& stats) const
{
    stats.streams.append(m_subscriptions.reports());
}

void Watcher::collectStates(QHash<qint64, AuctionState>& into) const
{
    for (auto it = m_subscriptions.snapshots().cbegin(); it != m_subscriptions.snapshots().cend(); ++it)
        into.insert(it.key(), it.value());
}

void Watcher::close()
{
    m_connection.close();
}

void Watcher::onWelcome(WsConnection& connection, const QJsonObject&)
{
    m_subscriptions.start(connection, steadyNowNs());
}

void Watcher::onMessage(WsConnection& connection, const QJsonObject& message)
{
    if (m_subscriptions.handle(connection, message, steadyNowNs(), m_stats))
        return;
    // Signed-in subscribers also get their wallet and notifications; nothing else is expected.
    if (message.value(QLatin1String("type")).toString() == QLatin1String("error"))
        m_stats.error(
            message.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString());
}

void Watcher::onAuctionEvent(WsConnection&, const ScannedEvent& event, const QString&, qint64 arrivalNs)
{
    const std::optional<SeqStream::Verdict> verdict = m_subscriptions.event(event.auctionId, event.seq);
    if (!verdict) {
        m_stats.note(QStringLiteral("events_of_unfollowed_auctions"));
        return;
    }
    if (!m_setup.measureDelivery ||
        (*verdict != SeqStream::Verdict::InOrder && *verdict != SeqStream::Verdict::Gap))
        return;
    m_stats.readDelayMs.add(nsToMs(steadyNowNs() - arrivalNs));
    if (const std::optional<double> ms = m_acks.arrived(event.auctionId, event.seq, arrivalNs))
        m_stats.deliveryMs.add(*ms);
}

void Watcher::onFailure(WsConnection&, const QString& code, const QString&)
{
    m_stats.error(code);
}

} // namespace nb::bench::load
