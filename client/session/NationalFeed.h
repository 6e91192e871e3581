#pragma once

#include "shared/ApiError.h"
#include "shared/protocol/Objects.h"

#include <QHash>
#include <QObject>
#include <QTimer>

namespace nb::client {

class ApiClient;
class LiveClient;
class NationalAuctionModel;
class OfflineCache;

/// Keeps NationalAuctionModel filled and live: loads every active national auction over HTTP
/// (all pages), reloads periodically to pick up new ones, subscribes each over the WebSocket,
/// and feeds the model the snapshots and auction.* events. Also follows auctions the detail view
/// opens (follow/unfollow), so one subscription serves both. Offline it shows the cached list as
/// stale. Part of ClientSession.
class NationalFeed : public QObject {
    Q_OBJECT

public:
    /// Pages of 100 fetched per load, at most.
    static constexpr int kMaxPages = 20;
    /// The server lets one connection follow 256 auctions: the national table follows the
    /// soonest-ending ones up to this many, leaving room for the auctions detail views follow.
    static constexpr int kMaxNationalSubscriptions = 240;

    NationalFeed(ApiClient& api, LiveClient& live, OfflineCache& cache, NationalAuctionModel& model,
                 QObject* parent = nullptr);

    /// Fetches the list now (a load in flight is not doubled).
    void reload();
    /// Shows the cached list (stale) while nothing fresher is there.
    void showCachedIfEmpty();
    void setRefreshInterval(int milliseconds);
    /// Another server: forgets the table, the subscriptions and what detail views follow.
    void reset();
    /// The detail view follows an auction (counted: follow twice, unfollow twice).
    void follow(qint64 auctionId);
    void unfollow(qint64 auctionId);

signals:
    void loadFailed(const nb::ApiError& error);

private:
    void fetchPage(int page, QList<AuctionSummary> collected, quint64 generation);
    void loaded(const QList<AuctionSummary>& auctions);
    void syncSubscriptions();

    ApiClient& m_api;
    LiveClient& m_live;
    OfflineCache& m_cache;
    NationalAuctionModel& m_model;
    QTimer m_refreshTimer;
    QHash<qint64, int> m_followed;
    bool m_loading = false;
    bool m_loadedOnce = false;
    quint64 m_generation = 0;
};

} // namespace nb::client
