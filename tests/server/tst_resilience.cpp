// The real `neighborbid-server serve` binary meeting real failures: its database going away and
// coming back, TLS with a self-signed certificate, a foreign Origin, and bad options.
//
// The server gets the test database through a socket path of the test's own that points at the
// cluster's real socket: a restarted test cluster listens on a new port (a new socket name), so
// the link is moved after each start and the server's --database stays the same, as a
// production database keeps its address across a restart.
#include "tests/server/ApiClient.h"
#include "tests/server/ServerProcess.h"
#include "tests/server/WsClient.h"
#include "tests/support/TestDatabase.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QSslCertificate>
#include <QSslError>
#include <QTemporaryDir>
#include <QTest>

#include <pqxx/connection>
#include <pqxx/nontransaction>

using nb::test::ApiAccount;
using nb::test::ApiAnswer;
using nb::test::ApiClient;
using nb::test::CommandRun;
using nb::test::ServerProcess;
using nb::test::TestDatabase;
using nb::test::WsClient;

namespace {

constexpr int kStablePort = 5432; // names the linked socket only; nothing listens on TCP there

QUrl httpUrl(const ServerProcess& server, const char* scheme = "http")
{
    return QUrl(QStringLiteral("%1://127.0.0.1:%2").arg(QLatin1String(scheme)).arg(server.httpPort()));
}

QUrl wsUrl(const ServerProcess& server, const char* scheme = "ws")
{
    return QUrl(QStringLiteral("%1://127.0.0.1:%2/ws").arg(QLatin1String(scheme)).arg(server.wsPort()));
}

QString typeOf(const QJsonObject& message)
{
    return message.value(QStringLiteral("type")).toString();
}

/// Matches the auction.bid event of one auction with one seq.
std::function<bool(const QJsonObject&)> bidEvent(qint64 auctionId, qint64 seq)
{
    return [=](const QJsonObject& m) {
        return typeOf(m) == QLatin1String("auction.bid") &&
               m.value(QStringLiteral("auction_id")).toInteger() == auctionId &&
               m.value(QStringLiteral("seq")).toInteger() == seq;
    };
}

} // namespace

class TstResilience : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void badOptionsExitWithUsageError_data();
    void badOptionsExitWithUsageError();
    void badOriginRefusedByTheBinary();
    void tlsServesHttpsAndWss();
    // Last: it restarts the test cluster.
    void databaseOutageAnswersUnavailableAndRecovers();

private:
    QStringList databaseArguments() const
    {
        return {QStringLiteral("--database"), QString::fromStdString(m_dsn)};
    }
    /// Points the stable socket path at the running cluster's socket.
    bool linkSocket();
    qint64 scalar(const std::string& sql);
    /// Backends of the test database whose last statement was a LISTEN: the outbox relay's.
    qint64 listeningConnections();

    QTemporaryDir m_socketDir{QStringLiteral("/tmp/nbsock-XXXXXX")};
    std::string m_dsn;
};

void TstResilience::initTestCase()
{
    QVERIFY2(QFileInfo(ServerProcess::program()).isExecutable(), qPrintable(ServerProcess::program()));
    QVERIFY(m_socketDir.isValid());
    TestDatabase::instance(); // started and migrated
    QVERIFY(linkSocket());
    m_dsn = QStringLiteral("host=%1 port=%2 dbname=%3 user=postgres connect_timeout=10")
                .arg(m_socketDir.path())
                .arg(kStablePort)
                .arg(QLatin1String(TestDatabase::kDatabaseName))
                .toStdString();
    QCOMPARE(scalar("SELECT 1"), qint64(1));
}

bool TstResilience::linkSocket()
{
    auto& cluster = TestDatabase::instance().cluster();
    const QString target = QStringLiteral("%1/.s.PGSQL.%2").arg(cluster.socketDir()).arg(cluster.port());
    const QString link = QStringLiteral("%1/.s.PGSQL.%2").arg(m_socketDir.path()).arg(kStablePort);
    QFile::remove(link);
    return QFile::link(target, link);
}

qint64 TstResilience::scalar(const std::string& sql)
{
    pqxx::connection conn(m_dsn);
    pqxx::nontransaction tx(conn);
    return tx.exec1(sql)[0].as<qint64>();
}

qint64 TstResilience::listeningConnections()
{
    return scalar("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                  "AND pid <> pg_backend_pid() AND query LIKE 'LISTEN %'");
}

void TstResilience::badOptionsExitWithUsageError_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("named");
    QTest::newRow("http port out of range")
        << QStringList{QStringLiteral("--http-port"), QStringLiteral("70000"), QStringLiteral("--ws-port"),
                       QStringLiteral("0")}
        << QStringLiteral("--http-port");
    QTest::newRow("redis url of another scheme")
        << QStringList{QStringLiteral("--http-port"), QStringLiteral("0"),       QStringLiteral("--ws-port"),
                       QStringLiteral("0"),           QStringLiteral("--redis"), QStringLiteral("http://x")}
        << QStringLiteral("--redis");
    QTest::newRow("tls certificate without a key")
        << QStringList{QStringLiteral("--http-port"), QStringLiteral("0"),
                       QStringLiteral("--ws-port"),   QStringLiteral("0"),
                       QStringLiteral("--tls-cert"),  QStringLiteral("/etc/hostname")}
        << QStringLiteral("--tls-cert");
    QTest::newRow("negative rate limit") << QStringList{QStringLiteral("--http-port"),  QStringLiteral("0"),
                                                        QStringLiteral("--ws-port"),    QStringLiteral("0"),
                                                        QStringLiteral("--rate-limit"), QStringLiteral("-5")}
                                         << QStringLiteral("--rate-limit");
}

void TstResilience::badOptionsExitWithUsageError()
{
    QFETCH(QStringList, options);
    QFETCH(QString, named);
    QElapsedTimer timer;
    timer.start();
    const CommandRun run =
        ServerProcess::run(QStringList{QStringLiteral("serve")} + databaseArguments() + options, 20'000);
    QVERIFY2(run.exitCode == 2, qPrintable(QStringLiteral("exit %1: %2").arg(run.exitCode).arg(run.err)));
    const QString message = run.err.trimmed();
    QVERIFY2(!message.isEmpty() && !message.contains(QLatin1Char('\n')), qPrintable(run.err));
    QVERIFY2(message.contains(named), qPrintable(message));
    QVERIFY2(!run.out.contains(QLatin1String("listening")), qPrintable(run.out));
    // Refused on the options alone, before any database or socket work.
    QVERIFY2(timer.elapsed() < 10'000, qPrintable(QString::number(timer.elapsed())));
}

void TstResilience::badOriginRefusedByTheBinary()
{
    ServerProcess server;
    QVERIFY2(server.start(databaseArguments() + QStringList{QStringLiteral("--allowed-origin"),
                                                            QStringLiteral("https://app.example")}),
             qPrintable(server.log()));

    WsClient evil(QStringLiteral("https://evil.example"));
    QVERIFY(!evil.open(wsUrl(server)));
    QVERIFY(!evil.isConnected());

    WsClient allowed(QStringLiteral("https://app.example"));
    QVERIFY(allowed.open(wsUrl(server)));
    QCOMPARE(typeOf(allowed.hello()), QStringLiteral("welcome"));

    // Native clients send no Origin at all: only a present, unlisted Origin is refused.
    WsClient native;
    QVERIFY(native.open(wsUrl(server)));
    QCOMPARE(typeOf(native.hello()), QStringLiteral("welcome"));

    // A refused handshake costs the server nothing: a second one is refused too, the first
    // connections stay.
    WsClient evilAgain(QStringLiteral("https://evil.example"));
    QVERIFY(!evilAgain.open(wsUrl(server)));
    QVERIFY(allowed.isConnected());
    QVERIFY(allowed.pingRoundTripMs() >= 0);
    QVERIFY(server.isRunning());
    QVERIFY2(server.stop(), qPrintable(server.log()));
}

void TstResilience::tlsServesHttpsAndWss()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString keyPath = dir.filePath(QStringLiteral("key.pem"));
    const QString certPath = dir.filePath(QStringLiteral("cert.pem"));
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
                   QStringLiteral("1"), QStringLiteral("-subj"), QStringLiteral("/CN=localhost"),
                   QStringLiteral("-keyout"), keyPath, QStringLiteral("-out"), certPath});
    QVERIFY(openssl.waitForFinished(60'000));
    QVERIFY2(openssl.exitStatus() == QProcess::NormalExit && openssl.exitCode() == 0,
             openssl.readAllStandardError().constData());
    const QList<QSslCertificate> certificates = QSslCertificate::fromPath(certPath);
    QCOMPARE(certificates.size(), 1);
    const QSslCertificate& certificate = certificates.first();

    ServerProcess server;
    QVERIFY2(server.start(databaseArguments() + QStringList{QStringLiteral("--tls-cert"), certPath,
                                                            QStringLiteral("--tls-key"), keyPath}),
             qPrintable(server.log()));

    // Not trusting the self-signed certificate, a client refuses the server: the port really is TLS.
    ApiClient untrusting(httpUrl(server, "https"));
    const ApiAnswer refused = untrusting.get(QStringLiteral("/api/v1/health"));
    QVERIFY2(refused.status == 0, qPrintable(refused.describe()));
    QCOMPARE(refused.error, QNetworkReply::SslHandshakeFailedError);

    ApiClient https(httpUrl(server, "https"));
    https.acceptCertificate(certificate);
    const ApiAnswer health = https.get(QStringLiteral("/api/v1/health"));
    QVERIFY2(health.status == 200, qPrintable(health.describe()));
    QCOMPARE(health.json.value(QStringLiteral("db")).toString(), QStringLiteral("ok"));
    const ApiAccount user = https.registerUser(QStringLiteral("tls_user"), 5'000);
    QVERIFY2(user.id > 0, qPrintable(https.lastFailure()));

    WsClient wss;
    wss.socket().ignoreSslErrors({QSslError(QSslError::SelfSignedCertificate, certificate),
                                  QSslError(QSslError::HostNameMismatch, certificate)});
    QVERIFY(wss.open(wsUrl(server, "wss")));
    const QJsonObject welcome = wss.hello(user.token);
    QCOMPARE(typeOf(welcome), QStringLiteral("welcome"));
    QCOMPARE(welcome.value(QStringLiteral("user")).toObject().value(QStringLiteral("id")).toInteger(),
             user.id);
    QVERIFY(!welcome.value(QStringLiteral("server_time")).toString().isEmpty());
    QVERIFY(wss.pingRoundTripMs() >= 0);

    // Plain text on the TLS ports gets no answer.
    ApiClient plain(httpUrl(server, "http"));
    const ApiAnswer plainAnswer = plain.get(QStringLiteral("/api/v1/health"));
    QVERIFY2(plainAnswer.status == 0, qPrintable(plainAnswer.describe()));
    QVERIFY(plainAnswer.error != QNetworkReply::NoError);
    WsClient plainWs;
    QVERIFY(!plainWs.open(wsUrl(server, "ws")));

    // The secure connection outlived the bad ones.
    QVERIFY(wss.isConnected());
    QVERIFY(wss.pingRoundTripMs() >= 0);
    QVERIFY2(server.stop(), qPrintable(server.log()));
}

void TstResilience::databaseOutageAnswersUnavailableAndRecovers()
{
    ServerProcess server;
    QVERIFY2(server.start(databaseArguments()), qPrintable(server.log()));
    ApiClient api(httpUrl(server));
    const ApiAccount seller = api.registerUser(QStringLiteral("outage_seller"));
    QVERIFY2(seller.id > 0, qPrintable(api.lastFailure()));
    const ApiAccount first = api.registerUser(QStringLiteral("outage_first"), 100'000);
    QVERIFY2(first.id > 0, qPrintable(api.lastFailure()));
    const ApiAccount second = api.registerUser(QStringLiteral("outage_second"), 100'000);
    QVERIFY2(second.id > 0, qPrintable(api.lastFailure()));
    const qint64 auctionId = api.createAuction(seller);
    QVERIFY2(auctionId > 0, qPrintable(api.lastFailure()));

    WsClient watcher;
    QVERIFY(watcher.open(wsUrl(server)));
    QCOMPARE(typeOf(watcher.hello()), QStringLiteral("welcome"));
    QCOMPARE(typeOf(watcher.subscribe(auctionId)), QStringLiteral("snapshot"));
    WsClient secondLive;
    QVERIFY(secondLive.open(wsUrl(server)));
    QCOMPARE(typeOf(secondLive.hello(second.token)), QStringLiteral("welcome"));
    const ApiAnswer before = api.bid(first, auctionId, 10'000);
    QVERIFY2(before.status == 201, qPrintable(before.describe()));
    QVERIFY(watcher.waitFor(bidEvent(auctionId, 1), 5'000));
    QTRY_COMPARE_WITH_TIMEOUT(listeningConnections(), qint64(1), 5'000);

    TestDatabase::instance().cluster().stop();

    const ApiAnswer down = api.get(QStringLiteral("/api/v1/health"));
    QVERIFY2(down.status == 503, qPrintable(down.describe()));
    QCOMPARE(down.json.value(QStringLiteral("db")).toString(), QStringLiteral("down"));
    const QString outageRequest = ApiClient::newRequestId();
    const ApiAnswer refused = api.bid(second, auctionId, 11'000, outageRequest);
    QVERIFY2(refused.status == 503, qPrintable(refused.describe()));
    QCOMPARE(refused.errorCode(), QStringLiteral("unavailable"));
    const ApiAnswer unreadable = api.get(QStringLiteral("/api/v1/auctions/%1").arg(auctionId));
    QVERIFY2(unreadable.status == 503, qPrintable(unreadable.describe()));
    QCOMPARE(unreadable.errorCode(), QStringLiteral("unavailable"));
    // The same over WebSocket: an error answer, and the connection stays.
    const QJsonObject noSnapshot = secondLive.subscribe(auctionId);
    QCOMPARE(typeOf(noSnapshot), QStringLiteral("error"));
    QCOMPARE(noSnapshot.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
             QStringLiteral("unavailable"));
    const QJsonObject refusedLive = secondLive.request({{QStringLiteral("type"), QStringLiteral("bid")},
                                                        {QStringLiteral("auction_id"), auctionId},
                                                        {QStringLiteral("amount"), 11'000}});
    QCOMPARE(typeOf(refusedLive), QStringLiteral("error"));
    QCOMPARE(refusedLive.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
             QStringLiteral("unavailable"));

    // Some seconds without a database: the relay and the scheduler fail every tick meanwhile.
    WsClient::spin(3'000);
    QVERIFY2(server.isRunning(), qPrintable(server.log()));
    const ApiAnswer stillDown = api.get(QStringLiteral("/api/v1/health"));
    QVERIFY2(stillDown.status == 503, qPrintable(stillDown.describe()));
    QVERIFY(watcher.isConnected());
    QVERIFY(watcher.pingRoundTripMs() >= 0);
    QVERIFY(secondLive.isConnected());

    TestDatabase::instance().cluster().start();
    QVERIFY(linkSocket());
    QElapsedTimer sinceBack;
    sinceBack.start();
    QTRY_VERIFY_WITH_TIMEOUT(api.get(QStringLiteral("/api/v1/health")).status == 200, 5'000);
    qInfo("health answered 200 %lld ms after the database came back", sinceBack.elapsed());
    QCOMPARE(api.get(QStringLiteral("/api/v1/health")).json.value(QStringLiteral("db")).toString(),
             QStringLiteral("ok"));

    // The refused bid left no trace: no bid, no hold, no idempotency record.
    const std::string auction = std::to_string(auctionId);
    QCOMPARE(scalar("SELECT count(*) FROM bids WHERE auction_id = " + auction), qint64(1));
    QCOMPARE(scalar("SELECT locked FROM wallets WHERE user_id = " + std::to_string(second.id)), qint64(0));
    QCOMPARE(scalar("SELECT count(*) FROM idempotency_keys WHERE request_id = '" +
                    outageRequest.toStdString() + "'"),
             qint64(0));

    // The relay listens again, and the same request now goes through and reaches the watcher.
    QTRY_COMPARE_WITH_TIMEOUT(listeningConnections(), qint64(1), 5'000);
    const ApiAnswer retried = api.bid(second, auctionId, 11'000, outageRequest);
    QVERIFY2(retried.status == 201, qPrintable(retried.describe()));
    QCOMPARE(retried.json.value(QStringLiteral("seq")).toInteger(), qint64(2));
    QVERIFY2(watcher.waitFor(bidEvent(auctionId, 2), 5'000), qPrintable(server.log().right(2000)));
    QVERIFY(watcher.isConnected());
    QCOMPARE(watcher.eventSeqs(auctionId), (QList<qint64>{1, 2}));
    // The live connection that met the outage bids again on the same socket.
    const QJsonObject placedLive = secondLive.request({{QStringLiteral("type"), QStringLiteral("bid")},
                                                       {QStringLiteral("auction_id"), auctionId},
                                                       {QStringLiteral("amount"), 12'000}});
    QVERIFY2(typeOf(placedLive) == QLatin1String("bid_result"),
             QJsonDocument(placedLive).toJson(QJsonDocument::Compact).constData());
    QVERIFY(watcher.waitFor(bidEvent(auctionId, 3), 5'000));

    const CommandRun verify =
        ServerProcess::run(QStringList{QStringLiteral("console")} + databaseArguments() +
                           QStringList{QStringLiteral("ledger"), QStringLiteral("verify")});
    QVERIFY2(verify.exitCode == 0, qPrintable(verify.out + verify.err));
    QVERIFY2(server.stop(), qPrintable(server.log().right(2000)));
}

QTEST_GUILESS_MAIN(TstResilience)
#include "tst_resilience.moc"
