#include "client/session/ClientSession.h"

#include "client/cache/OfflineCache.h"
#include "client/models/CategoryModel.h"
#include "client/models/LedgerModel.h"
#include "client/models/ListingModel.h"
#include "client/models/MyAuctionsModel.h"
#include "client/models/MyBidsModel.h"
#include "client/models/NationalAuctionModel.h"
#include "client/models/NotificationModel.h"
#include "client/models/RegionTreeModel.h"
#include "client/models/WatchlistModel.h"
#include "client/net/ApiClient.h"
#include "client/net/LiveClient.h"
#include "client/session/MoneyMoves.h"
#include "client/session/NationalFeed.h"
#include "client/session/PersonalLists.h"
#include "client/session/SessionStore.h"
#include "client/session/WalletTracker.h"

namespace nb::client {

ClientSession::ClientSession(const ServerAddress& server, QObject* parent)
    : ClientSession(server, Options{}, parent)
{}

ClientSession::ClientSession(const ServerAddress& server, const Options& options, QObject* parent)
    : QObject(parent)
    , m_server(server)
    , m_options(options)
    , m_api(new ApiClient(this))
    , m_live(new LiveClient(this))
    , m_store(new SessionStore(this, options.keychainService))
    , m_cache(new OfflineCache(options.cacheDirectory, this))
{
    qRegisterMetaType<ConnectionState>();
    m_store->setKeychainEnabled(options.useKeychain);
    createModels();
    m_wallet = new WalletTracker(*m_api, *m_myBids, this);
    m_wallet->setRecountDelay(options.walletRecountMs);
    m_feed = new NationalFeed(*m_api, *m_live, *m_cache, *m_national, this);
    m_feed->setRefreshInterval(options.nationalRefreshMs);
    m_lists = new PersonalLists(*m_api, *m_myAuctions, *m_watchlist, *m_ledger, *m_notifications, this);
    connect(m_lists, &PersonalLists::failed, this, &ClientSession::errorOccurred);
    m_money = new MoneyMoves(
        *m_api, [this] { return moneyMoveRefusal(); }, this);

    connect(m_wallet, &WalletTracker::changed, this, &ClientSession::walletChanged);
    connect(m_api, &ApiClient::walletReceived, this, [this](const Wallet& wallet) {
        if (isLoggedIn())
            m_wallet->setWallet(wallet);
    });
    connect(m_api, &ApiClient::unauthorized, this, [this] {
        if (isLoggedIn() || m_restorePending) {
            signOutLocally();
            emit sessionExpired();
        }
    });
    connect(m_store, &SessionStore::keychainUnavailable, this, &ClientSession::keychainUnavailable);
    connect(m_store, &SessionStore::loaded, this, &ClientSession::restore);
    connect(m_feed, &NationalFeed::loadFailed, this, [this](const ApiError& error) {
        if (error.code != ErrorCode::Unavailable)
            emit errorOccurred(error);
    });
    m_listingTimer.setInterval(options.listingRefreshMs);
    connect(&m_listingTimer, &QTimer::timeout, this, [this] {
        if (m_hasListingQuery)
            refreshListings(m_listingQuery);
    });
    wireLive();
}

ClientSession::~ClientSession()
{
    m_live->stop();
}

void ClientSession::createModels()
{
    m_national = new NationalAuctionModel(this);
    m_listings = new ListingModel(this);
    m_regions = new RegionTreeModel(this);
    m_categories = new CategoryModel(this);
    m_notifications = new NotificationModel(this);
    m_myBids = new MyBidsModel(this);
    m_myAuctions = new MyAuctionsModel(this);
    m_watchlist = new WatchlistModel(this);
    m_ledger = new LedgerModel(this);
}

void ClientSession::wireLive()
{
    connect(m_live, &LiveClient::stateChanged, this, &ClientSession::onLiveState);
    connect(m_live, &LiveClient::reconnectScheduled, this, &ClientSession::reconnectScheduled);
    connect(m_live, &LiveClient::walletPushed, this, [this](const Wallet& wallet) {
        if (isLoggedIn())
            m_wallet->setWallet(wallet);
    });
    connect(m_live, &LiveClient::notificationPushed, this, [this](const Notification& notification) {
        if (!isLoggedIn() || !m_notifications->add(notification))
            return;
        emit notificationArrived(notification);
        m_wallet->scheduleRecount(); // outbid, won, sold: where the user leads has changed
    });
    connect(m_live, &LiveClient::helloRefused, this, [this](const ApiError& error) {
        if (error.code == ErrorCode::Unauthorized && (isLoggedIn() || m_restorePending)) {
            signOutLocally();
            emit sessionExpired();
        }
    });
    connect(m_live, &LiveClient::bidEvent, this, [this](const AuctionBidEvent& event) {
        // A bid on an auction the user leads or led moves their leading count.
        if (isLoggedIn() && m_myBids->rowOf(event.auctionId) >= 0)
            m_wallet->scheduleRecount();
    });
}

std::optional<Wallet> ClientSession::wallet() const
{
    return m_wallet->hasWallet() ? std::optional<Wallet>(m_wallet->wallet()) : std::nullopt;
}

int ClientSession::leadingBidCount() const
{
    return m_wallet->leadingCount();
}

QString ClientSession::lockedExplanation() const
{
    return tr("held for %n bid(s) you lead", nullptr, m_wallet->leadingCount());
}

void ClientSession::start()
{
    m_api->setBaseUrl(m_server.http);
    m_live->setUrl(m_server.ws);
    m_store->setAccount(QStringLiteral("token@") + m_server.key());
    m_cache->setScope(m_server.key());
    loadReferenceData();
    m_feed->showCachedIfEmpty();
    m_feed->reload();
    m_live->start();
    m_store->load();
    if (m_options.listingRefreshMs > 0)
        m_listingTimer.start();
}

void ClientSession::setServer(const ServerAddress& server)
{
    if (server == m_server)
        return;
    signOutLocally(false);
    m_live->stop();
    m_feed->reset();
    m_listings->setPage(Page<AuctionSummary>{});
    m_hasListingQuery = false;
    m_wasOnline = false;
    m_server = server;
    start();
}

void ClientSession::loadReferenceData()
{
    if (std::optional<QList<Region>> cached = m_cache->regions(); cached && m_regions->isEmpty())
        m_regions->setRegions(*cached);
    if (std::optional<QList<Category>> cached = m_cache->categories();
        cached && m_categories->rowCount() == 0)
        m_categories->setCategories(*cached);
    m_api->regions()->onSuccess(this, [this](const QList<Region>& regions) {
        m_regions->setRegions(regions);
        m_cache->storeRegions(regions);
    });
    m_api->categories()->onSuccess(this, [this](const QList<Category>& categories) {
        m_categories->setCategories(categories);
        m_cache->storeCategories(categories);
    });
}

void ClientSession::restore(const QString& token)
{
    if (token.isEmpty() || isLoggedIn())
        return;
    m_restorePending = true;
    m_api->setToken(token);
    m_live->setToken(token);
    m_api->me()
        ->onSuccess(this, [this, token](const User& user) { adopt(token, user); })
        ->onFailure(this, [this](const ApiError& error) {
            // Unauthorized signs out through ApiClient::unauthorized; unreachable retries once online.
            if (error.code != ErrorCode::Unavailable)
                m_restorePending = false;
        });
}

void ClientSession::adopt(const QString& token, const User& user)
{
    m_restorePending = false;
    m_api->setToken(token);
    m_live->setToken(token);
    if (m_store->token() != token)
        m_store->save(token);
    setUser(user);
    emit loggedIn(user);
    m_wallet->refresh();
    refreshNotifications();
    refreshWatchlist(); // the detail view's watch toggle reads it
}

void ClientSession::setUser(const std::optional<User>& user)
{
    m_user = user;
    const std::optional<qint64> id = user ? std::optional<qint64>(user->id) : std::nullopt;
    m_national->setCurrentUserId(id);
    m_listings->setCurrentUserId(id);
    m_myBids->setCurrentUserId(id);
    m_myAuctions->setCurrentUserId(id);
    m_watchlist->setCurrentUserId(id);
}

void ClientSession::login(const QString& username, const QString& password)
{
    m_api->login(username, password)
        ->onSuccess(this, [this](const AuthResult& result) { adopt(result.token, result.user); })
        ->onFailure(this, [this](const ApiError& error) { emit authFailed(error); });
}

void ClientSession::registerUser(const QString& username, const QString& password, const QString& displayName,
                                 std::optional<qint64> regionId)
{
    m_api->registerUser(Registration{username, password, displayName, regionId})
        ->onSuccess(this, [this](const AuthResult& result) { adopt(result.token, result.user); })
        ->onFailure(this, [this](const ApiError& error) { emit authFailed(error); });
}

void ClientSession::logout()
{
    if (m_api->hasToken())
        m_api->logout(); // best effort: the token is forgotten here either way
    signOutLocally();
}

void ClientSession::signOutLocally(bool forgetToken)
{
    const bool wasLoggedIn = isLoggedIn();
    m_restorePending = false;
    m_api->setToken(QString());
    m_live->setToken(QString());
    if (forgetToken)
        m_store->clear();
    setUser(std::nullopt);
    m_wallet->reset();
    m_lists->clear();
    if (wasLoggedIn)
        emit loggedOut();
}

void ClientSession::onLiveState()
{
    ConnectionState state = ConnectionState::Offline;
    switch (m_live->state()) {
    case LiveClient::State::Connected:
        state = ConnectionState::Online;
        break;
    case LiveClient::State::Connecting:
        state = ConnectionState::Connecting;
        break;
    case LiveClient::State::Disconnected:
        break;
    }
    if (state == m_state)
        return;
    m_state = state;
    emit connectionStateChanged(state);
    if (state == ConnectionState::Online)
        onBackOnline();
}

void ClientSession::onBackOnline()
{
    // What happened while away: the national list (new auctions), the lists shown stale, the
    // wallet and the inbox. Auction events themselves are replayed by LiveClient (since_seq).
    const bool reconnect = std::exchange(m_wasOnline, true);
    if (reconnect || m_national->isStale())
        m_feed->reload();
    if (m_regions->isEmpty() || m_categories->rowCount() == 0)
        loadReferenceData();
    if (m_hasListingQuery && m_listings->isStale())
        refreshListings(m_listingQuery);
    if (m_restorePending && !isLoggedIn())
        restore(m_api->token());
    if (isLoggedIn() && reconnect) {
        m_wallet->refresh();
        refreshNotifications();
    }
}

void ClientSession::refreshListings(const ListingQuery& query)
{
    m_listingQuery = query;
    m_hasListingQuery = true;
    const QString key = query.cacheKey();
    m_api->auctions(query)
        ->onSuccess(this,
                    [this, key](const Page<AuctionSummary>& page) {
                        if (key != m_listingQuery.cacheKey())
                            return; // an older query answered late
                        m_listings->setPage(page, false, QDateTime::currentDateTimeUtc());
                        m_cache->storeListing(key, page);
                    })
        ->onFailure(this, [this, key](const ApiError& error) {
            if (key != m_listingQuery.cacheKey())
                return;
            if (error.code == ErrorCode::Unavailable) {
                if (const std::optional<CachedAuctions> cached = m_cache->listing(key)) {
                    m_listings->setPage(cached->page, true, cached->fetchedAt);
                    return;
                }
                m_listings->setPage(Page<AuctionSummary>{}, true, QDateTime());
            }
            emit errorOccurred(error);
        });
}

void ClientSession::refreshWallet()
{
    if (isLoggedIn())
        m_wallet->refresh();
}

void ClientSession::refreshMyBids()
{
    if (isLoggedIn())
        m_wallet->scheduleRecount();
}

void ClientSession::refreshMyAuctions()
{
    if (isLoggedIn())
        m_lists->refreshMyAuctions();
}

void ClientSession::refreshWatchlist()
{
    if (isLoggedIn())
        m_lists->refreshWatchlist();
}

void ClientSession::refreshLedger(int page)
{
    if (isLoggedIn())
        m_lists->refreshLedger(page);
}

void ClientSession::refreshNotifications()
{
    if (isLoggedIn())
        m_lists->refreshNotifications();
}

void ClientSession::markNotificationsRead(const QList<qint64>& ids)
{
    if (isLoggedIn())
        m_lists->markNotificationsRead(ids);
}

void ClientSession::follow(qint64 auctionId)
{
    m_feed->follow(auctionId);
}

void ClientSession::unfollow(qint64 auctionId)
{
    m_feed->unfollow(auctionId);
}

std::optional<ApiError> ClientSession::moneyMoveRefusal() const
{
    if (!isOnline())
        return ApiError{
            ErrorCode::Unavailable,
            tr("You are offline. Bidding and payments are possible again once the connection is back."),
            {}};
    if (!isLoggedIn())
        return ApiError{ErrorCode::Unauthorized, tr("Please sign in first."), {}};
    return std::nullopt;
}

ApiCall<BidResult>* ClientSession::placeBid(qint64 auctionId, Won amount, std::optional<Won> maxAmount)
{
    return m_money->placeBid(auctionId, amount, maxAmount);
}

ApiCall<AuctionDetail>* ClientSession::buyNow(qint64 auctionId)
{
    auto* call = m_money->buyNow(auctionId);
    connect(call, &ApiReply::succeeded, this, [this] { m_wallet->refresh(); });
    return call;
}

ApiCall<Wallet>* ClientSession::deposit(Won amount)
{
    return m_money->deposit(amount);
}

ApiCall<Wallet>* ClientSession::withdraw(Won amount)
{
    return m_money->withdraw(amount);
}

ApiCall<NoContent>* ClientSession::setWatched(qint64 auctionId, bool watched)
{
    if (!isLoggedIn())
        return MoneyMoves::refused<NoContent>(
            ApiError{ErrorCode::Unauthorized, tr("Please sign in first."), {}}, this);
    auto* call = watched ? m_api->watch(auctionId) : m_api->unwatch(auctionId);
    connect(call, &ApiReply::succeeded, this, &ClientSession::refreshWatchlist);
    return call;
}

void ClientSession::retranslate()
{
    const QList<QAbstractItemModel*> models{m_national,   m_listings,      m_regions,
                                            m_categories, m_notifications, m_myBids,
                                            m_myAuctions, m_watchlist,     m_ledger};
    for (QAbstractItemModel* model : models) {
        emit model->layoutAboutToBeChanged();
        emit model->layoutChanged();
        if (model->columnCount() > 0)
            emit model->headerDataChanged(Qt::Horizontal, 0, model->columnCount() - 1);
    }
}

} // namespace nb::client
