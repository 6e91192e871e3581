// The operators' console, run in-process with its stdout and stderr captured, against the test
// database.
#include "server/console/ConsoleCommand.h"
#include "server/services/AuctionService.h"
#include "server/services/AuthService.h"
#include "server/services/BiddingService.h"
#include "server/services/WalletService.h"
#include "server/storage/ConnectionPool.h"
#include "tests/support/TestDatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cstdio>
#include <memory>
#include <unistd.h>

using nb::test::TestDatabase;

namespace {

struct ConsoleRun {
    int code = -1;
    QString out;
    QString err;
};

QString readAll(std::FILE* file)
{
    std::rewind(file);
    QByteArray bytes;
    char buffer[4096];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, file)) > 0)
        bytes.append(buffer, static_cast<qsizetype>(n));
    std::fclose(file);
    return QString::fromUtf8(bytes);
}

// Points file descriptors 1 and 2 at temporary files for the length of one console run, so that
// everything written (also by code below the console) is seen.
ConsoleRun runCaptured(const QStringList& arguments)
{
    std::fflush(stdout);
    std::fflush(stderr);
    std::FILE* out = std::tmpfile();
    std::FILE* err = std::tmpfile();
    const int savedOut = ::dup(STDOUT_FILENO);
    const int savedErr = ::dup(STDERR_FILENO);
    ::dup2(::fileno(out), STDOUT_FILENO);
    ::dup2(::fileno(err), STDERR_FILENO);
    ConsoleRun run;
    run.code = nb::console::run(arguments);
    std::fflush(stdout);
    std::fflush(stderr);
    ::dup2(savedOut, STDOUT_FILENO);
    ::dup2(savedErr, STDERR_FILENO);
    ::close(savedOut);
    ::close(savedErr);
    run.out = readAll(out);
    run.err = readAll(err);
    return run;
}

ConsoleRun console(const QStringList& arguments)
{
    const QString dsn = QString::fromStdString(TestDatabase::instance().connectionString());
    return runCaptured(QStringList{QStringLiteral("--database"), dsn} + arguments);
}

// A command line split at spaces, without quoting: enough for these tests' arguments.
ConsoleRun console(const QString& commandLine)
{
    return console(commandLine.split(QLatin1Char(' '), Qt::SkipEmptyParts));
}

ConsoleRun console(const char* commandLine)
{
    return console(QString::fromUtf8(commandLine));
}

QJsonObject parseJson(const QString& text)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        qWarning("not a JSON object: %s", qPrintable(text));
    return doc.object();
}

#define QVERIFY_CONTAINS(text, part) QVERIFY2((text).contains(QString::fromUtf8(part)), qPrintable(text))

QString sql(const char* text, qint64 value)
{
    return QString::fromUtf8(text).arg(value);
}

} // namespace

class TstConsole : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void userAddCreatesUserAndRefusesDuplicate();
    void walletDepositChangesWallet();
    void auctionListShowsAuctions();
    void auctionCloseSettles();
    void auctionCancelWithBidsReleasesHold();
    void ledgerVerifyFindsCorruptedWallet();
    void statsJsonMatchesDatabase();
    void demoSeedsOnce();
    void demoResetsPasswords();
    void usageErrorsExitTwo_data();
    void usageErrorsExitTwo();
    void helpExitsZero();

private:
    qint64 makeUser(const QString& username, nb::Won deposit);
    qint64 makeAuction(qint64 sellerId, const QString& title, nb::Won startPrice);
    void bid(qint64 bidderId, qint64 auctionId, nb::Won amount);
    void verifyLedgerOk();

    std::unique_ptr<nb::storage::ConnectionPool> m_pool;
    int m_requests = 0;
};

void TstConsole::initTestCase()
{
    m_pool = std::make_unique<nb::storage::ConnectionPool>(TestDatabase::instance().connectionString(), 2);
}

void TstConsole::init()
{
    TestDatabase::instance().resetData();
}

void TstConsole::cleanupTestCase()
{
    m_pool.reset();
}

qint64 TstConsole::makeUser(const QString& username, nb::Won deposit)
{
    nb::services::Registration registration;
    registration.username = username;
    registration.password = QStringLiteral("password-123");
    registration.regionId = 1168010100;
    const qint64 id = nb::services::AuthService(*m_pool).registerUser(registration).user.id;
    if (deposit > 0)
        nb::services::WalletService(*m_pool).deposit(id, deposit,
                                                     QStringLiteral("t-dep-%1").arg(++m_requests));
    return id;
}

qint64 TstConsole::makeAuction(qint64 sellerId, const QString& title, nb::Won startPrice)
{
    nb::NewAuction spec;
    spec.title = title;
    spec.category = QStringLiteral("electronics");
    spec.isNational = true;
    spec.startPrice = startPrice;
    spec.endsAt = QDateTime::currentDateTimeUtc().addSecs(3600);
    return nb::services::AuctionService(*m_pool).create(sellerId, spec).summary.id;
}

void TstConsole::bid(qint64 bidderId, qint64 auctionId, nb::Won amount)
{
    nb::services::BiddingService(*m_pool).placeBid(bidderId, auctionId, amount, std::nullopt,
                                                   QStringLiteral("t-bid-%1").arg(++m_requests));
}

void TstConsole::verifyLedgerOk()
{
    const ConsoleRun verify = console("ledger verify");
    QCOMPARE(verify.code, 0);
    QCOMPARE(verify.out, QStringLiteral("ok\n"));
}

void TstConsole::userAddCreatesUserAndRefusesDuplicate()
{
    auto& db = TestDatabase::instance();
    const char* add =
        "user add --username erin --password correct-horse --display-name 에린 --region 1168010100";
    const ConsoleRun created = console(add);
    QCOMPARE(created.code, 0);
    bool ok = false;
    const qint64 id = created.out.trimmed().toLongLong(&ok);
    QVERIFY2(ok, qPrintable(created.out));
    QCOMPARE(db.scalar("SELECT id FROM users WHERE username = 'erin' AND display_name = '에린' "
                       "AND region_id = 1168010100 AND NOT is_admin"),
             id);
    QCOMPARE(db.scalar(sql("SELECT count(*) FROM wallets WHERE user_id = %1", id)), 1);
    // The session registering opens is not left behind.
    QCOMPARE(db.scalar(sql("SELECT count(*) FROM sessions WHERE user_id = %1 AND revoked_at IS NULL", id)),
             0);

    const ConsoleRun duplicate = console(add);
    QCOMPARE(duplicate.code, 1);
    QVERIFY_CONTAINS(duplicate.err, "username_taken");
    QCOMPARE(duplicate.out, QString());
    QCOMPARE(db.scalar("SELECT count(*) FROM users"), 1);

    const ConsoleRun admin = console("user add --username root_op --password=secret-pass --admin");
    QCOMPARE(admin.code, 0);
    QCOMPARE(db.scalar("SELECT count(*) FROM users WHERE username = 'root_op' AND is_admin"), 1);

    const ConsoleRun shortPassword = console("user add --username gina --password short");
    QCOMPARE(shortPassword.code, 1);
    QVERIFY_CONTAINS(shortPassword.err, "bad_request");
}

void TstConsole::walletDepositChangesWallet()
{
    auto& db = TestDatabase::instance();
    const qint64 id = makeUser(QStringLiteral("frank"), 0);
    const ConsoleRun first = console("wallet deposit --user frank --amount 250000");
    QCOMPARE(first.code, 0);
    QVERIFY_CONTAINS(first.out, "balance 250,000 won");
    QCOMPARE(db.scalar(sql("SELECT balance FROM wallets WHERE user_id = %1", id)), 250000);
    // Each run is a new deposit (a fresh request_id), and the user may be named by id.
    const ConsoleRun second = console(QStringLiteral("wallet deposit --user %1 --amount 1000").arg(id));
    QCOMPARE(second.code, 0);
    QVERIFY_CONTAINS(second.out, "total 251,000 won");
    QCOMPARE(db.scalar(sql("SELECT balance FROM wallets WHERE user_id = %1", id)), 251000);
    QCOMPARE(
        db.scalar(sql("SELECT count(*) FROM ledger_entries WHERE user_id = %1 AND kind = 'deposit'", id)), 2);

    const ConsoleRun unknown = console("wallet deposit --user nobody --amount 5");
    QCOMPARE(unknown.code, 1);
    QVERIFY_CONTAINS(unknown.err, "not_found");
    verifyLedgerOk();
}

void TstConsole::auctionListShowsAuctions()
{
    const qint64 seller = makeUser(QStringLiteral("seller"), 0);
    const qint64 auction = makeAuction(seller, QStringLiteral("빈티지 카메라"), 1'234'000);
    const ConsoleRun all = console("auction list");
    QCOMPARE(all.code, 0);
    QVERIFY_CONTAINS(all.out, "CURRENT PRICE");
    const QStringList lines = all.out.split(QLatin1Char('\n'));
    QVERIFY2(lines.value(1).contains(QStringLiteral("빈티지 카메라")), qPrintable(all.out));
    QVERIFY(lines.value(1).trimmed().startsWith(QString::number(auction) + QLatin1Char(' ')));
    QVERIFY(lines.value(1).contains(QLatin1String("active")));
    QVERIFY(lines.value(1).contains(QLatin1String("1,234,000 won")));

    const ConsoleRun active = console("auction list --status active");
    QCOMPARE(active.code, 0);
    QVERIFY(active.out.contains(QStringLiteral("빈티지 카메라")));
    const ConsoleRun ended = console("auction list --status ended");
    QCOMPARE(ended.code, 0);
    QCOMPARE(ended.out, QStringLiteral("no auctions\n"));
}

void TstConsole::auctionCloseSettles()
{
    auto& db = TestDatabase::instance();
    const qint64 seller = makeUser(QStringLiteral("seller"), 0);
    const qint64 bidder = makeUser(QStringLiteral("bidder"), 100'000);
    const qint64 auction = makeAuction(seller, QStringLiteral("Camera"), 10'000);
    bid(bidder, auction, 12'000);

    const ConsoleRun closed = console(QStringLiteral("auction close %1").arg(auction));
    QCOMPARE(closed.code, 0);
    QVERIFY2(closed.out.contains(QLatin1String("sold")) && closed.out.contains(QLatin1String("12,000 won")),
             qPrintable(closed.out));
    QCOMPARE(db.scalar(sql("SELECT count(*) FROM auctions WHERE id = %1 AND status = 'ended'", auction)), 1);
    QCOMPARE(db.scalar(sql("SELECT winner_id FROM auctions WHERE id = %1", auction)), bidder);
    QCOMPARE(db.scalar(sql("SELECT final_price FROM auctions WHERE id = %1", auction)), 12'000);
    QCOMPARE(db.scalar(sql("SELECT balance FROM wallets WHERE user_id = %1", seller)), 12'000);
    QCOMPARE(db.scalar(sql("SELECT balance FROM wallets WHERE user_id = %1", bidder)), 88'000);
    QCOMPARE(db.scalar(sql("SELECT locked FROM wallets WHERE user_id = %1", bidder)), 0);
    verifyLedgerOk();

    const ConsoleRun again = console(QStringLiteral("auction close %1").arg(auction));
    QCOMPARE(again.code, 1);
    QVERIFY_CONTAINS(again.err, "conflict");
    const ConsoleRun missing = console("auction close 999999");
    QCOMPARE(missing.code, 1);
    QVERIFY_CONTAINS(missing.err, "not_found");
}

void TstConsole::auctionCancelWithBidsReleasesHold()
{
    auto& db = TestDatabase::instance();
    const qint64 seller = makeUser(QStringLiteral("seller"), 0);
    const qint64 bidder = makeUser(QStringLiteral("bidder"), 100'000);
    const qint64 auction = makeAuction(seller, QStringLiteral("Bike"), 10'000);
    bid(bidder, auction, 15'000);
    QCOMPARE(db.scalar(sql("SELECT locked FROM wallets WHERE user_id = %1", bidder)), 15'000);

    const ConsoleRun cancelled = console(QStringLiteral("auction cancel %1").arg(auction));
    QCOMPARE(cancelled.code, 0);
    QVERIFY_CONTAINS(cancelled.out, "cancelled");
    QCOMPARE(db.scalar(sql("SELECT count(*) FROM auctions WHERE id = %1 AND status = 'cancelled'", auction)),
             1);
    QCOMPARE(db.scalar(sql("SELECT locked FROM wallets WHERE user_id = %1", bidder)), 0);
    QCOMPARE(db.scalar(sql("SELECT balance FROM wallets WHERE user_id = %1", bidder)), 100'000);
    QCOMPARE(db.scalar(sql("SELECT balance FROM wallets WHERE user_id = %1", seller)), 0);
    QCOMPARE(db.scalar(sql("SELECT count(*) FROM holds WHERE auction_id = %1", auction)), 0);
    verifyLedgerOk();

    const ConsoleRun again = console(QStringLiteral("auction cancel %1").arg(auction));
    QCOMPARE(again.code, 1);
    QVERIFY_CONTAINS(again.err, "conflict");
}

void TstConsole::ledgerVerifyFindsCorruptedWallet()
{
    const qint64 id = makeUser(QStringLiteral("henry"), 5'000);
    verifyLedgerOk();
    const ConsoleRun okJson = console("ledger verify --json");
    QCOMPARE(okJson.code, 0);
    const QJsonObject healthy = parseJson(okJson.out);
    QCOMPARE(healthy.value(QLatin1String("ok")).toBool(false), true);
    QVERIFY(healthy.value(QLatin1String("violations")).isArray());
    QCOMPARE(healthy.value(QLatin1String("violations")).toArray().size(), 0);

    TestDatabase::instance().exec(sql("UPDATE wallets SET balance = balance + 1 WHERE user_id = %1", id));
    const QString subject = QStringLiteral("wallet %1").arg(id);
    const ConsoleRun broken = console("ledger verify");
    QCOMPARE(broken.code, 3);
    QVERIFY2(broken.out.contains(QStringLiteral("invariant 1 ")) && broken.out.contains(subject),
             qPrintable(broken.out));

    const ConsoleRun json = console("ledger verify --json");
    QCOMPARE(json.code, 3);
    const QJsonObject report = parseJson(json.out);
    QCOMPARE(report.value(QLatin1String("ok")).toBool(true), false);
    bool found = false;
    for (const QJsonValue v : report.value(QLatin1String("violations")).toArray()) {
        const QJsonObject violation = v.toObject();
        QVERIFY(!violation.value(QLatin1String("detail")).toString().isEmpty());
        found = found || (violation.value(QLatin1String("invariant")).toInt() == 1 &&
                          violation.value(QLatin1String("subject")).toString() == subject);
    }
    QVERIFY2(found, qPrintable(json.out));
}

void TstConsole::statsJsonMatchesDatabase()
{
    auto& db = TestDatabase::instance();
    const qint64 seller = makeUser(QStringLiteral("seller"), 0);
    const qint64 bidder = makeUser(QStringLiteral("bidder"), 300'000);
    const qint64 sold = makeAuction(seller, QStringLiteral("Sold"), 10'000);
    const qint64 open = makeAuction(seller, QStringLiteral("Open"), 20'000);
    bid(bidder, sold, 11'000);
    bid(bidder, open, 20'000);
    QCOMPARE(console(QStringLiteral("auction close %1").arg(sold)).code, 0);
    nb::services::WalletService(*m_pool).withdraw(seller, 1'000, QStringLiteral("t-wd"));

    const ConsoleRun run = console("stats --json");
    QCOMPARE(run.code, 0);
    const QJsonObject stats = parseJson(run.out);
    const auto number = [](const QJsonValue& v) { return static_cast<qint64>(v.toDouble(-1)); };
    const QJsonObject auctions = stats.value(QLatin1String("auctions")).toObject();
    const QJsonObject money = stats.value(QLatin1String("money")).toObject();
    QCOMPARE(number(stats.value(QLatin1String("users"))), db.scalar("SELECT count(*) FROM users"));
    QCOMPARE(number(auctions.value(QLatin1String("active"))), 1);
    QCOMPARE(number(auctions.value(QLatin1String("ended"))), 1);
    QCOMPARE(number(auctions.value(QLatin1String("total"))), 2);
    QCOMPARE(number(stats.value(QLatin1String("bids"))), db.scalar("SELECT count(*) FROM bids"));
    QCOMPARE(number(money.value(QLatin1String("balance"))), db.scalar("SELECT sum(balance) FROM wallets"));
    QCOMPARE(number(money.value(QLatin1String("locked"))), 20'000);
    QCOMPARE(number(money.value(QLatin1String("total"))), 299'000);
    QCOMPARE(number(stats.value(QLatin1String("deposits"))), 300'000);
    QCOMPARE(number(stats.value(QLatin1String("withdrawals"))), 1'000);
    QCOMPARE(number(stats.value(QLatin1String("settled_volume"))), 11'000);
    QCOMPARE(number(stats.value(QLatin1String("pending_outbox"))), db.scalar("SELECT count(*) FROM outbox"));

    const ConsoleRun text = console("stats");
    QCOMPARE(text.code, 0);
    QVERIFY_CONTAINS(text.out, "total 299,000 won");
}

namespace {

// The row counts of every table the demo writes to, and the money in the wallets.
QList<qint64> demoFootprint()
{
    auto& db = TestDatabase::instance();
    QList<qint64> footprint;
    for (const char* table : {"users", "wallets", "auctions", "bids", "holds", "ledger_entries",
                              "idempotency_keys", "outbox", "auction_events", "notifications", "sessions"})
        footprint.append(db.scalar(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))));
    footprint.append(db.scalar("SELECT sum(balance) * 7 + sum(locked) FROM wallets"));
    return footprint;
}

} // namespace

void TstConsole::demoSeedsOnce()
{
    auto& db = TestDatabase::instance();
    const ConsoleRun first = console("demo");
    QCOMPARE(first.code, 0);
    QVERIFY2(first.out.contains(QLatin1String("alice")) && first.out.contains(QLatin1String("neighborbid")),
             qPrintable(first.out));
    QCOMPARE(db.scalar("SELECT count(*) FROM users WHERE username IN ('alice', 'bob', 'carol', 'dave', "
                       "'neighbor_shop')"),
             5);
    QCOMPARE(
        db.scalar("SELECT balance + locked FROM wallets JOIN users ON id = user_id WHERE username = 'alice'"),
        1'000'000);
    QVERIFY(db.scalar("SELECT count(*) FROM auctions") >= 10);
    QCOMPARE(db.scalar("SELECT count(*) FROM auctions WHERE status = 'scheduled'"), 1);
    QVERIFY(db.scalar("SELECT count(*) FROM auctions WHERE buy_now_price IS NOT NULL") >= 2);
    QVERIFY(db.scalar("SELECT count(*) FROM auctions WHERE is_national") >= 3);
    QVERIFY(db.scalar("SELECT count(*) FROM auctions WHERE NOT is_national") >= 3);
    QVERIFY(db.scalar("SELECT count(DISTINCT category_id) FROM auctions") >= 6);
    QCOMPARE(db.scalar("SELECT count(*) FROM auctions WHERE ends_at < now() + interval '9 minutes' "
                       "OR ends_at > now() + interval '3 days 6 minutes'"),
             0);
    QVERIFY(db.scalar("SELECT count(*) FROM bids") >= 5);
    verifyLedgerOk();

    const QList<qint64> before = demoFootprint();
    const ConsoleRun second = console("demo");
    QCOMPARE(second.code, 0);
    QVERIFY_CONTAINS(second.out, "already");
    QCOMPARE(demoFootprint(), before);
}

void TstConsole::demoResetsPasswords()
{
    QCOMPARE(console("demo").code, 0);
    TestDatabase::instance().exec(QStringLiteral("UPDATE users SET password_hash = 'forgotten'"));
    const QList<qint64> before = demoFootprint();
    const ConsoleRun reset = console("demo --reset-passwords");
    QCOMPARE(reset.code, 0);
    QVERIFY_CONTAINS(reset.out, "passwords reset for 5");
    QCOMPARE(demoFootprint(), before);
    const auto session =
        nb::services::AuthService(*m_pool).login(QStringLiteral("carol"), QStringLiteral("neighborbid"));
    QCOMPARE(session.user.username, QStringLiteral("carol"));
}

void TstConsole::usageErrorsExitTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    const auto row =
        [](const char* commandLine) {
            QTest::newRow(commandLine)
                << QString::fromUtf8(commandLine).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        };
    row("");
    row("frobnicate");
    row("auction");
    row("user remove");
    row("stats --verbose");
    row("user add --username ivy");
    row("user add --username ivy --password password-1 --region gangnam");
    row("wallet deposit --user ivy --amount");
    for (const char* amount : {"0", "-5", "12abc", "1,000", "1000000000001", " 5", "+5", "1e6", "٣"}) {
        QTest::newRow(qPrintable(QStringLiteral("amount '%1'").arg(QString::fromUtf8(amount))))
            << QStringList{QStringLiteral("wallet"), QStringLiteral("deposit"),  QStringLiteral("--user"),
                           QStringLiteral("ivy"),    QStringLiteral("--amount"), QString::fromUtf8(amount)};
    }
    row("auction list --status open");
    row("auction list --limit 0");
    row("auction close");
    row("auction close 7x");
    row("auction cancel 1 2");
    row("ledger verify --json=yes");
    row("--data-dir /tmp/nowhere stats");
    row("--database");
}

void TstConsole::usageErrorsExitTwo()
{
    QFETCH(QStringList, arguments);
    // An unreachable database: a usage error must be found before the database is opened.
    const ConsoleRun run = runCaptured(
        QStringList{QStringLiteral("--database"), QStringLiteral("host=/nonexistent dbname=none")} +
        arguments);
    QCOMPARE(run.code, 2);
    QCOMPARE(run.out, QString());
    QCOMPARE(run.err.count(QLatin1Char('\n')), 1);
    QVERIFY2(run.err.startsWith(QLatin1String("neighborbid-server console")), qPrintable(run.err));
}

void TstConsole::helpExitsZero()
{
    const QStringList commands = {QString(),
                                  QStringLiteral("user add"),
                                  QStringLiteral("wallet deposit"),
                                  QStringLiteral("auction list"),
                                  QStringLiteral("auction close"),
                                  QStringLiteral("auction cancel"),
                                  QStringLiteral("ledger verify"),
                                  QStringLiteral("stats"),
                                  QStringLiteral("demo"),
                                  QStringLiteral("auction")};
    for (const QString& command : commands) {
        const ConsoleRun run = runCaptured(command.split(QLatin1Char(' '), Qt::SkipEmptyParts) +
                                           QStringList{QStringLiteral("--help")});
        QCOMPARE(run.code, 0);
        QVERIFY2(run.out.startsWith(QLatin1String("Usage: neighborbid-server console")), qPrintable(run.out));
        QCOMPARE(run.err, QString());
    }
}

QTEST_GUILESS_MAIN(TstConsole)
#include "tst_console.moc"
