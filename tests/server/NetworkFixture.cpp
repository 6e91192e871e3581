#include "tests/server/NetworkFixture.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTcpSocket>
#include <QTimer>
#include <QUuid>

#include <stdexcept>

namespace nb::test {

namespace {

constexpr int kPoolSize = 6;

QByteArray withoutParameters(const QByteArray& contentType)
{
    const int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.left(semicolon)).trimmed();
}

/// Whether bytes hold a whole response other than "100 Continue" (by its Content-Length).
bool holdsFinalResponse(QByteArray bytes)
{
    for (;;) {
        const qsizetype headEnd = bytes.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return false;
        const QByteArray head = bytes.left(headEnd).toLower();
        bytes.remove(0, headEnd + 4);
        if (head.startsWith("http/1.1 100"))
            continue;
        const qsizetype at = head.indexOf("content-length:");
        if (at < 0)
            return head.startsWith("http/1.1 204");
        const qint64 length = head.mid(at + 15, head.indexOf('\n', at) - at - 15).trimmed().toLongLong();
        return bytes.size() >= length;
    }
}

} // namespace

QString HttpAnswer::errorCode() const
{
    return json.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
}

QJsonObject HttpAnswer::errorDetails() const
{
    return json.value(QStringLiteral("error")).toObject().value(QStringLiteral("details")).toObject();
}

QString HttpAnswer::describe() const
{
    return QStringLiteral("%1 %2 %3").arg(status).arg(QString::fromUtf8(body.left(400)), transportError);
}

NetworkFixture::NetworkFixture(const HttpLimits& limits)
    : NetworkFixture(TestDatabase::instance().connectionString(), limits)
{}

NetworkFixture::NetworkFixture(const std::string& connectionString, const HttpLimits& limits)
    : m_pool(connectionString, kPoolSize)
    , m_workers(kPoolSize)
    , m_services(m_pool)
    , m_limiter(limits.requestsPerSecond, limits.burst)
    , m_api(std::make_unique<transport::HttpApi>(m_services, m_workers, m_metrics, m_limiter, limits.options))
{
    m_port = m_api->listen(QHostAddress::LocalHost, 0, std::nullopt);
    if (m_port == 0)
        throw std::runtime_error("the test HTTP API could not listen");
    m_client.setProxy(QNetworkProxy::NoProxy);
}

NetworkFixture::~NetworkFixture()
{
    m_api.reset();
    m_workers.pool().waitForDone();
}

void NetworkFixture::reset()
{
    m_pool.setBeforeCommitHook({});
    TestDatabase::instance().resetData();
    m_services.bidding.databaseReplaced();
}

QUrl NetworkFixture::url(const QString& pathAndQuery) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(pathAndQuery));
}

HttpAnswer NetworkFixture::request(const QByteArray& verb, const QString& pathAndQuery,
                                   const QByteArray& body, const QString& token,
                                   const QByteArray& contentType,
                                   const QList<QPair<QByteArray, QByteArray>>& headers)
{
    QNetworkRequest request(url(pathAndQuery));
    if (!body.isEmpty() || verb == "POST" || verb == "PUT")
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    for (const auto& [name, value] : headers)
        request.setRawHeader(name, value);
    QNetworkReply* reply = m_client.sendCustomRequest(request, verb, body);

    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(kTimeoutMs, &loop, &QEventLoop::quit);
    loop.exec();

    HttpAnswer answer;
    if (!reply->isFinished()) {
        answer.transportError = QStringLiteral("timed out");
        reply->abort();
    }
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.body = reply->readAll();
    for (const auto& [name, value] : reply->rawHeaderPairs())
        answer.headers.insert(name.toLower(), value);
    answer.contentType = withoutParameters(answer.header("content-type"));
    const QJsonDocument document = QJsonDocument::fromJson(answer.body);
    if (document.isObject())
        answer.json = document.object();
    if (answer.status == 0 && answer.transportError.isEmpty())
        answer.transportError = reply->errorString();
    reply->deleteLater();
    return answer;
}

HttpAnswer NetworkFixture::get(const QString& pathAndQuery, const QString& token)
{
    return request("GET", pathAndQuery, {}, token);
}

HttpAnswer NetworkFixture::post(const QString& path, const QJsonObject& body, const QString& token)
{
    return request("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), token);
}

HttpAnswer NetworkFixture::put(const QString& path, const QString& token)
{
    return request("PUT", path, {}, token);
}

HttpAnswer NetworkFixture::del(const QString& path, const QString& token)
{
    return request("DELETE", path, {}, token);
}

QByteArray NetworkFixture::rawExchange(const QByteArray& bytes, int timeoutMs)
{
    QTcpSocket socket;
    QByteArray received;
    QEventLoop loop;
    QObject::connect(&socket, &QTcpSocket::readyRead, &loop, [&] {
        received += socket.readAll();
        if (holdsFinalResponse(received))
            loop.quit();
    });
    QObject::connect(&socket, &QTcpSocket::disconnected, &loop, &QEventLoop::quit);
    QObject::connect(&socket, &QTcpSocket::errorOccurred, &loop, &QEventLoop::quit);
    QObject::connect(&socket, &QTcpSocket::connected, &loop, [&] { socket.write(bytes); });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    socket.connectToHost(QHostAddress::LocalHost, m_port);
    loop.exec();
    received += socket.readAll();
    return received;
}

Account NetworkFixture::makeUser(const QString& username, Won money, qint64 regionId)
{
    services::Registration registration;
    registration.username = username;
    registration.password = QStringLiteral("correct horse battery");
    registration.regionId = regionId;
    const services::Session session = m_services.auth.registerUser(registration);
    if (money > 0)
        deposit(session.user.id, money);
    return Account{session.user.id, username, session.token};
}

Wallet NetworkFixture::deposit(qint64 userId, Won amount)
{
    return m_services.wallet.deposit(userId, amount, newRequestId());
}

NewAuction NetworkFixture::auctionSpec(qint64 endsInSeconds)
{
    NewAuction spec;
    spec.title = QStringLiteral("Camera");
    spec.description = QStringLiteral("A used camera in good order.");
    spec.category = QStringLiteral("electronics");
    spec.condition = ItemCondition::Good;
    spec.shippingPayer = ShippingPayer::Buyer;
    spec.startPrice = 10'000;
    spec.endsAt = QDateTime::currentDateTimeUtc().addSecs(endsInSeconds);
    return spec;
}

qint64 NetworkFixture::makeAuction(const Account& seller, const std::function<void(NewAuction&)>& adjust)
{
    NewAuction spec = auctionSpec();
    if (adjust)
        adjust(spec);
    return m_services.auctions.create(seller.id, spec).summary.id;
}

void NetworkFixture::endAuction(qint64 auctionId)
{
    TestDatabase::instance().exec(
        QStringLiteral("UPDATE auctions SET starts_at = LEAST(starts_at, now() - interval '1 hour'), "
                       "ends_at = now() - interval '1 second' WHERE id = %1")
            .arg(auctionId));
    m_services.settlement.settleDue();
}

QString NetworkFixture::newRequestId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QByteArray NetworkFixture::pngBytes()
{
    return QByteArray::fromHex(
        "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c49444154"
        "789c63f8dfc0000004010180c52a185d0000000049454e44ae426082");
}

} // namespace nb::test
