#include "tests/bench/load/IdleHolder.h"

#include "tests/bench/load/RunStats.h"

namespace nb::bench::load {

namespace {

constexpr qint64 kOpenTimeoutNs = 30'000'000'000;

} // namespace

IdleHolder::IdleHolder(QUrl url, QString token, RunStats& stats)
    : m_stats(stats)
    , m_connection(std::move(url), std::move(token), *this)
{}

void IdleHolder::open(qint64 nowNs)
{
    m_connection.open(nowNs);
}

bool IdleHolder::settled() const
{
    return m_connection.state() != WsConnection::State::Opening;
}

bool IdleHolder::ready() const
{
    return m_connection.isReady();
}

void IdleHolder::tick(qint64 nowNs)
{
    m_connection.checkOpenDeadline(nowNs, kOpenTimeoutNs);
}

void IdleHolder::close()
{
    m_connection.close();
}

void IdleHolder::onWelcome(WsConnection&, const QJsonObject&)
{
    m_welcomed = true;
    ++m_stats.opened;
}

void IdleHolder::onMessage(WsConnection&, const QJsonObject& message)
{
    if (message.value(QLatin1String("type")).toString() == QLatin1String("error"))
        m_stats.error(
            message.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString());
}

void IdleHolder::onAuctionEvent(WsConnection&, const ScannedEvent&, const QString&, qint64)
{
    m_stats.note(QStringLiteral("events_of_unfollowed_auctions"));
}

void IdleHolder::onFailure(WsConnection&, const QString& code, const QString&)
{
    m_stats.error(code);
    if (m_welcomed)
        m_stats.note(QStringLiteral("dropped_after_welcome"));
    else
        ++m_stats.failed;
}

} // namespace nb::bench::load
