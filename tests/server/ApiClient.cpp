#include "tests/server/ApiClient.h"

#include "shared/protocol/Json.h"

#include <QDateTime>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkProxy>
#include <QNetworkRequest>
#include <QSslError>
#include <QTimer>
#include <QUuid>

namespace nb::test {

QString ApiAnswer::errorCode() const
{
    return json.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
}

QString ApiAnswer::describe() const
{
    return QStringLiteral("%1 %2 %3").arg(status).arg(QString::fromUtf8(body.left(400)), transportError);
}

ApiClient::ApiClient(QUrl base)
    : m_base(std::move(base))
{
    m_manager.setProxy(QNetworkProxy::NoProxy);
}

ApiAnswer ApiClient::request(const QByteArray& verb, const QString& path, const QByteArray& body,
                             const QString& token)
{
    QUrl url = m_base;
    url.setPath(path);
    QNetworkRequest request(url);
    if (verb == "POST" || verb == "PUT")
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    QNetworkReply* reply = m_manager.sendCustomRequest(request, verb, body);
    if (m_accepted) {
        // Called before the handshake: exactly these errors, for exactly this certificate.
        reply->ignoreSslErrors({QSslError(QSslError::SelfSignedCertificate, *m_accepted),
                                QSslError(QSslError::HostNameMismatch, *m_accepted)});
    }

    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(kTimeoutMs, &loop, &QEventLoop::quit);
    loop.exec();

    ApiAnswer answer;
    if (!reply->isFinished()) {
        answer.transportError = QStringLiteral("timed out");
        reply->abort();
    }
    answer.error = reply->error();
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.body = reply->readAll();
    const QJsonDocument document = QJsonDocument::fromJson(answer.body);
    if (document.isObject())
        answer.json = document.object();
    if (answer.transportError.isEmpty() && reply->error() != QNetworkReply::NoError && answer.status == 0)
        answer.transportError = reply->errorString();
    reply->deleteLater();
    return answer;
}

ApiAnswer ApiClient::get(const QString& path, const QString& token)
{
    return request("GET", path, {}, token);
}

ApiAnswer ApiClient::post(const QString& path, const QJsonObject& body, const QString& token)
{
    return request("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), token);
}

ApiAccount ApiClient::registerUser(const QString& username, qint64 money)
{
    const ApiAnswer registered =
        post(QStringLiteral("/api/v1/auth/register"), {{"username", username},
                                                       {"password", QStringLiteral("correct horse battery")},
                                                       {"display_name", username},
                                                       {"region_id", 11}});
    if (registered.status != 201) {
        m_lastFailure = QStringLiteral("register %1: %2").arg(username, registered.describe());
        return {};
    }
    ApiAccount account;
    account.id =
        registered.json.value(QStringLiteral("user")).toObject().value(QStringLiteral("id")).toInteger();
    account.username = username;
    account.token = registered.json.value(QStringLiteral("token")).toString();
    if (money > 0) {
        const ApiAnswer deposited = post(QStringLiteral("/api/v1/me/wallet/deposit"),
                                         {{"amount", money}, {"request_id", newRequestId()}}, account.token);
        if (deposited.status != 200) {
            m_lastFailure = QStringLiteral("deposit for %1: %2").arg(username, deposited.describe());
            return {};
        }
    }
    return account;
}

qint64 ApiClient::createAuction(const ApiAccount& seller, qint64 endsInSeconds)
{
    NewAuction spec;
    spec.title = QStringLiteral("Camera");
    spec.description = QStringLiteral("A used camera in good order.");
    spec.category = QStringLiteral("electronics");
    spec.startPrice = 10'000;
    spec.endsAt = QDateTime::currentDateTimeUtc().addSecs(endsInSeconds);
    const ApiAnswer created = post(QStringLiteral("/api/v1/auctions"), toJson(spec), seller.token);
    if (created.status != 201) {
        m_lastFailure = QStringLiteral("create auction: %1").arg(created.describe());
        return 0;
    }
    return created.json.value(QStringLiteral("id")).toInteger();
}

ApiAnswer ApiClient::bid(const ApiAccount& bidder, qint64 auctionId, qint64 amount, const QString& requestId)
{
    return post(QStringLiteral("/api/v1/auctions/%1/bids").arg(auctionId),
                {{"amount", amount}, {"request_id", requestId}}, bidder.token);
}

QString ApiClient::newRequestId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace nb::test
