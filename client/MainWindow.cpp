#include "client/MainWindow.h"

#include "client/ClientSettings.h"
#include "client/LanguageManager.h"
#include "client/dialogs/LoginDialog.h"
#include "client/dialogs/SettingsDialog.h"
#include "client/models/NotificationModel.h"
#include "client/session/ClientSession.h"
#include "client/session/ServerAddress.h"
#include "client/views/AuctionDetailView.h"
#include "client/views/AuctionListPage.h"
#include "client/views/ConnectionIndicator.h"
#include "client/views/MyBidsView.h"
#include "client/views/NationalLiveView.h"
#include "client/views/NavigationList.h"
#include "client/views/NeighbourhoodView.h"
#include "client/views/NoticeBanner.h"
#include "client/views/NotificationsView.h"
#include "client/views/SellingView.h"
#include "client/views/SignInGate.h"
#include "client/views/TrayNotifier.h"
#include "client/views/WalletIndicator.h"
#include "client/views/WalletView.h"
#include "client/views/WatchlistView.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QEvent>
#include <QHBoxLayout>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

namespace nb::client {

namespace {

constexpr int kStatusMessageMs = 8000;

const QList<QPair<QString, MainWindow::Page>>& pageNames()
{
    static const QList<QPair<QString, MainWindow::Page>> names{
        {"national", MainWindow::Page::National},
        {"neighbourhood", MainWindow::Page::Neighbourhood},
        {"mybids", MainWindow::Page::MyBids},
        {"watchlist", MainWindow::Page::Watchlist},
        {"selling", MainWindow::Page::Selling},
        {"wallet", MainWindow::Page::Wallet},
        {"notifications", MainWindow::Page::Notifications}};
    return names;
}

} // namespace

MainWindow::MainWindow(ClientSession& session, ClientSettings& settings, LanguageManager& language,
                       QWidget* parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_settings(settings)
    , m_language(language)
    , m_tray(new TrayNotifier(this))
{
    setObjectName("mainWindow");
    createPages();
    createMenus();
    createStatusBar();
    wireSession();
    retranslateUi();
    onSignedOut();
    if (session.isLoggedIn())
        onSignedIn();

    // Fits a 1280x800 screen with room for the desktop's panels, and scales with larger ones.
    const QSize available = screen() ? screen()->availableSize() : QSize(1280, 800);
    resize(std::min(available.width(), 1240), std::min(available.height() - 40, 760));
    setMinimumSize(fontMetrics().height() * 48, fontMetrics().height() * 30);
}

MainWindow::~MainWindow()
{
    for (const QPointer<AuctionDetailView>& view : std::as_const(m_auctions))
        delete view.data();
}

SignInGate* MainWindow::gate(QWidget* content, std::function<QString()> reason)
{
    auto* signInGate = new SignInGate(content, std::move(reason), m_pages);
    connect(signInGate, &SignInGate::signInRequested, this, &MainWindow::showLogin);
    m_gates.append(signInGate);
    return signInGate;
}

void MainWindow::createPages()
{
    m_navigation = new NavigationList(this);
    m_pages = new QStackedWidget(this);
    m_national = new NationalLiveView(m_session.nationalAuctions(), m_pages);
    m_neighbourhood = new NeighbourhoodView(m_session, m_pages);
    m_myBids = new MyBidsView(m_session);
    m_watchlist = new WatchlistView(m_session);
    m_selling = new SellingView(m_session);
    m_wallet = new WalletView(m_session);
    m_notifications = new NotificationsView(m_session);

    const QList<QPair<QString, QWidget*>> pages{
        {"national", m_national},
        {"neighbourhood", m_neighbourhood},
        {"mybids", gate(m_myBids, [] { return tr("Sign in to see the auctions you bid on."); })},
        {"watchlist", gate(m_watchlist, [] { return tr("Sign in to keep a watchlist."); })},
        {"selling", gate(m_selling, [] { return tr("Sign in to sell your things."); })},
        {"wallet", gate(m_wallet, [] { return tr("Sign in to see your wallet."); })},
        {"notifications", gate(m_notifications, [] { return tr("Sign in to get notifications."); })}};
    for (const auto& [icon, page] : pages) {
        m_navigation->addEntry(QIcon(QStringLiteral(":/icons/nav/%1.svg").arg(icon)), QString());
        m_pages->addWidget(page);
    }
    connect(m_navigation, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    m_navigation->setCurrentRow(0);

    const auto open = [this](qint64 auctionId) { openAuction(auctionId); };
    connect(m_national, &NationalLiveView::openAuction, this, open);
    connect(m_neighbourhood, &NeighbourhoodView::openAuction, this, open);
    connect(m_notifications, &NotificationsView::openAuction, this, open);
    for (AuctionListPage* page : std::initializer_list<AuctionListPage*>{m_myBids, m_watchlist, m_selling})
        connect(page, &AuctionListPage::openAuction, this, open);

    m_keychainBanner = new NoticeBanner(NoticeBanner::Kind::Warning, this);
    m_keychainBanner->setObjectName("keychainBanner");
    m_keychainBanner->setClosable(true);
    auto* central = new QWidget(this);
    auto* body = new QHBoxLayout;
    body->setSpacing(0);
    body->addWidget(m_navigation);
    body->addWidget(m_pages, 1);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_keychainBanner);
    layout->addLayout(body, 1);
    setCentralWidget(central);
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_loginAction = m_fileMenu->addAction(QString(), this, &MainWindow::showLogin);
    m_logoutAction = m_fileMenu->addAction(QString(), this, &MainWindow::logout);
    m_fileMenu->addSeparator();
    m_settingsAction = m_fileMenu->addAction(QString(), this, &MainWindow::showSettings);
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    m_settingsAction->setShortcut(QKeySequence::Preferences);
    m_fileMenu->addSeparator();
    m_quitAction = m_fileMenu->addAction(QString(), this, &QWidget::close);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);

    m_helpMenu = menuBar()->addMenu(QString());
    m_aboutAction = m_helpMenu->addAction(QString(), this, &MainWindow::showAbout);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    m_aboutQtAction = m_helpMenu->addAction(QString(), qApp, &QApplication::aboutQt);
    m_aboutQtAction->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::createStatusBar()
{
    m_connection = new ConnectionIndicator(this);
    m_connection->setServer(m_session.server().http);
    m_connection->setState(m_session.connectionState());
    m_walletIndicator = new WalletIndicator(this);
    // Both permanent: a passing message ("Signed in as …") must never hide the connection state.
    statusBar()->addPermanentWidget(m_connection);
    statusBar()->addPermanentWidget(m_walletIndicator);
}

void MainWindow::wireSession()
{
    connect(&m_session, &ClientSession::loggedIn, this, &MainWindow::onSignedIn);
    connect(&m_session, &ClientSession::loggedOut, this, &MainWindow::onSignedOut);
    connect(&m_session, &ClientSession::sessionExpired, this, [this] {
        statusBar()->showMessage(tr("Your session has expired: please sign in again."), kStatusMessageMs);
        showLogin();
    });
    connect(&m_session, &ClientSession::walletChanged, this, &MainWindow::refreshWallet);
    connect(&m_session, &ClientSession::connectionStateChanged, m_connection, &ConnectionIndicator::setState);
    connect(&m_session, &ClientSession::reconnectScheduled, m_connection, &ConnectionIndicator::setRetryIn);
    connect(&m_session, &ClientSession::keychainUnavailable, this, [this](const QString& why) {
        m_keychainBanner->setToolTip(why);
        m_keychainBanner->showNotice(
            tr("Your session is kept only until you quit: no system keychain answered."));
    });
    connect(&m_session, &ClientSession::notificationArrived, this, [this](const Notification& notification) {
        m_tray->notify(notification);
        statusBar()->showMessage(notification.text, kStatusMessageMs);
    });
    connect(&m_session, &ClientSession::errorOccurred, this,
            [this](const ApiError& error) { statusBar()->showMessage(error.message, kStatusMessageMs); });
    connect(m_session.notifications(), &NotificationModel::unreadCountChanged, this,
            [this](int unread) { m_navigation->setBadge(static_cast<int>(Page::Notifications), unread); });
    connect(m_tray, &TrayNotifier::activated, this, [this] {
        showPage(Page::Notifications);
        showNormal();
        raise();
        activateWindow();
    });
}

void MainWindow::showPage(Page page)
{
    m_navigation->setCurrentRow(static_cast<int>(page));
}

MainWindow::Page MainWindow::currentPage() const
{
    return static_cast<Page>(std::max(0, m_pages->currentIndex()));
}

std::optional<MainWindow::Page> MainWindow::pageNamed(const QString& name)
{
    for (const auto& [pageName, page] : pageNames()) {
        if (pageName == name)
            return page;
    }
    return std::nullopt;
}

AuctionDetailView* MainWindow::openAuction(qint64 auctionId)
{
    if (AuctionDetailView* open = auctionWindow(auctionId)) {
        open->showNormal();
        open->raise();
        open->activateWindow();
        return open;
    }
    // A window of its own: several auctions can be followed side by side with the main window.
    auto* view = new AuctionDetailView(m_session, auctionId, nullptr);
    view->setAttribute(Qt::WA_DeleteOnClose);
    view->setWindowIcon(windowIcon());
    const int em = fontMetrics().height();
    const QSize available = screen() ? screen()->availableSize() : QSize(1280, 800);
    view->resize(std::min(available.width() - 60, em * 76), std::min(available.height() - 60, em * 56));
    m_auctions.insert(auctionId, view);
    connect(view, &QObject::destroyed, this, [this, auctionId] { m_auctions.remove(auctionId); });
    view->show();
    return view;
}

AuctionDetailView* MainWindow::auctionWindow(qint64 auctionId) const
{
    return m_auctions.value(auctionId).data();
}

LoginDialog* MainWindow::showLogin()
{
    if (!m_login) {
        m_login = new LoginDialog(m_session, this);
        m_login->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_login->open();
    return m_login;
}

void MainWindow::logout()
{
    m_session.logout();
    statusBar()->showMessage(tr("Signed out."), kStatusMessageMs);
}

void MainWindow::showSettings()
{
    SettingsDialog dialog(m_settings, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_language.apply(dialog.language());
    const ServerAddress server = ServerAddress::fromSettings(m_settings);
    if (server != m_session.server()) {
        m_session.setServer(server);
        m_connection->setServer(server.http);
    }
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        // The models' headers and cells (statuses, time left, money) in the new language.
        m_session.retranslate();
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    // Auction windows are top-level: closing the main window ends the client, so they go too.
    for (const QPointer<AuctionDetailView>& view : std::as_const(m_auctions)) {
        if (view)
            view->close();
    }
    QMainWindow::closeEvent(event);
}

void MainWindow::retranslateUi()
{
    setWindowTitle(tr("NeighborBid"));
    const QStringList entries{tr("National live"), tr("Neighbourhood"), tr("My bids"),      tr("Watchlist"),
                              tr("Selling"),       tr("Wallet"),        tr("Notifications")};
    for (int row = 0; row < entries.size(); ++row)
        m_navigation->setEntryText(row, entries.at(row));
    m_navigation->setBadge(static_cast<int>(Page::Notifications), m_session.notifications()->unreadCount());
    m_navigation->setFixedWidth(m_navigation->sizeHint().width());
    m_fileMenu->setTitle(tr("&File"));
    m_loginAction->setText(tr("&Log in…"));
    m_logoutAction->setText(tr("Log &out"));
    m_settingsAction->setText(tr("&Settings…"));
    m_quitAction->setText(tr("&Quit"));
    m_helpMenu->setTitle(tr("&Help"));
    m_aboutAction->setText(tr("&About NeighborBid"));
    m_aboutQtAction->setText(tr("About &Qt"));
    if (m_keychainBanner->isVisible())
        m_keychainBanner->setText(
            tr("Your session is kept only until you quit: no system keychain answered."));
    refreshWallet();
}

void MainWindow::refreshWallet()
{
    m_walletIndicator->setWallet(m_session.isLoggedIn() ? m_session.wallet() : std::nullopt,
                                 m_session.lockedExplanation());
}

void MainWindow::onSignedIn()
{
    for (SignInGate* signInGate : std::as_const(m_gates))
        signInGate->setSignedIn(true);
    m_loginAction->setEnabled(false);
    m_logoutAction->setEnabled(true);
    if (const std::optional<User> user = m_session.user()) {
        m_neighbourhood->setHomeRegion(user->regionId);
        statusBar()->showMessage(tr("Signed in as %1.").arg(user->displayName), kStatusMessageMs);
    }
    refreshWallet();
}

void MainWindow::onSignedOut()
{
    for (SignInGate* signInGate : std::as_const(m_gates))
        signInGate->setSignedIn(false);
    m_loginAction->setEnabled(true);
    m_logoutAction->setEnabled(false);
    m_navigation->setBadge(static_cast<int>(Page::Notifications), 0);
    refreshWallet();
}

void MainWindow::showAbout()
{
    const QString text = tr("<h3>NeighborBid %1</h3>"
                            "<p>Live auctions with the trust of a neighbourhood marketplace.</p>"
                            "<p>Copyright (c) 2026 The NeighborBid authors.<br>"
                            "Free software under the MIT licence.</p>")
                             .arg(QApplication::applicationVersion().toHtmlEscaped());
    QMessageBox::about(this, tr("About NeighborBid"), text);
}

} // namespace nb::client
