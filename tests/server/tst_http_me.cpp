// The signed-in user's REST API over real sockets: the account, the wallet and its ledger
// (idempotent deposits and withdrawals), the user's own lists and notifications.
#include "tests/server/NetworkFixture.h"

#include <QJsonArray>
#include <QTest>

#include <memory>

using nb::Won;
using nb::test::Account;
using nb::test::HttpAnswer;
using nb::test::NetworkFixture;

namespace {

QJsonObject money(Won amount, const QString& requestId)
{
    return QJsonObject{{"amount", amount}, {"request_id", requestId}};
}

QStringList kindsOf(const HttpAnswer& page)
{
    QStringList kinds;
    for (const QJsonValue& item : page.json.value("items").toArray())
        kinds << item.toObject().value("kind").toString();
    return kinds;
}

} // namespace

class TstHttpMe : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void meIsTheSignedInUser();
    void depositAndWithdraw();
    void depositReplayIsIdempotentOverTheWire();
    void walletErrors();
    void ledgerIsNewestFirstAndPaged();
    void myBidsAuctionsAndWatchlist();
    void notificationsCanBeListedAndMarkedRead();
    void notificationReadErrors();

private:
    std::unique_ptr<NetworkFixture> m_net;
};

void TstHttpMe::initTestCase()
{
    m_net = std::make_unique<NetworkFixture>();
}

void TstHttpMe::init()
{
    m_net->reset();
}

void TstHttpMe::cleanupTestCase()
{
    m_net.reset();
}

void TstHttpMe::meIsTheSignedInUser()
{
    const Account user = m_net->makeUser(QStringLiteral("yuna"), 0, 11680);
    const HttpAnswer me = m_net->get(QStringLiteral("/api/v1/me"), user.token);
    NB_EXPECT(me, 200, "");
    QCOMPARE(me.json.value("id").toInteger(), user.id);
    QCOMPARE(me.json.value("username").toString(), QStringLiteral("yuna"));
    QCOMPARE(me.json.value("region_id").toInteger(), 11680);
    QCOMPARE(me.json.value("reputation").toDouble(-1), 0.0);
    QVERIFY(me.json.contains("created_at"));
    NB_EXPECT(m_net->get(QStringLiteral("/api/v1/me")), 401, "unauthorized");
}

void TstHttpMe::depositAndWithdraw()
{
    const Account user = m_net->makeUser(QStringLiteral("saver"));
    const HttpAnswer empty = m_net->get(QStringLiteral("/api/v1/me/wallet"), user.token);
    NB_EXPECT(empty, 200, "");
    QCOMPARE(empty.json, (QJsonObject{{"balance", 0}, {"locked", 0}, {"total", 0}}));

    const HttpAnswer deposited = m_net->post(QStringLiteral("/api/v1/me/wallet/deposit"),
                                             money(50'000, QStringLiteral("d1")), user.token);
    NB_EXPECT(deposited, 200, "");
    QCOMPARE(deposited.json, (QJsonObject{{"balance", 50'000}, {"locked", 0}, {"total", 50'000}}));
    const HttpAnswer withdrawn = m_net->post(QStringLiteral("/api/v1/me/wallet/withdraw"),
                                             money(20'000, QStringLiteral("w1")), user.token);
    NB_EXPECT(withdrawn, 200, "");
    QCOMPARE(withdrawn.json.value("balance").toInteger(), 30'000);
    QCOMPARE(m_net->get(QStringLiteral("/api/v1/me/wallet"), user.token).json.value("total").toInteger(),
             30'000);
}

void TstHttpMe::depositReplayIsIdempotentOverTheWire()
{
    const Account user = m_net->makeUser(QStringLiteral("careful"));
    const QString deposit = QStringLiteral("/api/v1/me/wallet/deposit");
    const HttpAnswer first = m_net->post(deposit, money(10'000, QStringLiteral("same-1")), user.token);
    NB_EXPECT(first, 200, "");
    const HttpAnswer replay = m_net->post(deposit, money(10'000, QStringLiteral("same-1")), user.token);
    NB_EXPECT(replay, 200, "");
    QCOMPARE(replay.body, first.body);
    QCOMPARE(m_net->wallet(user.id).balance, 10'000);
    QCOMPARE(kindsOf(m_net->get(QStringLiteral("/api/v1/me/ledger"), user.token)), QStringList{"deposit"});

    NB_EXPECT(m_net->post(deposit, money(99'000, QStringLiteral("same-1")), user.token), 409,
              "idempotency_mismatch");
    QCOMPARE(m_net->wallet(user.id).balance, 10'000);
}

void TstHttpMe::walletErrors()
{
    const Account user = m_net->makeUser(QStringLiteral("spender"), 30'000);
    const Account owner = m_net->makeUser(QStringLiteral("seller"));
    NB_EXPECT(m_net->post(QStringLiteral("/api/v1/me/wallet/deposit"), money(1'000, QStringLiteral("x"))),
              401, "unauthorized");
    NB_EXPECT(m_net->get(QStringLiteral("/api/v1/me/wallet")), 401, "unauthorized");
    const HttpAnswer zero =
        m_net->post(QStringLiteral("/api/v1/me/wallet/deposit"), money(0, QStringLiteral("z")), user.token);
    NB_EXPECT(zero, 400, "bad_request");
    QCOMPARE(zero.errorDetails().value("field").toString(), QStringLiteral("amount"));
    NB_EXPECT(m_net->post(QStringLiteral("/api/v1/me/wallet/deposit"),
                          money(1'000'000'000'001, QStringLiteral("z")), user.token),
              400, "bad_request");

    // 10,000 locked by a bid: only the 20,000 left in the balance can be withdrawn.
    const qint64 auction = m_net->makeAuction(owner);
    NB_EXPECT(m_net->post(QStringLiteral("/api/v1/auctions/%1/bids").arg(auction),
                          money(10'000, QStringLiteral("b")), user.token),
              201, "");
    const HttpAnswer tooMuch = m_net->post(QStringLiteral("/api/v1/me/wallet/withdraw"),
                                           money(25'000, QStringLiteral("w")), user.token);
    NB_EXPECT(tooMuch, 409, "insufficient_funds");
    QCOMPARE(tooMuch.errorDetails().value("available").toInteger(), 20'000);
    QCOMPARE(m_net->wallet(user.id).balance, 20'000);
    QCOMPARE(m_net->wallet(user.id).locked, 10'000);
}

void TstHttpMe::ledgerIsNewestFirstAndPaged()
{
    const Account user = m_net->makeUser(QStringLiteral("accountant"));
    const QString deposit = QStringLiteral("/api/v1/me/wallet/deposit");
    NB_EXPECT(m_net->post(deposit, money(10'000, QStringLiteral("l1")), user.token), 200, "");
    NB_EXPECT(m_net->post(QStringLiteral("/api/v1/me/wallet/withdraw"), money(3'000, QStringLiteral("l2")),
                          user.token),
              200, "");
    const HttpAnswer ledger = m_net->get(QStringLiteral("/api/v1/me/ledger"), user.token);
    NB_EXPECT(ledger, 200, "");
    QCOMPARE(kindsOf(ledger), (QStringList{"withdraw", "deposit"}));
    QCOMPARE(ledger.json.value("total").toInteger(), 2);
    const QJsonObject newest = ledger.json.value("items").toArray().first().toObject();
    QCOMPARE(newest.value("amount").toInteger(), 3'000);
    QCOMPARE(newest.value("balance_after").toInteger(), 7'000);

    const HttpAnswer second = m_net->get(QStringLiteral("/api/v1/me/ledger?page=2&page_size=1"), user.token);
    QCOMPARE(kindsOf(second), QStringList{"deposit"});
    QCOMPARE(second.json.value("page").toInt(), 2);
    const HttpAnswer badSize = m_net->get(QStringLiteral("/api/v1/me/ledger?page_size=500"), user.token);
    NB_EXPECT(badSize, 400, "bad_request");
    QCOMPARE(badSize.errorDetails().value("field").toString(), QStringLiteral("page_size"));
    NB_EXPECT(m_net->get(QStringLiteral("/api/v1/me/ledger")), 401, "unauthorized");
}

void TstHttpMe::myBidsAuctionsAndWatchlist()
{
    const Account owner = m_net->makeUser(QStringLiteral("seller"));
    const Account bidder = m_net->makeUser(QStringLiteral("bidder"), 100'000);
    const qint64 first = m_net->makeAuction(owner);
    const qint64 second =
        m_net->makeAuction(owner, [](nb::NewAuction& a) { a.title = QStringLiteral("Lamp"); });

    QJsonObject proxy = money(10'000, QStringLiteral("mb1"));
    proxy.insert("max_amount", 30'000);
    NB_EXPECT(m_net->post(QStringLiteral("/api/v1/auctions/%1/bids").arg(first), proxy, bidder.token), 201,
              "");
    const HttpAnswer bids = m_net->get(QStringLiteral("/api/v1/me/bids"), bidder.token);
    NB_EXPECT(bids, 200, "");
    const QJsonArray bidItems = bids.json.value("items").toArray();
    QCOMPARE(bidItems.size(), 1);
    QCOMPARE(bidItems.first().toObject().value("id").toInteger(), first);
    QCOMPARE(bidItems.first().toObject().value("my_max").toInteger(), 30'000);
    QCOMPARE(bidItems.first().toObject().value("leading").toBool(), true);

    const HttpAnswer mine = m_net->get(QStringLiteral("/api/v1/me/auctions"), owner.token);
    NB_EXPECT(mine, 200, "");
    QCOMPARE(mine.json.value("total").toInteger(), 2);
    QCOMPARE(m_net->get(QStringLiteral("/api/v1/me/auctions"), bidder.token).json.value("total").toInteger(),
             0);

    QCOMPARE(m_net->put(QStringLiteral("/api/v1/auctions/%1/watch").arg(second), bidder.token).status, 204);
    const HttpAnswer watchlist = m_net->get(QStringLiteral("/api/v1/me/watchlist?page_size=5"), bidder.token);
    NB_EXPECT(watchlist, 200, "");
    QCOMPARE(watchlist.json.value("items").toArray().first().toObject().value("id").toInteger(), second);
    QCOMPARE(watchlist.json.value("page_size").toInt(), 5);
    NB_EXPECT(m_net->get(QStringLiteral("/api/v1/me/bids")), 401, "unauthorized");
    NB_EXPECT(m_net->get(QStringLiteral("/api/v1/me/watchlist?page=0"), bidder.token), 400, "bad_request");
}

void TstHttpMe::notificationsCanBeListedAndMarkedRead()
{
    const Account owner = m_net->makeUser(QStringLiteral("seller"));
    const Account first = m_net->makeUser(QStringLiteral("first"), 100'000);
    const Account second = m_net->makeUser(QStringLiteral("second"), 100'000);
    const qint64 auction = m_net->makeAuction(owner);
    const QString bids = QStringLiteral("/api/v1/auctions/%1/bids").arg(auction);
    NB_EXPECT(m_net->post(bids, money(10'000, QStringLiteral("n1")), first.token), 201, "");
    NB_EXPECT(m_net->post(bids, money(20'000, QStringLiteral("n2")), second.token), 201, "");
    NB_EXPECT(m_net->post(bids, money(30'000, QStringLiteral("n3")), first.token), 201, "");

    const QString inbox = QStringLiteral("/api/v1/me/notifications");
    const HttpAnswer all = m_net->get(inbox, first.token);
    NB_EXPECT(all, 200, "");
    QVERIFY2(kindsOf(all).contains(QStringLiteral("outbid")), all.body.constData());
    const qint64 unread = all.json.value("unread").toInteger();
    QVERIFY(unread >= 1);
    const qint64 firstId = all.json.value("items").toArray().first().toObject().value("id").toInteger();

    NB_EXPECT(m_net->post(inbox + QStringLiteral("/read"), {{"ids", QJsonArray{firstId}}}, first.token), 204,
              "");
    const HttpAnswer after = m_net->get(inbox + QStringLiteral("?unread=1"), first.token);
    NB_EXPECT(after, 200, "");
    QCOMPARE(after.json.value("unread").toInteger(), unread - 1);
    for (const QJsonValue& item : after.json.value("items").toArray())
        QCOMPARE(item.toObject().value("read").toBool(), false);

    // Someone else's ids are ignored.
    const HttpAnswer ownerInbox = m_net->get(inbox, owner.token);
    const qint64 ownerUnread = ownerInbox.json.value("unread").toInteger();
    QJsonArray ownerIds;
    for (const QJsonValue& item : ownerInbox.json.value("items").toArray())
        ownerIds.append(item.toObject().value("id"));
    NB_EXPECT(m_net->post(inbox + QStringLiteral("/read"), {{"ids", ownerIds}}, first.token), 204, "");
    QCOMPARE(m_net->get(inbox, owner.token).json.value("unread").toInteger(), ownerUnread);

    NB_EXPECT(m_net->post(inbox + QStringLiteral("/read"), {{"all", true}}, first.token), 204, "");
    QCOMPARE(m_net->get(inbox, first.token).json.value("unread").toInteger(), 0);
    QCOMPARE(
        m_net->get(inbox + QStringLiteral("?unread=1"), first.token).json.value("items").toArray().size(), 0);
}

void TstHttpMe::notificationReadErrors()
{
    const Account user = m_net->makeUser(QStringLiteral("reader"));
    const QString read = QStringLiteral("/api/v1/me/notifications/read");
    NB_EXPECT(m_net->post(read, {{"all", true}}), 401, "unauthorized");
    NB_EXPECT(m_net->post(read, {}, user.token), 400, "bad_request");
    NB_EXPECT(m_net->post(read, {{"ids", "1,2"}}, user.token), 400, "bad_request");
    NB_EXPECT(m_net->post(read, {{"ids", QJsonArray{1, 0}}}, user.token), 400, "bad_request");
    NB_EXPECT(m_net->post(read, {{"all", "yes"}}, user.token), 400, "bad_request");
    NB_EXPECT(m_net->get(QStringLiteral("/api/v1/me/notifications?unread=maybe"), user.token), 400,
              "bad_request");
    NB_EXPECT(m_net->get(QStringLiteral("/api/v1/me/notifications")), 401, "unauthorized");
}

QTEST_GUILESS_MAIN(TstHttpMe)
#include "tst_http_me.moc"
