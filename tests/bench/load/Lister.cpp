#include "tests/bench/load/Lister.h"

#include "tests/bench/load/RunStats.h"
#include "tests/bench/load/SteadyTime.h"

#include <algorithm>

namespace nb::bench::load {

Lister::Lister(const QUrl& httpUrl, ListingQueries queries, RunStats& stats)
    : m_http(httpUrl)
    , m_queries(std::move(queries))
    , m_stats(stats)
{}

void Lister::open(qint64) {}

void Lister::tick(qint64)
{
    // A failed request is followed by the next one after a tick, not in a tight loop.
    if (m_active && !m_http.busy())
        request();
}

void Lister::start(qint64)
{
    m_active = true;
    request();
}

void Lister::stop()
{
    m_active = false;
}

bool Lister::quiet() const
{
    return !m_http.busy();
}

void Lister::close()
{
    m_http.close();
}

void Lister::request()
{
    m_sentNs = steadyNowNs();
    m_http.get(m_queries.next(), [this](const HttpReply& reply) {
        const qint64 nowNs = steadyNowNs();
        if (reply.ok()) {
            ++m_stats.pages;
            m_stats.pageMs.add(nsToMs(nowNs - m_sentNs));
            m_stats.lastAnswerNs = std::max(m_stats.lastAnswerNs, nowNs);
            if (m_active)
                request();
            return;
        }
        m_stats.error(reply.failure.isEmpty() ? QStringLiteral("http_%1").arg(reply.status) : reply.failure);
    });
}

} // namespace nb::bench::load
