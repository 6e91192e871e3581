#pragma once

#include "server/services/Services.h"
#include "server/storage/ConnectionPool.h"
#include "server/transport/Metrics.h"
#include "server/transport/RateLimiter.h"
#include "server/transport/Workers.h"
#include "server/transport/http/HttpApi.h"
#include "tests/support/TestDatabase.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QPair>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>
#include <string>

namespace nb::test {

/// An HTTP answer as a test reads it.
struct HttpAnswer {
    int status = 0; // 0: no answer (see transportError)
    QByteArray body;
    QJsonObject json; // the body when it is a JSON object
    QByteArray contentType;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QString transportError;                // empty when an answer came

    /// json.error.code, or an empty string.
    QString errorCode() const;
    QJsonObject errorDetails() const;
    QByteArray header(const QByteArray& name) const { return headers.value(name.toLower()); }
    /// "status body" for failure messages.
    QString describe() const;
};

/// How the test server limits clients: generous by default so that only the limit tests meet them.
struct HttpLimits {
    transport::HttpOptions options;
    double requestsPerSecond = 100'000;
    double burst = 100'000;
};

/// A signed-in user of the tests.
struct Account {
    qint64 id = 0;
    QString username;
    QString token;
};

/// The REST API in-process over the executable's test database: Workers, Services, Metrics,
/// RateLimiter and HttpApi listening on 127.0.0.1 (a free port), with a synchronous HTTP client
/// (QNetworkAccessManager on the test's event loop) and helpers that set up users and auctions
/// through the services directly.
class NetworkFixture {
public:
    explicit NetworkFixture(const HttpLimits& limits = {});
    /// The same API over another database (an unreachable one, for the outage tests).
    NetworkFixture(const std::string& connectionString, const HttpLimits& limits);
    ~NetworkFixture();
    NetworkFixture(const NetworkFixture&) = delete;
    NetworkFixture& operator=(const NetworkFixture&) = delete;

    /// Empties every table but the reference data and clears the pool's test hook (call from init()).
    void reset();

    TestDatabase& db() { return TestDatabase::instance(); }
    storage::ConnectionPool& pool() { return m_pool; }
    services::Services& services() { return m_services; }
    transport::Workers& workers() { return m_workers; }
    transport::Metrics& metrics() { return m_metrics; }
    transport::RateLimiter& limiter() { return m_limiter; }
    quint16 port() const { return m_port; }
    /// http://127.0.0.1:PORT + pathAndQuery.
    QUrl url(const QString& pathAndQuery) const;

    static constexpr int kTimeoutMs = 15'000;

    /// One request, waited for (at most kTimeoutMs).
    HttpAnswer request(const QByteArray& verb, const QString& pathAndQuery, const QByteArray& body = {},
                       const QString& token = {}, const QByteArray& contentType = "application/json",
                       const QList<QPair<QByteArray, QByteArray>>& headers = {});
    HttpAnswer get(const QString& pathAndQuery, const QString& token = {});
    HttpAnswer post(const QString& path, const QJsonObject& body, const QString& token = {});
    HttpAnswer put(const QString& path, const QString& token);
    HttpAnswer del(const QString& path, const QString& token);

    /// Bytes written on a fresh plain socket, and what the server sent back until a whole final
    /// response (by its Content-Length) arrived, the server closed the connection, or timeoutMs passed.
    QByteArray rawExchange(const QByteArray& bytes, int timeoutMs = 5'000);

    /// Registers a user (in region 11 unless told) through the services, with money deposited.
    Account makeUser(const QString& username, Won money = 0, qint64 regionId = 11);
    Wallet deposit(qint64 userId, Won amount);
    Wallet wallet(qint64 userId) { return m_services.wallet.wallet(userId); }

    /// A valid listing that starts now and ends endsInSeconds from now (start price 10,000).
    static NewAuction auctionSpec(qint64 endsInSeconds = 3600);
    /// Creates auctionSpec(), adjusted when asked, for the seller; returns its id.
    qint64 makeAuction(const Account& seller, const std::function<void(NewAuction&)>& adjust = {});
    /// Ends the auction now and settles it (as the scheduler would).
    void endAuction(qint64 auctionId);

    static QString newRequestId();
    /// A real 1x1 PNG.
    static QByteArray pngBytes();

private:
    storage::ConnectionPool m_pool;
    transport::Workers m_workers;
    services::Services m_services;
    transport::Metrics m_metrics;
    transport::RateLimiter m_limiter;
    std::unique_ptr<transport::HttpApi> m_api;
    quint16 m_port = 0;
    QNetworkAccessManager m_client;
};

} // namespace nb::test

/// Checks an answer's status and error code (empty for success) and that it is JSON (unless 204).
#define NB_EXPECT(answer, expectedStatus, expectedCode)                                                      \
    do {                                                                                                     \
        const nb::test::HttpAnswer& nbAnswer = (answer);                                                     \
        QVERIFY2(nbAnswer.status == (expectedStatus), qPrintable(nbAnswer.describe()));                      \
        QCOMPARE(nbAnswer.errorCode(), QString(expectedCode));                                               \
        if (nbAnswer.status != 204)                                                                          \
            QCOMPARE(nbAnswer.contentType, QByteArray("application/json"));                                  \
    } while (false)
