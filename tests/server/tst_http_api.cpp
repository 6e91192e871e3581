// The REST API's common behaviour over real sockets: health and metrics, reference data, sign-up
// and sessions, bearer authentication, error envelopes, body limits and rate limiting.
#include "tests/server/NetworkFixture.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>
#include <vector>

using nb::test::Account;
using nb::test::HttpAnswer;
using nb::test::HttpLimits;
using nb::test::NetworkFixture;

namespace {

QByteArray json(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

/// A keep-alive connection that sends one request at a time, as fast as answers come, and counts
/// the answers (by their status lines); with abandonEvery > 0 every that-many requests it sends
/// one more and hangs up at once without waiting for it, then reconnects.
class BusyClient {
public:
    BusyClient(quint16 port, QByteArray request, int requests, int abandonEvery)
        : m_port(port)
        , m_request(std::move(request))
        , m_left(requests)
        , m_abandonEvery(abandonEvery)
    {
        QObject::connect(&m_socket, &QTcpSocket::connected, [this] { sendNext(); });
        QObject::connect(&m_socket, &QTcpSocket::readyRead, [this] { read(); });
        connectToServer();
    }

    bool done() const { return m_left == 0 && m_waiting == false; }
    int ok() const { return m_ok; }
    int other() const { return m_other; }
    int abandoned() const { return m_abandoned; }

private:
    void connectToServer()
    {
        m_buffer.clear();
        m_socket.connectToHost(QHostAddress::LocalHost, m_port);
    }

    void sendNext()
    {
        if (m_left == 0)
            return;
        if (m_abandonEvery > 0 && m_sent > 0 && m_sent % m_abandonEvery == 0 && !m_justReconnected) {
            m_socket.write(m_request);
            m_socket.flush();
            m_socket.abort();
            ++m_abandoned;
            m_justReconnected = true;
            connectToServer();
            return;
        }
        m_justReconnected = false;
        m_socket.write(m_request);
        ++m_sent;
        --m_left;
        m_waiting = true;
    }

    void read()
    {
        m_buffer += m_socket.readAll();
        const qsizetype headerEnd = m_buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        static const QRegularExpression lengthHeader(QStringLiteral("(?i)\r\ncontent-length:\\s*(\\d+)"));
        const QRegularExpressionMatch length =
            lengthHeader.match(QString::fromLatin1(m_buffer.left(headerEnd + 2)));
        const qsizetype total = headerEnd + 4 + (length.hasMatch() ? length.captured(1).toLongLong() : 0);
        if (m_buffer.size() < total)
            return;
        if (m_buffer.startsWith("HTTP/1.1 200"))
            ++m_ok;
        else
            ++m_other;
        m_buffer.remove(0, total);
        m_waiting = false;
        sendNext();
    }

    QTcpSocket m_socket;
    quint16 m_port;
    QByteArray m_request;
    QByteArray m_buffer;
    int m_left;
    int m_abandonEvery;
    int m_sent = 0;
    int m_ok = 0;
    int m_other = 0;
    int m_abandoned = 0;
    bool m_waiting = false;
    bool m_justReconnected = false;
};

} // namespace

class TstHttpApi : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void healthReportsDatabaseAndRedis();
    void healthIs503AndCallsAreUnavailableWhenTheDatabaseIsDown();
    void metricsAreInPrometheusFormat();
    void regionsAndCategories();
    void unknownRoutesAndWrongMethodsAreJson404();
    void registerLoginAndLogout();
    void registrationErrors();
    void loginErrors();
    void bearerTokenIsRequiredAndChecked();
    void malformedAndIllTypedBodiesAreBadRequests();
    void jsonBodiesOverTheLimitAre413();
    void declaredHugeBodiesAreRefusedBeforeTheyArrive();
    void chunkedBodiesAreReadUpToTheLimit();
    void anonymousFloodsAreRateLimitedPerAddress();
    void signedInFloodsAreRateLimitedPerUser();
    void unexpectedFailuresAre500WithoutDetails();
    void serviceCallsRunOnWorkersNotTheSocketThread();
    void clientsThatLeaveEarlyDoNotDisturbTheServer();
    void everyRequestOfABusyServerIsAnsweredOnce();
    void servesHttpsWhenGivenTls();

private:
    std::unique_ptr<NetworkFixture> m_net;
};

void TstHttpApi::initTestCase()
{
    HttpLimits limits;
    limits.options.maxBodyBytes = 4 * 1024;
    limits.options.redisStatus = [] { return QStringLiteral("ok"); };
    m_net = std::make_unique<NetworkFixture>(limits);
}

void TstHttpApi::init()
{
    m_net->reset();
}

void TstHttpApi::cleanupTestCase()
{
    m_net.reset();
}

void TstHttpApi::healthReportsDatabaseAndRedis()
{
    const HttpAnswer health = m_net->get(QStringLiteral("/api/v1/health"));
    NB_EXPECT(health, 200, "");
    QCOMPARE(health.json.value("status").toString(), QStringLiteral("ok"));
    QCOMPARE(health.json.value("db").toString(), QStringLiteral("ok"));
    QCOMPARE(health.json.value("redis").toString(), QStringLiteral("ok"));
    QVERIFY(!health.json.value("version").toString().isEmpty());

    NetworkFixture plain; // no redisStatus: Redis is off
    QCOMPARE(plain.get(QStringLiteral("/api/v1/health")).json.value("redis").toString(),
             QStringLiteral("off"));
}

void TstHttpApi::healthIs503AndCallsAreUnavailableWhenTheDatabaseIsDown()
{
    // Nothing listens on port 1: every connection attempt is refused at once.
    NetworkFixture down("host=127.0.0.1 port=1 dbname=nothing user=nobody connect_timeout=2", HttpLimits{});
    const HttpAnswer health = down.get(QStringLiteral("/api/v1/health"));
    NB_EXPECT(health, 503, "");
    QCOMPARE(health.json.value("db").toString(), QStringLiteral("down"));
    QCOMPARE(health.json.value("status").toString(), QStringLiteral("unavailable"));

    NB_EXPECT(down.get(QStringLiteral("/api/v1/me"), QStringLiteral("some-token")), 503, "unavailable");
    NB_EXPECT(down.get(QStringLiteral("/api/v1/categories")), 503, "unavailable");
}

void TstHttpApi::metricsAreInPrometheusFormat()
{
    NB_EXPECT(m_net->get(QStringLiteral("/api/v1/health")), 200, "");
    NB_EXPECT(m_net->get(QStringLiteral("/api/v1/auctions/999")), 404, "not_found");
    const HttpAnswer metrics = m_net->get(QStringLiteral("/metrics"));
    QCOMPARE(metrics.status, 200);
    QCOMPARE(metrics.contentType, QByteArray("text/plain"));
    const QString text = QString::fromUtf8(metrics.body);
    QVERIFY2(text.contains(QStringLiteral("http_requests_total{route=\"/api/v1/health\",status=\"200\"}")),
             qPrintable(text));
    QVERIFY(text.contains(
        QStringLiteral("http_requests_total{route=\"/api/v1/auctions/<arg>\",status=\"404\"}")));
    QVERIFY(text.contains(QStringLiteral("# TYPE neighborbid_request_seconds histogram")));
    QVERIFY(text.contains(QStringLiteral("neighborbid_request_seconds_count{kind=\"http\"}")));
    // Every sample line is "name{labels} value" or "name value".
    const QRegularExpression sample(QStringLiteral("^[a-z_]+(\\{[^}]*\\})? [0-9.e+-]+$"));
    for (const QString& line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        if (!line.startsWith(QLatin1Char('#')))
            QVERIFY2(sample.match(line).hasMatch(), qPrintable(line));
    }
}

void TstHttpApi::regionsAndCategories()
{
    const HttpAnswer regions = m_net->get(QStringLiteral("/api/v1/regions"));
    NB_EXPECT(regions, 200, "");
    bool seoul = false;
    bool gangnam = false;
    for (const QJsonValue& value : regions.json.value("items").toArray()) {
        const QJsonObject region = value.toObject();
        if (region.value("id").toInteger() == 11) {
            seoul = region.value("name").toString() == QStringLiteral("서울특별시") &&
                    region.value("depth").toInt() == 1 && region.value("parent_id").isNull();
        }
        if (region.value("id").toInteger() == 11680)
            gangnam = region.value("parent_id").toInteger() == 11 && region.value("depth").toInt() == 2;
    }
    QVERIFY(seoul);
    QVERIFY(gangnam);
    QVERIFY(!regions.header("cache-control").isEmpty());

    const HttpAnswer categories = m_net->get(QStringLiteral("/api/v1/categories"));
    NB_EXPECT(categories, 200, "");
    QStringList slugs;
    for (const QJsonValue& value : categories.json.value("items").toArray())
        slugs << value.toObject().value("slug").toString();
    QVERIFY2(slugs.contains(QStringLiteral("electronics")), qPrintable(slugs.join(',')));
}

void TstHttpApi::unknownRoutesAndWrongMethodsAreJson404()
{
    NB_EXPECT(m_net->get(QStringLiteral("/api/v1/nothing")), 404, "not_found");
    NB_EXPECT(m_net->get(QStringLiteral("/api/v1/auctions/abc")), 404, "not_found");
    NB_EXPECT(m_net->get(QStringLiteral("/")), 404, "not_found");

    const HttpAnswer wrongMethod = m_net->del(QStringLiteral("/api/v1/auctions"), QString());
    NB_EXPECT(wrongMethod, 404, "not_found");
    const QJsonArray allowed = wrongMethod.errorDetails().value("allowed").toArray();
    QCOMPARE(allowed.size(), 2);
    QVERIFY(allowed.contains(QStringLiteral("GET")));
    QVERIFY(allowed.contains(QStringLiteral("POST")));
}

void TstHttpApi::registerLoginAndLogout()
{
    const HttpAnswer registered =
        m_net->post(QStringLiteral("/api/v1/auth/register"), {{"username", "minji"},
                                                              {"password", "correct horse battery"},
                                                              {"display_name", "Minji"},
                                                              {"region_id", 11680}});
    NB_EXPECT(registered, 201, "");
    const QString token = registered.json.value("token").toString();
    QVERIFY(!token.isEmpty());
    const QJsonObject user = registered.json.value("user").toObject();
    QCOMPARE(user.value("username").toString(), QStringLiteral("minji"));
    QCOMPARE(user.value("display_name").toString(), QStringLiteral("Minji"));
    QCOMPARE(user.value("region_id").toInteger(), 11680);
    QVERIFY(user.contains("reputation"));

    const HttpAnswer login = m_net->post(QStringLiteral("/api/v1/auth/login"),
                                         {{"username", "minji"}, {"password", "correct horse battery"}});
    NB_EXPECT(login, 200, "");
    const QString second = login.json.value("token").toString();
    QVERIFY(!second.isEmpty() && second != token);
    QCOMPARE(login.json.value("user").toObject().value("id"), user.value("id"));

    const HttpAnswer logout = m_net->request("POST", QStringLiteral("/api/v1/auth/logout"), {}, second);
    QCOMPARE(logout.status, 204);
    QVERIFY(logout.body.isEmpty());
    NB_EXPECT(m_net->get(QStringLiteral("/api/v1/me"), second), 401, "unauthorized");
    NB_EXPECT(m_net->get(QStringLiteral("/api/v1/me"), token), 200, "");
    NB_EXPECT(m_net->request("POST", QStringLiteral("/api/v1/auth/logout"), {}, second), 401, "unauthorized");
    NB_EXPECT(m_net->request("POST", QStringLiteral("/api/v1/auth/logout")), 401, "unauthorized");
}

void TstHttpApi::registrationErrors()
{
    m_net->makeUser(QStringLiteral("taken"));
    NB_EXPECT(m_net->post(QStringLiteral("/api/v1/auth/register"),
                          {{"username", "taken"}, {"password", "correct horse battery"}}),
              409, "username_taken");
    const HttpAnswer missing = m_net->post(QStringLiteral("/api/v1/auth/register"), {{"username", "newbie"}});
    NB_EXPECT(missing, 400, "bad_request");
    QCOMPARE(missing.errorDetails().value("field").toString(), QStringLiteral("password"));
    const HttpAnswer shortPassword =
        m_net->post(QStringLiteral("/api/v1/auth/register"), {{"username", "newbie"}, {"password", "short"}});
    NB_EXPECT(shortPassword, 400, "bad_request");
    const HttpAnswer badRegion =
        m_net->post(QStringLiteral("/api/v1/auth/register"),
                    {{"username", "newbie"}, {"password", "correct horse battery"}, {"region_id", "seoul"}});
    NB_EXPECT(badRegion, 400, "bad_request");
    QCOMPARE(badRegion.errorDetails().value("field").toString(), QStringLiteral("region_id"));
}

void TstHttpApi::loginErrors()
{
    m_net->makeUser(QStringLiteral("jisoo"));
    NB_EXPECT(m_net->post(QStringLiteral("/api/v1/auth/login"),
                          {{"username", "jisoo"}, {"password", "wrong password"}}),
              401, "unauthorized");
    NB_EXPECT(m_net->post(QStringLiteral("/api/v1/auth/login"),
                          {{"username", "nobody"}, {"password", "whatever123"}}),
              401, "unauthorized");
    NB_EXPECT(
        m_net->post(QStringLiteral("/api/v1/auth/login"), {{"username", 42}, {"password", "whatever123"}}),
        400, "bad_request");
}

void TstHttpApi::bearerTokenIsRequiredAndChecked()
{
    const Account user = m_net->makeUser(QStringLiteral("hana"));
    NB_EXPECT(m_net->get(QStringLiteral("/api/v1/me")), 401, "unauthorized");
    NB_EXPECT(m_net->get(QStringLiteral("/api/v1/me"), QStringLiteral("not-a-real-token")), 401,
              "unauthorized");
    NB_EXPECT(m_net->request("GET", QStringLiteral("/api/v1/me"), {}, {}, "application/json",
                             {{"Authorization", "Basic aGFuYTpwdw=="}}),
              401, "unauthorized");
    NB_EXPECT(m_net->request("GET", QStringLiteral("/api/v1/me"), {}, {}, "application/json",
                             {{"Authorization", "bearer " + user.token.toUtf8()}}),
              200, "");
    // A bad token on a route that only personalises is still refused: the client learns to sign in again.
    NB_EXPECT(m_net->get(QStringLiteral("/api/v1/auctions"), QStringLiteral("expired")), 401, "unauthorized");
    // Public reference data ignores tokens altogether.
    NB_EXPECT(m_net->get(QStringLiteral("/api/v1/categories"), QStringLiteral("expired")), 200, "");
}

void TstHttpApi::malformedAndIllTypedBodiesAreBadRequests()
{
    const Account user = m_net->makeUser(QStringLiteral("doyun"));
    const HttpAnswer malformed =
        m_net->request("POST", QStringLiteral("/api/v1/me/wallet/deposit"), "{\"amount\": 5", user.token);
    NB_EXPECT(malformed, 400, "bad_request");
    NB_EXPECT(m_net->request("POST", QStringLiteral("/api/v1/me/wallet/deposit"), "[1, 2]", user.token), 400,
              "bad_request");
    NB_EXPECT(m_net->request("POST", QStringLiteral("/api/v1/me/wallet/deposit"), {}, user.token), 400,
              "bad_request");
    const HttpAnswer stringAmount = m_net->post(QStringLiteral("/api/v1/me/wallet/deposit"),
                                                {{"amount", "5000"}, {"request_id", "r1"}}, user.token);
    NB_EXPECT(stringAmount, 400, "bad_request");
    QCOMPARE(stringAmount.errorDetails().value("field").toString(), QStringLiteral("amount"));
    const HttpAnswer fraction = m_net->post(QStringLiteral("/api/v1/me/wallet/deposit"),
                                            {{"amount", 10.5}, {"request_id", "r1"}}, user.token);
    NB_EXPECT(fraction, 400, "bad_request");
    const HttpAnswer badRequestId = m_net->post(QStringLiteral("/api/v1/me/wallet/deposit"),
                                                {{"amount", 5000}, {"request_id", "no spaces!"}}, user.token);
    NB_EXPECT(badRequestId, 400, "bad_request");
    QCOMPARE(badRequestId.errorDetails().value("field").toString(), QStringLiteral("request_id"));
    QCOMPARE(m_net->wallet(user.id).balance, 0);
}

void TstHttpApi::jsonBodiesOverTheLimitAre413()
{
    const Account user = m_net->makeUser(QStringLiteral("seoyeon"));
    // maxBodyBytes is 4 KiB in this test.
    const QByteArray padding(5000, 'x');
    const HttpAnswer tooLarge = m_net->request(
        "POST", QStringLiteral("/api/v1/me/wallet/deposit"),
        json({{"amount", 1000}, {"request_id", "big"}, {"note", QString::fromLatin1(padding)}}), user.token);
    NB_EXPECT(tooLarge, 413, "payload_too_large");
    QCOMPARE(tooLarge.errorDetails().value("max_bytes").toInteger(), 4096);
    QCOMPARE(m_net->wallet(user.id).balance, 0);
    // The connection stays usable for the next request.
    NB_EXPECT(m_net->post(QStringLiteral("/api/v1/me/wallet/deposit"),
                          {{"amount", 1000}, {"request_id", "ok"}}, user.token),
              200, "");
}

void TstHttpApi::declaredHugeBodiesAreRefusedBeforeTheyArrive()
{
    // 10 GB announced, none sent: the answer comes at once, from the announcement alone.
    const QByteArray answer = m_net->rawExchange("POST /api/v1/auth/register HTTP/1.1\r\nHost: test\r\n"
                                                 "Content-Type: application/json\r\n"
                                                 "Content-Length: 10000000000\r\n\r\n",
                                                 3000);
    QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.constData());
    QVERIFY(answer.contains("Content-Type: application/json"));
    QVERIFY(answer.contains("\"payload_too_large\""));

    // With Expect: 100-continue a small body is invited, a large one refused.
    const QByteArray invited = m_net->rawExchange("POST /api/v1/auth/login HTTP/1.1\r\nHost: test\r\n"
                                                  "Content-Type: application/json\r\nExpect: 100-continue\r\n"
                                                  "Content-Length: 2\r\n\r\n",
                                                  1000);
    QVERIFY2(invited.startsWith("HTTP/1.1 100 Continue"), invited.constData());
}

void TstHttpApi::chunkedBodiesAreReadUpToTheLimit()
{
    const QByteArray body = json({{"username", "nobody"}, {"password", "whatever123"}});
    const QByteArray small =
        "POST /api/v1/auth/login HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
        "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n" +
        QByteArray::number(body.size(), 16) + "\r\n" + body + "\r\n0\r\n\r\n";
    const QByteArray accepted = m_net->rawExchange(small);
    QVERIFY2(accepted.startsWith("HTTP/1.1 401"), accepted.constData());

    QByteArray request =
        "POST /api/v1/auth/login HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
        "Transfer-Encoding: chunked\r\n\r\n";
    const QByteArray chunk(16 * 1024, 'a');
    for (int i = 0; i < 12; ++i)
        request += QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n";
    request += "0\r\n\r\n";
    const QByteArray answer = m_net->rawExchange(request);
    QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.left(200).constData());
    QVERIFY(answer.contains("\"payload_too_large\""));
}

void TstHttpApi::anonymousFloodsAreRateLimitedPerAddress()
{
    HttpLimits tight;
    tight.requestsPerSecond = 1;
    tight.burst = 3;
    NetworkFixture limited(tight);
    for (int i = 0; i < 3; ++i)
        NB_EXPECT(limited.get(QStringLiteral("/api/v1/categories")), 200, "");
    const HttpAnswer refused = limited.get(QStringLiteral("/api/v1/categories"));
    NB_EXPECT(refused, 429, "rate_limited");
    const qint64 waitMs = refused.errorDetails().value("retry_after_ms").toInteger();
    QVERIFY2(waitMs > 0 && waitMs <= 1000, qPrintable(refused.describe()));
    QCOMPARE(refused.header("retry-after"), QByteArray("1"));
    QTest::qWait(int(waitMs) + 50);
    NB_EXPECT(limited.get(QStringLiteral("/api/v1/categories")), 200, "");
}

void TstHttpApi::signedInFloodsAreRateLimitedPerUser()
{
    HttpLimits tight;
    tight.requestsPerSecond = 1;
    tight.burst = 3;
    NetworkFixture limited(tight);
    const Account first = limited.makeUser(QStringLiteral("flooder"));
    const Account second = limited.makeUser(QStringLiteral("bystander"));
    for (int i = 0; i < 3; ++i)
        NB_EXPECT(limited.get(QStringLiteral("/api/v1/me/wallet"), first.token), 200, "");
    const HttpAnswer refused = limited.get(QStringLiteral("/api/v1/me/wallet"), first.token);
    NB_EXPECT(refused, 429, "rate_limited");
    QVERIFY(refused.errorDetails().value("retry_after_ms").toInteger() > 0);
    QVERIFY(!refused.header("retry-after").isEmpty());
    // Another user from the same address has a bucket of their own.
    NB_EXPECT(limited.get(QStringLiteral("/api/v1/me/wallet"), second.token), 200, "");
}

void TstHttpApi::unexpectedFailuresAre500WithoutDetails()
{
    const Account user = m_net->makeUser(QStringLiteral("jiho"));
    // Not a std::exception: nothing in the services recognises it, so only the transport's
    // last-resort handler does.
    m_net->pool().setBeforeCommitHook([] { throw 42; });
    const HttpAnswer failed = m_net->post(QStringLiteral("/api/v1/me/wallet/deposit"),
                                          {{"amount", 5000}, {"request_id", "boom"}}, user.token);
    NB_EXPECT(failed, 500, "internal");
    QVERIFY(!failed.body.contains("42"));
    m_net->pool().setBeforeCommitHook([] { throw std::logic_error("secret detail"); });
    const HttpAnswer logicError = m_net->post(QStringLiteral("/api/v1/me/wallet/deposit"),
                                              {{"amount", 5000}, {"request_id", "boom2"}}, user.token);
    NB_EXPECT(logicError, 500, "internal");
    QVERIFY(!logicError.body.contains("secret"));
    m_net->pool().setBeforeCommitHook({});
    QCOMPARE(m_net->wallet(user.id).balance, 0);
}

void TstHttpApi::serviceCallsRunOnWorkersNotTheSocketThread()
{
    const Account user = m_net->makeUser(QStringLiteral("patient"));
    std::atomic<bool> onSocketThread{false};
    QThread* const socketThread = QThread::currentThread();
    m_net->pool().setBeforeCommitHook([&] {
        if (QThread::currentThread() == socketThread)
            onSocketThread = true;
        QThread::msleep(400);
    });
    // A slow deposit (two slow transactions) and, meanwhile, /metrics on another connection.
    QNetworkAccessManager client;
    client.setProxy(QNetworkProxy::NoProxy);
    QNetworkRequest slowRequest(m_net->url(QStringLiteral("/api/v1/me/wallet/deposit")));
    slowRequest.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    slowRequest.setRawHeader("Authorization", "Bearer " + user.token.toUtf8());
    QElapsedTimer clock;
    clock.start();
    QNetworkReply* slow = client.post(slowRequest, json({{"amount", 1000}, {"request_id", "slow"}}));
    QTest::qWait(100);
    const HttpAnswer quick = m_net->get(QStringLiteral("/metrics"));
    const qint64 quickDoneMs = clock.elapsed();
    QCOMPARE(quick.status, 200);
    QTRY_VERIFY_WITH_TIMEOUT(slow->isFinished(), 10'000);
    QCOMPARE(slow->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QVERIFY2(quickDoneMs < 600, qPrintable(QString::number(quickDoneMs)));
    QVERIFY(clock.elapsed() >= 800);
    QVERIFY(!onSocketThread);
    delete slow;
    m_net->pool().setBeforeCommitHook({});
}

void TstHttpApi::clientsThatLeaveEarlyDoNotDisturbTheServer()
{
    const Account user = m_net->makeUser(QStringLiteral("leaver"));
    m_net->pool().setBeforeCommitHook([] { QThread::msleep(300); });
    for (int i = 0; i < 3; ++i) {
        // Gone long before the answer is ready.
        m_net->rawExchange("GET /api/v1/me/wallet HTTP/1.1\r\nHost: test\r\nAuthorization: Bearer " +
                               user.token.toUtf8() + "\r\n\r\n",
                           50);
    }
    QTest::qWait(1500);
    m_net->pool().setBeforeCommitHook({});
    NB_EXPECT(m_net->get(QStringLiteral("/api/v1/me/wallet"), user.token), 200, "");
}

void TstHttpApi::everyRequestOfABusyServerIsAnsweredOnce()
{
    // Sixteen connections asking as fast as they are answered, a quarter of them also hanging up
    // on requests in flight: every request a connection waits for gets exactly one answer, and
    // the server goes on serving afterwards.
    constexpr int kClients = 16;
    constexpr int kRequestsEach = 150;
    const QByteArray request = "GET /api/v1/categories HTTP/1.1\r\nHost: test\r\n\r\n";
    std::vector<std::unique_ptr<BusyClient>> clients;
    for (int i = 0; i < kClients; ++i)
        clients.push_back(
            std::make_unique<BusyClient>(m_net->port(), request, kRequestsEach, i % 4 == 0 ? 10 : 0));
    const auto allDone = [&] {
        for (const auto& client : clients) {
            if (!client->done())
                return false;
        }
        return true;
    };
    QTRY_VERIFY_WITH_TIMEOUT(allDone(), 60'000);
    int abandoned = 0;
    for (const auto& client : clients) {
        QCOMPARE(client->ok(), kRequestsEach);
        QCOMPARE(client->other(), 0);
        abandoned += client->abandoned();
    }
    QVERIFY(abandoned > 0);
    NB_EXPECT(m_net->get(QStringLiteral("/api/v1/categories")), 200, "");
}

void TstHttpApi::servesHttpsWhenGivenTls()
{
    QTemporaryDir dir;
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
                   "-keyout", dir.filePath("key.pem"), "-out", dir.filePath("cert.pem")});
    if (!openssl.waitForFinished(30'000) || openssl.exitCode() != 0)
        QSKIP("openssl could not make a test certificate");
    QFile keyFile(dir.filePath("key.pem"));
    QFile certFile(dir.filePath("cert.pem"));
    QVERIFY(keyFile.open(QIODevice::ReadOnly) && certFile.open(QIODevice::ReadOnly));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa));
    tls.setLocalCertificate(QSslCertificate(certFile.readAll()));

    nb::transport::HttpApi api(m_net->services(), m_net->workers(), m_net->metrics(), m_net->limiter(), {});
    const quint16 port = api.listen(QHostAddress::LocalHost, 0, tls);
    QVERIFY(port != 0);
    QNetworkAccessManager client;
    client.setProxy(QNetworkProxy::NoProxy);
    QNetworkReply* reply =
        client.get(QNetworkRequest(QUrl(QStringLiteral("https://127.0.0.1:%1/api/v1/health").arg(port))));
    QObject::connect(reply, &QNetworkReply::sslErrors, reply, [reply] { reply->ignoreSslErrors(); });
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10'000);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(QJsonDocument::fromJson(reply->readAll()).object().value("status").toString(),
             QStringLiteral("ok"));
    delete reply;
}

QTEST_GUILESS_MAIN(TstHttpApi)
#include "tst_http_api.moc"
