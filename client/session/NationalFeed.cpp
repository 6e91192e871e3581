#include "client/session/NationalFeed.h"

#include "client/cache/OfflineCache.h"
#include "client/models/NationalAuctionModel.h"
#include "client/net/ApiClient.h"
#include "client/net/LiveClient.h"

#include <QSet>

#include <algorithm>

namespace nb::client {

namespace {
constexpr int kDefaultRefreshMs = 30'000;
constexpr int kPageSize = 100;
} // namespace

NationalFeed::NationalFeed(ApiClient& api, LiveClient& live, OfflineCache& cache, NationalAuctionModel& model,
                           QObject* parent)
    : QObject(parent)
    , m_api(api)
    , m_live(live)
    , m_cache(cache)
    , m_model(model)
{
    m_refreshTimer.setInterval(kDefaultRefreshMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, &NationalFeed::reload);
    connect(&m_live, &LiveClient::snapshotReceived, &m_model, &NationalAuctionModel::applySnapshot);
    connect(&m_live, &LiveClient::bidEvent, &m_model, &NationalAuctionModel::applyBid);
    connect(&m_live, &LiveClient::extendedEvent, &m_model, &NationalAuctionModel::applyExtended);
    connect(&m_live, &LiveClient::endedEvent, &m_model, &NationalAuctionModel::applyEnded);
    connect(&m_live, &LiveClient::startedEvent, &m_model, &NationalAuctionModel::applyStarted);
    // A row leaving the table (ended) no longer needs its subscription.
    connect(&m_model, &NationalAuctionModel::countChanged, this, &NationalFeed::syncSubscriptions);
}

void NationalFeed::setRefreshInterval(int milliseconds)
{
    m_refreshTimer.setInterval(milliseconds);
}

void NationalFeed::reset()
{
    ++m_generation;
    m_loading = false;
    m_loadedOnce = false;
    m_followed.clear();
    m_model.setStale(false);
    m_model.setAuctions({});
    m_live.unsubscribeAll();
}

void NationalFeed::reload()
{
    if (!m_refreshTimer.isActive())
        m_refreshTimer.start();
    if (m_loading)
        return;
    m_loading = true;
    fetchPage(1, {}, ++m_generation);
}

void NationalFeed::fetchPage(int page, QList<AuctionSummary> collected, quint64 generation)
{
    ListingQuery query;
    query.scope = ListingQuery::Scope::National;
    query.sort = ListingQuery::Sort::Ending;
    query.page = page;
    query.pageSize = kPageSize;
    auto* call = m_api.auctions(query);
    call->onSuccess(this, [this, page, collected, generation](const Page<AuctionSummary>& result) mutable {
        if (generation != m_generation)
            return;
        collected.append(result.items);
        const bool more = qint64(page) * result.pageSize < result.total && !result.items.isEmpty();
        if (more && page < kMaxPages) {
            fetchPage(page + 1, std::move(collected), generation);
            return;
        }
        m_loading = false;
        loaded(collected);
    });
    call->onFailure(this, [this, generation](const ApiError& error) {
        if (generation != m_generation)
            return;
        m_loading = false;
        if (error.code == ErrorCode::Unavailable)
            showCachedIfEmpty();
        emit loadFailed(error);
    });
}

void NationalFeed::loaded(const QList<AuctionSummary>& auctions)
{
    const bool replace = !m_loadedOnce || m_model.isStale();
    m_model.setStale(false, QDateTime::currentDateTimeUtc());
    if (replace)
        m_model.setAuctions(auctions);
    else
        m_model.mergeAuctions(auctions);
    m_loadedOnce = true;
    m_cache.storeNational(auctions);
    syncSubscriptions();
}

void NationalFeed::showCachedIfEmpty()
{
    if (m_model.rowCount() > 0 && !m_model.isStale())
        return;
    if (const std::optional<CachedAuctions> cached = m_cache.national()) {
        m_model.setAuctions(cached->page.items);
        m_model.setStale(true, cached->fetchedAt);
    }
}

void NationalFeed::follow(qint64 auctionId)
{
    ++m_followed[auctionId];
    m_live.subscribe(auctionId);
}

void NationalFeed::unfollow(qint64 auctionId)
{
    auto it = m_followed.find(auctionId);
    if (it == m_followed.end())
        return;
    if (--it.value() <= 0)
        m_followed.erase(it);
    syncSubscriptions();
}

void NationalFeed::syncSubscriptions()
{
    // Stale rows are not live: subscribing them would only fetch snapshots of a cached list.
    QSet<qint64> wanted;
    if (!m_model.isStale()) {
        // The list arrives sorted by ending time: the first ones are the most urgent.
        const QList<qint64> ids = m_model.auctionIds();
        wanted = QSet<qint64>(ids.cbegin(),
                              ids.cbegin() + std::min<qsizetype>(ids.size(), kMaxNationalSubscriptions));
    }
    for (auto it = m_followed.cbegin(); it != m_followed.cend(); ++it)
        wanted.insert(it.key());
    for (const qint64 id : m_live.subscriptions()) {
        if (!wanted.contains(id))
            m_live.unsubscribe(id);
    }
    for (const qint64 id : wanted)
        m_live.subscribe(id);
}

} // namespace nb::client
