#pragma once

#include <QHash>
#include <QMainWindow>
#include <QPointer>

class QAction;
class QMenu;
class QStackedWidget;

namespace nb::client {

class AuctionDetailView;
class ClientSession;
class ClientSettings;
class ConnectionIndicator;
class LanguageManager;
class LoginDialog;
class MyBidsView;
class NationalLiveView;
class NavigationList;
class NeighbourhoodView;
class NoticeBanner;
class NotificationsView;
class SellingView;
class SignInGate;
class TrayNotifier;
class WalletIndicator;
class WalletView;
class WatchlistView;

// The client's main window: the navigation on the left (national live, neighbourhood, my bids,
// watchlist, selling, wallet, notifications with their unread badge), the chosen view on the
// right, menus (File: sign in / sign out / settings / quit; Help: about), and a status bar that
// always shows the connection state with the server's address and the wallet. It only wires the
// views to the ClientSession; auction pages open in their own windows.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    enum class Page { National, Neighbourhood, MyBids, Watchlist, Selling, Wallet, Notifications };

    MainWindow(ClientSession& session, ClientSettings& settings, LanguageManager& language,
               QWidget* parent = nullptr);
    ~MainWindow() override;

    void showPage(Page page);
    Page currentPage() const;
    // "national", "neighbourhood", "mybids", "watchlist", "selling", "wallet", "notifications".
    static std::optional<Page> pageNamed(const QString& name);

    // Opens (or raises) the auction's window.
    AuctionDetailView* openAuction(qint64 auctionId);
    AuctionDetailView* auctionWindow(qint64 auctionId) const;
    // Opens the sign-in dialog without blocking; returns it.
    LoginDialog* showLogin();
    void logout();
    void showSettings();

    ClientSession& session() const { return m_session; }
    NationalLiveView* nationalView() const { return m_national; }
    NeighbourhoodView* neighbourhoodView() const { return m_neighbourhood; }
    MyBidsView* myBidsView() const { return m_myBids; }
    WatchlistView* watchlistView() const { return m_watchlist; }
    SellingView* sellingView() const { return m_selling; }
    WalletView* walletView() const { return m_wallet; }
    NotificationsView* notificationsView() const { return m_notifications; }
    NavigationList* navigation() const { return m_navigation; }
    ConnectionIndicator* connectionIndicator() const { return m_connection; }
    WalletIndicator* walletIndicator() const { return m_walletIndicator; }
    NoticeBanner* keychainBanner() const { return m_keychainBanner; }
    TrayNotifier* tray() const { return m_tray; }

protected:
    void changeEvent(QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void createPages();
    void createMenus();
    void createStatusBar();
    void wireSession();
    void retranslateUi();
    void refreshWallet();
    void onSignedIn();
    void onSignedOut();
    void showAbout();
    SignInGate* gate(QWidget* content, std::function<QString()> reason);

    ClientSession& m_session;
    ClientSettings& m_settings;
    LanguageManager& m_language;
    NavigationList* m_navigation = nullptr;
    QStackedWidget* m_pages = nullptr;
    NoticeBanner* m_keychainBanner = nullptr;
    NationalLiveView* m_national = nullptr;
    NeighbourhoodView* m_neighbourhood = nullptr;
    MyBidsView* m_myBids = nullptr;
    WatchlistView* m_watchlist = nullptr;
    SellingView* m_selling = nullptr;
    WalletView* m_wallet = nullptr;
    NotificationsView* m_notifications = nullptr;
    QList<SignInGate*> m_gates;
    ConnectionIndicator* m_connection = nullptr;
    WalletIndicator* m_walletIndicator = nullptr;
    TrayNotifier* m_tray = nullptr;
    QPointer<LoginDialog> m_login;
    QHash<qint64, QPointer<AuctionDetailView>> m_auctions;

    QMenu* m_fileMenu = nullptr;
    QMenu* m_helpMenu = nullptr;
    QAction* m_loginAction = nullptr;
    QAction* m_logoutAction = nullptr;
    QAction* m_settingsAction = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_aboutAction = nullptr;
    QAction* m_aboutQtAction = nullptr;
};

} // namespace nb::client
