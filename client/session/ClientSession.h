#pragma once

#include "client/net/ApiCall.h"
#include "client/net/ListingQuery.h"
#include "client/session/ConnectionState.h"
#include "client/session/ServerAddress.h"
#include "shared/protocol/Objects.h"

#include <QObject>
#include <QTimer>

#include <optional>

namespace nb::client {

class ApiClient;
class CategoryModel;
class ListingModel;
class LedgerModel;
class LiveClient;
class MyAuctionsModel;
class MoneyMoves;
class MyBidsModel;
class NationalAuctionModel;
class NationalFeed;
class NotificationModel;
class OfflineCache;
class PersonalLists;
class RegionTreeModel;
class SessionStore;
class WalletTracker;
class WatchlistModel;

/// The client's application context, created once by main() and handed to the main window:
/// owns the networking (ApiClient, LiveClient), the token store, the offline cache, the signed-in
/// user, the wallet and the connection state, and the shared item models. Widgets bind to its
/// models and signals and call its actions; for everything else (auction detail, bids list,
/// questions, messages, selling, images) they use api() directly.
///
///     auto* session = new ClientSession(ServerAddress::fromSettings(settings), &app);
///     connect(session, &ClientSession::walletChanged, statusBar, …);
///     nationalView->setModel(session->nationalAuctions());
///     session->start();
class ClientSession : public QObject {
    Q_OBJECT

public:
    struct Options {
        QString cacheDirectory;  // empty: QStandardPaths::CacheLocation
        bool useKeychain = true; // false: memory only (tests)
        QString keychainService = QStringLiteral("NeighborBid");
        int nationalRefreshMs = 30'000; // reload of the national list
        int listingRefreshMs = 60'000;  // periodic neighbourhood refresh; 0: off
        int walletRecountMs = 1000;     // throttle of the leading-bids count
    };

    explicit ClientSession(const ServerAddress& server, QObject* parent = nullptr);
    ClientSession(const ServerAddress& server, const Options& options, QObject* parent = nullptr);
    ~ClientSession() override;

    ApiClient& api() { return *m_api; }
    LiveClient& live() { return *m_live; }
    SessionStore& store() { return *m_store; }
    OfflineCache& cache() { return *m_cache; }
    ServerAddress server() const { return m_server; }

    NationalAuctionModel* nationalAuctions() const { return m_national; }
    ListingModel* listings() const { return m_listings; }
    RegionTreeModel* regions() const { return m_regions; }
    CategoryModel* categories() const { return m_categories; }
    NotificationModel* notifications() const { return m_notifications; }
    MyBidsModel* myBids() const { return m_myBids; }
    MyAuctionsModel* myAuctions() const { return m_myAuctions; }
    WatchlistModel* watchlist() const { return m_watchlist; }
    LedgerModel* ledger() const { return m_ledger; }

    bool isLoggedIn() const { return m_user.has_value(); }
    std::optional<User> user() const { return m_user; }
    std::optional<Wallet> wallet() const;
    /// Active auctions the user leads: the locked funds are "held for N bids you lead".
    int leadingBidCount() const;
    /// "held for 2 bids you lead" (translated, with plural forms).
    QString lockedExplanation() const;
    ConnectionState connectionState() const { return m_state; }
    bool isOnline() const { return m_state == ConnectionState::Online; }

    /// Restores the session from the keychain, connects, loads regions, categories and the
    /// national table (the cached ones first when there are any).
    void start();
    /// The server address changed in the settings: signs out locally and starts over there.
    void setServer(const ServerAddress& server);

    void login(const QString& username, const QString& password);
    void registerUser(const QString& username, const QString& password, const QString& displayName,
                      std::optional<qint64> regionId);
    void logout();

    /// Fills listings() (remembering the query for the periodic refresh); when the server cannot
    /// be reached, the cached page for the same query is shown as stale.
    void refreshListings(const ListingQuery& query);
    void refreshListings() { refreshListings(m_listingQuery); }
    ListingQuery listingQuery() const { return m_listingQuery; }
    void refreshWallet();
    void refreshMyBids();
    void refreshMyAuctions();
    void refreshWatchlist();
    void refreshLedger(int page = 1);
    void refreshNotifications();
    /// Marks read here and on the server; an empty list marks all.
    void markNotificationsRead(const QList<qint64>& ids = {});

    /// Keeps an auction live while a detail view shows it: events arrive through live()'s
    /// snapshotReceived / bidEvent / extendedEvent / endedEvent (filter by auction id).
    void follow(qint64 auctionId);
    void unfollow(qint64 auctionId);

    // Money moves. Refused while offline or signed out (an ApiError with the reason). Pressing
    // again after a network failure repeats the same request_id, so nothing moves twice.
    ApiCall<BidResult>* placeBid(qint64 auctionId, Won amount, std::optional<Won> maxAmount = std::nullopt);
    ApiCall<AuctionDetail>* buyNow(qint64 auctionId);
    ApiCall<Wallet>* deposit(Won amount);
    ApiCall<Wallet>* withdraw(Won amount);
    /// Watch toggle; the watchlist refreshes after it.
    ApiCall<NoContent>* setWatched(qint64 auctionId, bool watched);
    MoneyMoves& moneyMoves() { return *m_money; }

    /// The language changed: models re-read their translated texts.
    void retranslate();

signals:
    void loggedIn(const nb::User& user);
    void loggedOut();
    /// Login or registration refused (wrong password, taken name, unreachable server).
    void authFailed(const nb::ApiError& error);
    /// The server no longer accepts the token: signed out locally; ask to sign in again.
    void sessionExpired();
    void walletChanged(const nb::Wallet& wallet, int leadingBidCount);
    void connectionStateChanged(nb::client::ConnectionState state);
    /// The live connection will be retried in delayMs (for "reconnecting in 4 s").
    void reconnectScheduled(int delayMs);
    /// Said once per run: the token is kept in memory only.
    void keychainUnavailable(const QString& message);
    /// A push while running: the inbox has it already; the tray may show it.
    void notificationArrived(const nb::Notification& notification);
    /// A background request failed (listing, wallet, lists): worth a status-bar line.
    void errorOccurred(const nb::ApiError& error);

private:
    void createModels();
    void wireLive();
    void loadReferenceData();
    void restore(const QString& token);
    void adopt(const QString& token, const User& user);
    void setUser(const std::optional<User>& user);
    /// Forgets the user here; forgetToken also deletes the stored token (sign-out, expiry), not
    /// when only the server changes (that server's token stays for next time).
    void signOutLocally(bool forgetToken = true);
    void onLiveState();
    void onBackOnline();
    std::optional<ApiError> moneyMoveRefusal() const;

    ServerAddress m_server;
    Options m_options;
    ApiClient* m_api = nullptr;
    LiveClient* m_live = nullptr;
    SessionStore* m_store = nullptr;
    OfflineCache* m_cache = nullptr;
    NationalAuctionModel* m_national = nullptr;
    ListingModel* m_listings = nullptr;
    RegionTreeModel* m_regions = nullptr;
    CategoryModel* m_categories = nullptr;
    NotificationModel* m_notifications = nullptr;
    MyBidsModel* m_myBids = nullptr;
    MyAuctionsModel* m_myAuctions = nullptr;
    WatchlistModel* m_watchlist = nullptr;
    LedgerModel* m_ledger = nullptr;
    WalletTracker* m_wallet = nullptr;
    NationalFeed* m_feed = nullptr;
    MoneyMoves* m_money = nullptr;
    PersonalLists* m_lists = nullptr;

    std::optional<User> m_user;
    bool m_restorePending = false; // a stored token waits for the server to confirm it
    ConnectionState m_state = ConnectionState::Offline;
    bool m_wasOnline = false;
    ListingQuery m_listingQuery;
    bool m_hasListingQuery = false;
    QTimer m_listingTimer;
};

} // namespace nb::client
