#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QString>
#include <QUrl>

#include <optional>

namespace nb::test {

/// An HTTP answer as a test reads it.
struct ApiAnswer {
    int status = 0; // 0: no HTTP answer at all (see transportError)
    QByteArray body;
    QJsonObject json; // the body when it is a JSON object
    QString transportError;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;

    /// json.error.code, or an empty string.
    QString errorCode() const;
    /// "status body transport-error" for failure messages.
    QString describe() const;
};

/// A signed-in user, as the API knows them.
struct ApiAccount {
    qint64 id = 0;
    QString username;
    QString token;
};

/// The HTTP API of one running server, used synchronously from a test (the request waits in an
/// event loop, so sockets of the test keep working meanwhile), with the few steps the tests take
/// to set up users, money and auctions through the API itself.
class ApiClient {
public:
    explicit ApiClient(QUrl base);

    /// Accepts this self-signed certificate (and only it) although it names another host.
    void acceptCertificate(const QSslCertificate& certificate) { m_accepted = certificate; }

    static constexpr int kTimeoutMs = 15'000;

    ApiAnswer request(const QByteArray& verb, const QString& path, const QByteArray& body = {},
                      const QString& token = {});
    ApiAnswer get(const QString& path, const QString& token = {});
    ApiAnswer post(const QString& path, const QJsonObject& body, const QString& token = {});

    /// Registers username (region 11) and deposits money; id 0 on failure (see lastFailure()).
    ApiAccount registerUser(const QString& username, qint64 money = 0);
    /// Lists an auction of seller's (start price 10,000) ending in endsInSeconds; 0 on failure.
    qint64 createAuction(const ApiAccount& seller, qint64 endsInSeconds = 3600);
    ApiAnswer bid(const ApiAccount& bidder, qint64 auctionId, qint64 amount,
                  const QString& requestId = newRequestId());

    const QString& lastFailure() const { return m_lastFailure; }
    static QString newRequestId();

private:
    QUrl m_base;
    QNetworkAccessManager m_manager;
    std::optional<QSslCertificate> m_accepted;
    QString m_lastFailure;
};

} // namespace nb::test
