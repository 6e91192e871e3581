// The desktop client's widgets end to end: the real main window, views and dialogs over a real
// ClientSession, against the whole server in-process (nb::app::ServerRuntime with its HTTP and
// WebSocket listeners on free ports, the outbox relay and the scheduler) over the test PostgreSQL.
// Other people act through the server's services or through a second ApiClient.
#include "client/ClientSettings.h"
#include "client/LanguageManager.h"
#include "client/MainWindow.h"
#include "client/dialogs/ListingEditorDialog.h"
#include "client/dialogs/LoginDialog.h"
#include "client/dialogs/PhotoPicker.h"
#include "client/models/BidHistoryModel.h"
#include "client/models/CategoryModel.h"
#include "client/models/ListingModel.h"
#include "client/models/MoneyFormat.h"
#include "client/models/MyAuctionsModel.h"
#include "client/models/MyBidsModel.h"
#include "client/models/NationalAuctionModel.h"
#include "client/models/NotificationModel.h"
#include "client/models/RegionTreeModel.h"
#include "client/net/ApiClient.h"
#include "client/net/LiveClient.h"
#include "client/session/ClientSession.h"
#include "client/views/AfterSalePanel.h"
#include "client/views/AuctionDetailView.h"
#include "client/views/BidPanel.h"
#include "client/views/ConnectionIndicator.h"
#include "client/views/NavigationList.h"
#include "client/views/NeighbourhoodView.h"
#include "client/views/NotificationsView.h"
#include "client/views/SellingView.h"
#include "client/views/WalletIndicator.h"
#include "client/views/WalletView.h"
#include "server/app/ServerRuntime.h"
#include "server/services/Services.h"
#include "tests/support/TestDatabase.h"

#include <QApplication>
#include <QBuffer>
#include <QComboBox>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <QUuid>

#include <memory>

using namespace nb;
using namespace nb::client;

namespace {

const QString kPassword = QStringLiteral("correct horse battery");
constexpr int kWaitMs = 15'000;
// Every wait as patient as a loaded CI machine needs (QTRY_* alone gives up after 5 s).
#define NB_TRY_VERIFY(expr) QTRY_VERIFY_WITH_TIMEOUT(expr, kWaitMs)
#define NB_TRY_COMPARE(actual, expected) QTRY_COMPARE_WITH_TIMEOUT(actual, expected, kWaitMs)

struct Person {
    qint64 id = 0;
    QString username;
};

QString newRequestId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// Clicks `button` of the next message box that opens (the confirmations are modal).
void answerNextMessageBox(QMessageBox::StandardButton button)
{
    auto* timer = new QTimer(qApp);
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, button] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box)
            return;
        timer->stop();
        timer->deleteLater();
        box->button(button)->click();
    });
    timer->start();
}

QByteArray pngBytes()
{
    QImage image(64, 48, QImage::Format_RGB32);
    image.fill(QColor(0xD9, 0x65, 0x2B));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

} // namespace

class TestClientE2E : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void signInShowsTheWalletInTheStatusBar();
    void bidFromTheDetailViewMovesPriceAndWallet();
    void outbidByAnotherClientNotifiesAndReleasesFunds();
    void buyNowAfterConfirmation();
    void depositFromTheWalletView();
    void sellerCreatesAListingWithAnImage();
    void neighbourhoodRegionFilterShowsOnlyDescendants();
    void lostConnectionRecoversTheMissedEvents();
    void switchingToKoreanShowsKoreanStrings();

private:
    Person makePerson(const QString& name, Won money, qint64 regionId = 11);
    qint64 makeAuction(const Person& seller, const std::function<void(NewAuction&)>& adjust = {});
    bool signIn(const Person& person);
    AuctionDetailView* openDetail(qint64 auctionId);

    std::unique_ptr<app::ServerRuntime> m_server;
    std::unique_ptr<services::Services> m_services;
    std::unique_ptr<QTemporaryDir> m_cache;
    std::unique_ptr<ClientSession> m_session;
    std::unique_ptr<ClientSettings> m_settings;
    std::unique_ptr<LanguageManager> m_language;
    std::unique_ptr<MainWindow> m_window;
    int m_people = 0;
};

void TestClientE2E::initTestCase()
{
    test::TestDatabase& db = test::TestDatabase::instance();
    db.resetData();
    m_server = std::make_unique<app::ServerRuntime>(db.connectionString(), 4);
    app::NetworkOptions network;
    network.listen = QHostAddress::LocalHost;
    network.httpPort = 0;
    network.wsPort = 0;
    m_server->enableNetwork(network);
    m_server->start();
    QVERIFY(m_server->httpPort() > 0);
    QVERIFY(m_server->wsPort() > 0);
    // The tests' own hands on the data: the same services the server uses.
    m_services = std::make_unique<services::Services>(m_server->pool(), &m_server->listingCache());
}

void TestClientE2E::cleanupTestCase()
{
    m_services.reset();
    m_server.reset();
}

void TestClientE2E::init()
{
    // The data of earlier tests stays (the server keeps per-auction state): each test makes its own
    // people and auctions and looks only at them.
    m_cache = std::make_unique<QTemporaryDir>();
    ClientSession::Options options;
    options.cacheDirectory = m_cache->path();
    options.useKeychain = false;
    options.listingRefreshMs = 0;
    options.walletRecountMs = 50;
    const ServerAddress address{QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server->httpPort())),
                                QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(m_server->wsPort()))};
    m_session = std::make_unique<ClientSession>(address, options);
    m_settings = std::make_unique<ClientSettings>();
    m_language = std::make_unique<LanguageManager>();
    m_language->apply(QStringLiteral("en"));
    m_window = std::make_unique<MainWindow>(*m_session, *m_settings, *m_language);
    m_window->show();
    m_session->start();
    QTRY_VERIFY_WITH_TIMEOUT(m_session->isOnline(), kWaitMs);
}

void TestClientE2E::cleanup()
{
    m_window.reset();
    m_session.reset();
    m_language.reset();
    m_settings.reset();
    m_cache.reset();
}

Person TestClientE2E::makePerson(const QString& name, Won money, qint64 regionId)
{
    services::Registration registration;
    registration.username = QStringLiteral("%1%2").arg(name).arg(++m_people);
    registration.password = kPassword;
    registration.displayName = name;
    registration.regionId = regionId;
    const services::Session created = m_services->auth.registerUser(registration);
    if (money > 0)
        m_services->wallet.deposit(created.user.id, money, newRequestId());
    return Person{created.user.id, registration.username};
}

qint64 TestClientE2E::makeAuction(const Person& seller, const std::function<void(NewAuction&)>& adjust)
{
    NewAuction spec;
    spec.title = QStringLiteral("Film camera");
    spec.description = QStringLiteral("A used film camera in good order.");
    spec.category = QStringLiteral("electronics");
    spec.isNational = true;
    spec.startPrice = 10'000;
    spec.endsAt = QDateTime::currentDateTimeUtc().addSecs(3600);
    if (adjust)
        adjust(spec);
    return m_services->auctions.create(seller.id, spec).summary.id;
}

bool TestClientE2E::signIn(const Person& person)
{
    LoginDialog* login = m_window->showLogin();
    login->signIn(person.username, kPassword);
    return QTest::qWaitFor([&] { return m_session->isLoggedIn() && m_session->wallet().has_value(); },
                           kWaitMs);
}

AuctionDetailView* TestClientE2E::openDetail(qint64 auctionId)
{
    AuctionDetailView* view = m_window->openAuction(auctionId);
    if (!QTest::qWaitFor([&] { return view->auction().has_value(); }, kWaitMs))
        return nullptr;
    // Followed live: the snapshot of the subscription is in.
    if (!QTest::qWaitFor([&] { return m_session->live().lastSeq(auctionId).has_value(); }, kWaitMs))
        return nullptr;
    return view;
}

void TestClientE2E::signInShowsTheWalletInTheStatusBar()
{
    const Person buyer = makePerson("buyer", 250'000);
    WalletIndicator* wallet = m_window->walletIndicator();
    QCOMPARE(wallet->availableText(), QStringLiteral("Not signed in"));
    QVERIFY(m_window->connectionIndicator()->text().startsWith(QStringLiteral("Online")));
    QVERIFY(m_window->connectionIndicator()->text().contains(QString::number(m_server->httpPort())));

    QVERIFY(signIn(buyer));
    NB_TRY_VERIFY(wallet->availableText().contains(formatWon(250'000)));
    QVERIFY(wallet->lockedText().contains(formatWon(0)));
    QVERIFY(wallet->totalText().contains(formatWon(250'000)));
    QVERIFY(!wallet->lockedText().contains(QStringLiteral("held for"))); // nothing held, nothing to explain
}

void TestClientE2E::bidFromTheDetailViewMovesPriceAndWallet()
{
    const Person seller = makePerson("seller", 0);
    const Person buyer = makePerson("buyer", 100'000);
    const qint64 auctionId = makeAuction(seller);
    QVERIFY(signIn(buyer));
    AuctionDetailView* detail = openDetail(auctionId);
    QVERIFY(detail);
    BidPanel* panel = detail->bidPanel();
    // Pre-filled with the minimum: the start price before the first bid.
    QCOMPARE(panel->amountEdit()->text(), formatAmount(10'000));
    QCOMPARE(panel->priceLabel()->text(), formatWon(10'000));

    // Below the minimum: refused in the box with the server's words, nothing sent.
    panel->amountEdit()->clear();
    QTest::keyClicks(panel->amountEdit(), QStringLiteral("5,000"));
    QVERIFY(!panel->bidButton()->isEnabled());
    QCOMPARE(panel->messageLabel()->text(),
             QStringLiteral("Your bid is below the minimum of %1.").arg(formatWon(10'000)));

    panel->amountEdit()->clear();
    QTest::keyClicks(panel->amountEdit(), QStringLiteral("15,000"));
    QVERIFY(panel->bidButton()->isEnabled());
    QTest::mouseClick(panel->bidButton(), Qt::LeftButton);

    QTRY_VERIFY_WITH_TIMEOUT(panel->messageLabel()->text().contains(QStringLiteral("highest bidder")),
                             kWaitMs);
    const Won price = m_services->auctions.detail(auctionId, std::nullopt).summary.currentPrice;
    NB_TRY_COMPARE(panel->priceLabel()->text(), formatWon(price));
    NB_TRY_COMPARE(detail->bidHistory()->rowCount(), 1);
    WalletIndicator* wallet = m_window->walletIndicator();
    NB_TRY_VERIFY(wallet->availableText().contains(formatWon(85'000)));
    NB_TRY_VERIFY(wallet->lockedText().contains(formatWon(15'000)));
    NB_TRY_VERIFY(wallet->lockedText().contains(QStringLiteral("held for 1 bid you lead")));
    // "My bids" lists it as leading.
    m_window->showPage(MainWindow::Page::MyBids);
    NB_TRY_VERIFY(m_session->myBids()->rowOf(auctionId) >= 0);
    const int row = m_session->myBids()->rowOf(auctionId);
    QCOMPARE(MyBidsModel::statusOf(*m_session->myBids()->summaryAt(row), buyer.id),
             MyBidsModel::MyBidStatus::Leading);
}

void TestClientE2E::outbidByAnotherClientNotifiesAndReleasesFunds()
{
    const Person seller = makePerson("seller", 0);
    const Person buyer = makePerson("buyer", 100'000);
    const Person rival = makePerson("rival", 100'000);
    const qint64 auctionId = makeAuction(seller);
    QVERIFY(signIn(buyer));
    AuctionDetailView* detail = openDetail(auctionId);
    QVERIFY(detail);
    QTest::mouseClick(detail->bidPanel()->bidButton(), Qt::LeftButton); // the pre-filled minimum
    QTRY_VERIFY_WITH_TIMEOUT(m_window->walletIndicator()->lockedText().contains(formatWon(10'000)), kWaitMs);

    // Another person with their own client outbids.
    ApiClient other;
    other.setBaseUrl(m_session->server().http);
    bool signedIn = false;
    other.login(rival.username, kPassword)->onSuccess(this, [&](const AuthResult& result) {
        other.setToken(result.token);
        signedIn = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(signedIn, kWaitMs);
    bool outbid = false;
    other.placeBid(auctionId, 20'000, std::nullopt, newRequestId())->onSuccess(this, [&](const BidResult&) {
        outbid = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(outbid, kWaitMs);

    // The notification: inbox, badge and the status bar; the price live in the detail view.
    QTRY_COMPARE_WITH_TIMEOUT(m_session->notifications()->unreadCount(), 1, kWaitMs);
    QCOMPARE(m_window->navigation()->badge(static_cast<int>(MainWindow::Page::Notifications)), 1);
    m_window->showPage(MainWindow::Page::Notifications);
    QTableView* inbox = m_window->notificationsView()->table();
    NB_TRY_VERIFY(inbox->isVisible());
    QCOMPARE(inbox->model()->index(0, 0).data(NotificationModel::KindRole).toString(),
             QStringLiteral("outbid"));
    NB_TRY_COMPARE(detail->bidPanel()->priceLabel()->text(), formatWon(20'000));
    // The bid box follows the new minimum.
    NB_TRY_VERIFY(parseWon(detail->bidPanel()->amountEdit()->text()).value_or(0) > 20'000);

    // The held money is released.
    WalletIndicator* wallet = m_window->walletIndicator();
    NB_TRY_VERIFY(wallet->lockedText().contains(formatWon(0)));
    NB_TRY_VERIFY(wallet->availableText().contains(formatWon(100'000)));
    NB_TRY_VERIFY(!wallet->lockedText().contains(QStringLiteral("held for")));

    // Marking it read clears the badge.
    QTest::mouseClick(
        m_window->notificationsView()->findChild<QPushButton*>(QStringLiteral("markAllReadButton")),
        Qt::LeftButton);
    NB_TRY_COMPARE(m_window->navigation()->badge(static_cast<int>(MainWindow::Page::Notifications)), 0);
}

void TestClientE2E::buyNowAfterConfirmation()
{
    const Person seller = makePerson("seller", 0);
    const Person buyer = makePerson("buyer", 100'000);
    const qint64 auctionId = makeAuction(seller, [](NewAuction& spec) { spec.buyNowPrice = 40'000; });
    QVERIFY(signIn(buyer));
    AuctionDetailView* detail = openDetail(auctionId);
    QVERIFY(detail);
    QPushButton* buyNow = detail->bidPanel()->buyNowButton();
    NB_TRY_VERIFY(buyNow->isEnabled());
    QVERIFY(buyNow->text().contains(formatWon(40'000)));

    // "No" in the confirmation: nothing is bought.
    answerNextMessageBox(QMessageBox::No);
    QTest::mouseClick(buyNow, Qt::LeftButton);
    QTest::qWait(200);
    QCOMPARE(m_services->auctions.detail(auctionId, std::nullopt).summary.status, AuctionStatus::Active);

    answerNextMessageBox(QMessageBox::Yes);
    QTest::mouseClick(buyNow, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(detail->afterSale()->outcomeLabel()->text(),
                              QStringLiteral("You bought this item now for %1.").arg(formatWon(40'000)),
                              kWaitMs);
    NB_TRY_VERIFY(m_window->walletIndicator()->availableText().contains(formatWon(60'000)));
    QVERIFY(!detail->bidPanel()->bidButton()->isVisible());
    QCOMPARE(m_services->auctions.detail(auctionId, std::nullopt).summary.status, AuctionStatus::Ended);
}

void TestClientE2E::depositFromTheWalletView()
{
    const Person buyer = makePerson("buyer", 10'000);
    QVERIFY(signIn(buyer));
    m_window->showPage(MainWindow::Page::Wallet);
    WalletView* wallet = m_window->walletView();
    NB_TRY_VERIFY(wallet->isVisible());
    QTest::keyClicks(wallet->amountEdit(), QStringLiteral("25,000"));
    answerNextMessageBox(QMessageBox::Yes);
    wallet->deposit();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->walletIndicator()->availableText().contains(formatWon(35'000)),
                             kWaitMs);
    QCOMPARE(m_services->wallet.wallet(buyer.id).balance, 35'000);
    // The ledger shows the deposit on top.
    NB_TRY_VERIFY(wallet->ledgerTable()->model()->rowCount() >= 2);
}

void TestClientE2E::sellerCreatesAListingWithAnImage()
{
    const Person seller = makePerson("seller", 0);
    QVERIFY(signIn(seller));
    NB_TRY_VERIFY(m_session->categories()->rowCount() > 0);
    m_window->showPage(MainWindow::Page::Selling);
    ListingEditorDialog* editor = m_window->sellingView()->newListing();
    QVERIFY(editor);

    // Refused before sending, at the field at fault: no start price.
    QTest::keyClicks(editor->findChild<QLineEdit*>(QStringLiteral("listing_title")),
                     QStringLiteral("Oak desk"));
    editor->publish();
    QVERIFY(editor->errorLabel()->isVisible());
    QVERIFY(
        editor->findChild<QLineEdit*>(QStringLiteral("listing_start_price"))->property("invalid").toBool());

    QTest::keyClicks(editor->findChild<QLineEdit*>(QStringLiteral("listing_start_price")),
                     QStringLiteral("30,000"));
    editor->findChild<QPlainTextEdit*>(QStringLiteral("listing_description"))
        ->setPlainText(QStringLiteral("Solid oak."));
    QTemporaryDir images;
    const QString photo = images.filePath(QStringLiteral("desk.png"));
    {
        QFile file(photo);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(pngBytes());
    }
    QVERIFY(editor->photos()->addFile(photo));
    QCOMPARE(editor->photos()->photos().size(), 1);

    QSignalSpy published(editor, &ListingEditorDialog::published);
    editor->publish();
    QVERIFY(published.wait(kWaitMs));
    const qint64 auctionId = published.first().at(0).toLongLong();
    const AuctionDetail created = m_services->auctions.detail(auctionId, std::nullopt);
    QCOMPARE(created.summary.title, QStringLiteral("Oak desk"));
    QCOMPARE(created.summary.startPrice, 30'000);
    QCOMPARE(created.summary.seller.id, seller.id);
    QCOMPARE(created.images.size(), 1);

    // It is listed among the seller's auctions, and its page opens.
    QTRY_VERIFY_WITH_TIMEOUT(m_session->myAuctions()->rowOf(auctionId) >= 0, kWaitMs);
    NB_TRY_VERIFY(m_window->auctionWindow(auctionId) != nullptr);
}

void TestClientE2E::neighbourhoodRegionFilterShowsOnlyDescendants()
{
    // 마포구 (11440) contains 서교동; 서초구 (11650) and 해운대구 (26350) are elsewhere.
    const Person mapo = makePerson("mapo", 0, 1144012000);
    const Person seocho = makePerson("seocho", 0, 1165010100);
    const Person busan = makePerson("busan", 0, 26350);
    const auto local = [](const QString& title) {
        return [title](NewAuction& spec) {
            spec.isNational = false;
            spec.title = title;
        };
    };
    const qint64 inMapo = makeAuction(mapo, local(QStringLiteral("Bicycle in Seogyo-dong")));
    makeAuction(seocho, local(QStringLiteral("Lamp in Bangbae-dong")));
    makeAuction(busan, local(QStringLiteral("Surfboard in Haeundae")));
    const Person viewer = makePerson("viewer", 0, 11);
    QVERIFY(signIn(viewer));

    m_window->showPage(MainWindow::Page::Neighbourhood);
    NeighbourhoodView* view = m_window->neighbourhoodView();
    NB_TRY_VERIFY(!m_session->regions()->isEmpty());
    // Choose 마포구 in the region tree, as a person would.
    QTreeView* tree = view->regionTree();
    const QModelIndex mapoIndex = m_session->regions()->indexOf(11440);
    QVERIFY(mapoIndex.isValid());
    tree->expand(mapoIndex.parent());
    tree->scrollTo(mapoIndex);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(mapoIndex).center());
    QCOMPARE(view->region(), std::optional<qint64>(11440));

    ListingModel* listings = m_session->listings();
    // Before the click the home region (all of Seoul) was listed: only 마포구's answer has one row.
    QTRY_VERIFY_WITH_TIMEOUT(listings->rowCount() == 1 && listings->rowOf(inMapo) >= 0, kWaitMs);
    const QSet<qint64> subtree = m_session->regions()->subtreeOf(11440);
    QCOMPARE(listings->rowCount(), 1);
    for (int row = 0; row < listings->rowCount(); ++row)
        QVERIFY(subtree.contains(listings->summaryAt(row)->region.id));

    // Seoul as a whole holds both Seoul items, still not Busan's.
    view->setRegion(11);
    const QSet<qint64> seoul = m_session->regions()->subtreeOf(11);
    QTRY_VERIFY_WITH_TIMEOUT(listings->rowCount() >= 2, kWaitMs);
    for (int row = 0; row < listings->rowCount(); ++row) {
        QVERIFY(seoul.contains(listings->summaryAt(row)->region.id));
        QVERIFY(!listings->summaryAt(row)->title.contains(QStringLiteral("Haeundae")));
    }
}

void TestClientE2E::lostConnectionRecoversTheMissedEvents()
{
    const Person seller = makePerson("seller", 0);
    const Person watcher = makePerson("watcher", 100'000);
    const Person rival = makePerson("rival", 1'000'000);
    const qint64 auctionId = makeAuction(seller);
    QVERIFY(signIn(watcher));
    AuctionDetailView* detail = openDetail(auctionId);
    QVERIFY(detail);

    m_session->live().stop(); // the connection is lost
    NB_TRY_VERIFY(m_window->connectionIndicator()->text().startsWith(QStringLiteral("Offline")));
    BidPanel* panel = detail->bidPanel();
    NB_TRY_VERIFY(!panel->bidButton()->isEnabled());
    QVERIFY(!panel->amountEdit()->isEnabled());
    QVERIFY(panel->messageLabel()->text().contains(QStringLiteral("offline")));

    Won last = 0;
    for (const Won amount : {11'000, 22'000, 33'000})
        last = m_services->bidding.placeBid(rival.id, auctionId, amount, std::nullopt, newRequestId())
                   .currentPrice;
    QTest::qWait(300);
    QCOMPARE(panel->priceLabel()->text().isEmpty(), false);
    QVERIFY(panel->priceLabel()->text() != formatWon(last));

    m_session->live().start();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->connectionIndicator()->text().startsWith(QStringLiteral("Online")),
                             kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(panel->priceLabel()->text(), formatWon(last), kWaitMs);
    NB_TRY_COMPARE(m_session->nationalAuctions()->auction(auctionId)->currentPrice, last);
    NB_TRY_COMPARE(detail->bidHistory()->rowCount(), 3);
    NB_TRY_VERIFY(panel->bidButton()->isEnabled());
}

void TestClientE2E::switchingToKoreanShowsKoreanStrings()
{
    const Person buyer = makePerson("buyer", 1'234'000);
    QVERIFY(signIn(buyer));
    NavigationList* navigation = m_window->navigation();
    QCOMPARE(navigation->item(0)->text(), QStringLiteral("National live"));

    m_language->apply(QStringLiteral("ko"));
    NB_TRY_COMPARE(navigation->item(0)->text(), QStringLiteral("전국 실시간"));
    QCOMPARE(navigation->item(5)->text(), QStringLiteral("지갑"));
    QCOMPARE(m_window->menuBar()->actions().first()->text(), QStringLiteral("파일(&F)"));
    QVERIFY(m_window->connectionIndicator()->text().startsWith(QStringLiteral("온라인")));
    NB_TRY_VERIFY(m_window->walletIndicator()->availableText().contains(QStringLiteral("사용 가능")));
    QVERIFY(m_window->walletIndicator()->availableText().contains(QStringLiteral("1,234,000원")));
    QCOMPARE(m_session->nationalAuctions()->headerData(0, Qt::Horizontal).toString(), QStringLiteral("제목"));

    m_language->apply(QStringLiteral("en"));
    NB_TRY_COMPARE(navigation->item(0)->text(), QStringLiteral("National live"));
}

int main(int argc, char* argv[])
{
    // A private settings folder: the tests must not read or write this user's client settings.
    QTemporaryDir config;
    qputenv("XDG_CONFIG_HOME", config.path().toUtf8());
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("NeighborBidTest"));
    QApplication::setApplicationName(QStringLiteral("tst_client_e2e"));
    TestClientE2E test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_client_e2e.moc"
