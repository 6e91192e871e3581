#include "tests/bench/load/Shard.h"

#include "tests/bench/load/AckRegistry.h"
#include "tests/bench/load/SteadyTime.h"

#include <QTimer>

#include <algorithm>
#include <cmath>

namespace nb::bench::load {

namespace {

constexpr int kTickMs = 10;
constexpr int kPaceMs = 2;

} // namespace

Shard::Shard(AckRegistry& acks, int openConcurrency)
    : m_acks(acks)
    , m_openConcurrency(std::max(1, openConcurrency))
{}

Shard::~Shard() = default;

void Shard::add(std::unique_ptr<Actor> actor, bool paced)
{
    if (paced)
        m_paced.push_back(actor.get());
    m_actors.push_back(std::move(actor));
}

void Shard::openAll()
{
    m_ticker = std::make_unique<QTimer>();
    m_ticker->setInterval(kTickMs);
    connect(m_ticker.get(), &QTimer::timeout, this, &Shard::onTick);
    m_ticker->start();
    openMore(steadyNowNs());
}

void Shard::openMore(qint64 nowNs)
{
    while (m_oldestUnsettled < m_nextToOpen && m_actors[m_oldestUnsettled]->settled())
        ++m_oldestUnsettled;
    size_t opening = 0;
    for (size_t i = m_oldestUnsettled; i < m_nextToOpen; ++i) {
        if (!m_actors[i]->settled())
            ++opening;
    }
    while (m_nextToOpen < m_actors.size() && opening < static_cast<size_t>(m_openConcurrency)) {
        m_actors[m_nextToOpen++]->open(nowNs);
        ++opening;
    }
}

void Shard::onTick()
{
    const qint64 nowNs = steadyNowNs();
    if (m_nextToOpen < m_actors.size() || m_oldestUnsettled < m_nextToOpen)
        openMore(nowNs);
    for (size_t i = 0; i < m_nextToOpen; ++i)
        m_actors[i]->tick(nowNs);
}

bool Shard::allSettled() const
{
    if (m_nextToOpen < m_actors.size())
        return false;
    return std::all_of(m_actors.begin(), m_actors.end(), [](const auto& a) { return a->settled(); });
}

int Shard::readyCount() const
{
    return static_cast<int>(
        std::count_if(m_actors.begin(), m_actors.end(), [](const auto& a) { return a->ready(); }));
}

void Shard::startLoad(double pacedRate)
{
    const qint64 nowNs = steadyNowNs();
    for (const auto& actor : m_actors)
        actor->start(nowNs);
    if (m_paced.empty() || pacedRate <= 0)
        return;
    m_paceRate = pacedRate;
    m_paceStartNs = nowNs;
    m_paceIssued = 0;
    m_pacer = std::make_unique<QTimer>();
    m_pacer->setTimerType(Qt::PreciseTimer);
    m_pacer->setInterval(kPaceMs);
    connect(m_pacer.get(), &QTimer::timeout, this, &Shard::pace);
    m_pacer->start();
}

void Shard::pace()
{
    const qint64 nowNs = steadyNowNs();
    const auto due = static_cast<qint64>(std::floor(m_paceRate * nsToS(nowNs - m_paceStartNs)));
    // A slot with no free bidder is skipped, not saved up: the rate is a ceiling, never a burst.
    for (; m_paceIssued < due; ++m_paceIssued) {
        for (size_t tried = 0; tried < m_paced.size(); ++tried) {
            Actor* actor = m_paced[m_paceNext++ % m_paced.size()];
            if (actor->wantsPacedBid(nowNs)) {
                actor->pacedBid(nowNs);
                break;
            }
        }
    }
}

void Shard::stopLoad()
{
    if (m_pacer)
        m_pacer->stop();
    for (const auto& actor : m_actors)
        actor->stop();
}

bool Shard::quiet() const
{
    return std::all_of(m_actors.begin(), m_actors.end(), [](const auto& a) { return a->quiet(); });
}

bool Shard::caughtUp() const
{
    return std::all_of(m_actors.begin(), m_actors.end(),
                       [this](const auto& a) { return a->caughtUp(m_acks); });
}

void Shard::collectStates(QHash<qint64, AuctionState>& into) const
{
    for (const auto& actor : m_actors)
        actor->collectStates(into);
}

void Shard::prime(const QHash<qint64, AuctionState>& states)
{
    for (const auto& actor : m_actors)
        actor->prime(states);
}

RunStats Shard::finish()
{
    if (m_ticker)
        m_ticker->stop();
    if (m_pacer)
        m_pacer->stop();
    for (const auto& actor : m_actors) {
        actor->report(m_stats);
        actor->close();
    }
    m_actors.clear();
    m_paced.clear();
    m_ticker.reset();
    m_pacer.reset();
    return m_stats;
}

} // namespace nb::bench::load
