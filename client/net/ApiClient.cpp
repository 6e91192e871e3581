#include "client/net/ApiClient.h"

#include "shared/RequestId.h"
#include "shared/protocol/CommunityJson.h"
#include "shared/protocol/Json.h"

#include <QJsonArray>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace nb::client {

namespace {

const QString kApi = QStringLiteral("/api/v1");

QString auctionPath(qint64 auctionId, const QString& rest = QString())
{
    return QStringLiteral("%1/auctions/%2%3").arg(kApi).arg(auctionId).arg(rest);
}

/// {"items": [T…]} -> the list.
template <typename T>
Decoded<QList<T>> itemsOf(const QJsonObject& json)
{
    JsonReader in(json);
    QList<T> items = in.nested(listFromJson<T>(in.array("items")), QStringLiteral("items"));
    return in.result(std::move(items));
}

Decoded<AuthResult> authResultOf(const QJsonObject& json)
{
    JsonReader in(json);
    AuthResult result;
    result.token = in.string("token", 1);
    result.user = in.nested(fromJson<User>(in.objectField("user")), QStringLiteral("user"));
    return in.result(std::move(result));
}

Decoded<Health> healthOf(const QJsonObject& json)
{
    Health health;
    health.status = json.value(QStringLiteral("status")).toString();
    health.version = json.value(QStringLiteral("version")).toString();
    health.db = json.value(QStringLiteral("db")).toString();
    health.redis = json.value(QStringLiteral("redis")).toString();
    if (health.status.isEmpty())
        return DecodeError{QStringLiteral("status"), QStringLiteral("is missing")};
    return health;
}

ApiError badInput(const QString& message)
{
    return ApiError{ErrorCode::BadRequest, message, {}};
}

} // namespace

ApiClient::ApiClient(QObject* parent)
    : QObject(parent)
{
    registerMetaTypes();
    m_network.setAutoDeleteReplies(false);
}

void ApiClient::setBaseUrl(const QUrl& url)
{
    m_baseUrl = url;
    // Paths are appended to the base: drop a trailing slash so "/api" does not become "//api".
    QString path = m_baseUrl.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    m_baseUrl.setPath(path);
}

QNetworkRequest ApiClient::requestFor(const QString& path, const QUrlQuery& query) const
{
    QUrl url = m_baseUrl;
    url.setPath(m_baseUrl.path() + path);
    if (!query.isEmpty())
        url.setQuery(query);
    QNetworkRequest request(url);
    request.setTransferTimeout(m_timeoutMs);
    request.setRawHeader("Accept", "application/json");
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    return request;
}

QNetworkReply* ApiClient::send(Verb verb, const QNetworkRequest& request, const QByteArray& body)
{
    switch (verb) {
    case Verb::Get:
        return m_network.get(request);
    case Verb::Post:
        return m_network.post(request, body);
    case Verb::Put:
        return m_network.put(request, body);
    case Verb::Delete:
        break;
    }
    return m_network.deleteResource(request);
}

template <typename T>
ApiCall<T>* ApiClient::start(ApiCall<T>* call, Verb verb, const QNetworkRequest& request,
                             const QByteArray& body)
{
    const bool withToken = request.hasRawHeader("Authorization");
    const bool isAuth = request.url().path().contains(QStringLiteral("/auth/"));
    connect(call, &ApiReply::failed, this, [this, withToken, isAuth](const ApiError& error) {
        if (withToken && !isAuth && error.code == ErrorCode::Unauthorized)
            emit unauthorized();
    });
    call->attach(send(verb, request, body));
    return call;
}

template <typename T>
ApiCall<T>* ApiClient::getJson(const QString& path, typename ApiCall<T>::Decoder decoder,
                               const QUrlQuery& query)
{
    return start(new ApiCall<T>(std::move(decoder), this), Verb::Get, requestFor(path, query));
}

template <typename T>
ApiCall<T>* ApiClient::sendJson(Verb verb, const QString& path, const QJsonObject& body,
                                typename ApiCall<T>::Decoder decoder)
{
    QNetworkRequest request = requestFor(path);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    return start(new ApiCall<T>(std::move(decoder), this), verb, request,
                 QJsonDocument(body).toJson(QJsonDocument::Compact));
}

ApiCall<NoContent>* ApiClient::sendEmpty(Verb verb, const QString& path)
{
    auto decoder = [](const QByteArray&) -> Decoded<NoContent> { return NoContent{}; };
    return start(new ApiCall<NoContent>(decoder, this), verb, requestFor(path));
}

template <typename T>
ApiCall<T>* ApiClient::refused(const ApiError& error)
{
    auto* call = new ApiCall<T>([](const QByteArray&) -> Decoded<T> { return T{}; }, this);
    call->failSoon(error);
    return call;
}

ApiCall<Health>* ApiClient::health()
{
    return getJson<Health>(kApi + "/health", ApiCall<Health>::jsonBody(healthOf));
}

ApiCall<AuthResult>* ApiClient::registerUser(const Registration& registration)
{
    QJsonObject body{{"username", registration.username},
                     {"password", registration.password},
                     {"display_name", registration.displayName}};
    if (registration.regionId)
        body.insert("region_id", *registration.regionId);
    return sendJson<AuthResult>(Verb::Post, kApi + "/auth/register", body,
                                ApiCall<AuthResult>::jsonBody(authResultOf));
}

ApiCall<AuthResult>* ApiClient::login(const QString& username, const QString& password)
{
    return sendJson<AuthResult>(Verb::Post, kApi + "/auth/login",
                                QJsonObject{{"username", username}, {"password", password}},
                                ApiCall<AuthResult>::jsonBody(authResultOf));
}

ApiCall<NoContent>* ApiClient::logout()
{
    return sendEmpty(Verb::Post, kApi + "/auth/logout");
}

ApiCall<QList<Region>>* ApiClient::regions()
{
    return getJson<QList<Region>>(kApi + "/regions", ApiCall<QList<Region>>::jsonBody(itemsOf<Region>));
}

ApiCall<QList<Category>>* ApiClient::categories()
{
    return getJson<QList<Category>>(kApi + "/categories",
                                    ApiCall<QList<Category>>::jsonBody(itemsOf<Category>));
}

ApiCall<Page<AuctionSummary>>* ApiClient::auctions(const ListingQuery& query)
{
    return getJson<Page<AuctionSummary>>(
        kApi + "/auctions", ApiCall<Page<AuctionSummary>>::jsonBody(pageFromJson<AuctionSummary>),
        query.toUrlQuery());
}

ApiCall<AuctionDetail>* ApiClient::auction(qint64 auctionId)
{
    return getJson<AuctionDetail>(auctionPath(auctionId),
                                  ApiCall<AuctionDetail>::jsonBody(fromJson<AuctionDetail>));
}

ApiCall<AuctionDetail>* ApiClient::createAuction(const NewAuction& auction)
{
    return sendJson<AuctionDetail>(Verb::Post, kApi + "/auctions", toJson(auction),
                                   ApiCall<AuctionDetail>::jsonBody(fromJson<AuctionDetail>));
}

ApiCall<AuctionDetail>* ApiClient::cancelAuction(qint64 auctionId)
{
    return sendJson<AuctionDetail>(Verb::Post, auctionPath(auctionId, "/cancel"), QJsonObject{},
                                   ApiCall<AuctionDetail>::jsonBody(fromJson<AuctionDetail>));
}

ApiCall<ImageRef>* ApiClient::uploadImage(qint64 auctionId, const QByteArray& bytes, const QString& mimeType)
{
    QNetworkRequest request = requestFor(auctionPath(auctionId, "/images"));
    request.setHeader(QNetworkRequest::ContentTypeHeader, mimeType);
    return start(new ApiCall<ImageRef>(ApiCall<ImageRef>::jsonBody(fromJson<ImageRef>), this), Verb::Post,
                 request, bytes);
}

ApiCall<QByteArray>* ApiClient::downloadImage(const QString& url)
{
    auto raw = [](const QByteArray& body) -> Decoded<QByteArray> { return body; };
    const QUrl given(url);
    if (given.isRelative())
        return getJson<QByteArray>(given.path(), raw);
    QNetworkRequest request(given);
    request.setTransferTimeout(m_timeoutMs);
    return start(new ApiCall<QByteArray>(raw, this), Verb::Get, request);
}

ApiCall<Page<Bid>>* ApiClient::bids(qint64 auctionId, int page, int pageSize)
{
    QUrlQuery query;
    query.addQueryItem("page", QString::number(page));
    query.addQueryItem("page_size", QString::number(pageSize));
    return getJson<Page<Bid>>(auctionPath(auctionId, "/bids"),
                              ApiCall<Page<Bid>>::jsonBody(pageFromJson<Bid>), query);
}

ApiCall<BidResult>* ApiClient::placeBid(qint64 auctionId, Won amount, std::optional<Won> maxAmount,
                                        const QString& requestId)
{
    if (!isValidRequestId(requestId))
        return refused<BidResult>(badInput(tr("The bid has no valid request id.")));
    QJsonObject body{{"amount", amount}, {"request_id", requestId}};
    if (maxAmount)
        body.insert("max_amount", *maxAmount);
    auto* call = sendJson<BidResult>(Verb::Post, auctionPath(auctionId, "/bids"), body,
                                     ApiCall<BidResult>::jsonBody(fromJson<BidResult>));
    connect(call, &ApiReply::succeeded, this, [this, call] { emit walletReceived(call->value().wallet); });
    return call;
}

ApiCall<AuctionDetail>* ApiClient::buyNow(qint64 auctionId, const QString& requestId)
{
    if (!isValidRequestId(requestId))
        return refused<AuctionDetail>(badInput(tr("The purchase has no valid request id.")));
    return sendJson<AuctionDetail>(Verb::Post, auctionPath(auctionId, "/buy-now"),
                                   QJsonObject{{"request_id", requestId}},
                                   ApiCall<AuctionDetail>::jsonBody(fromJson<AuctionDetail>));
}

ApiCall<NoContent>* ApiClient::watch(qint64 auctionId)
{
    return sendEmpty(Verb::Put, auctionPath(auctionId, "/watch"));
}

ApiCall<NoContent>* ApiClient::unwatch(qint64 auctionId)
{
    return sendEmpty(Verb::Delete, auctionPath(auctionId, "/watch"));
}

ApiCall<QList<Question>>* ApiClient::questions(qint64 auctionId)
{
    return getJson<QList<Question>>(auctionPath(auctionId, "/questions"),
                                    ApiCall<QList<Question>>::jsonBody(itemsOf<Question>));
}

ApiCall<Question>* ApiClient::ask(qint64 auctionId, const QString& text)
{
    return sendJson<Question>(Verb::Post, auctionPath(auctionId, "/questions"), QJsonObject{{"text", text}},
                              ApiCall<Question>::jsonBody(fromJson<Question>));
}

ApiCall<Question>* ApiClient::answer(qint64 auctionId, qint64 questionId, const QString& text)
{
    return sendJson<Question>(Verb::Post,
                              auctionPath(auctionId, QStringLiteral("/questions/%1/answer").arg(questionId)),
                              QJsonObject{{"text", text}}, ApiCall<Question>::jsonBody(fromJson<Question>));
}

ApiCall<QList<Message>>* ApiClient::messages(qint64 auctionId)
{
    return getJson<QList<Message>>(auctionPath(auctionId, "/messages"),
                                   ApiCall<QList<Message>>::jsonBody(itemsOf<Message>));
}

ApiCall<Message>* ApiClient::sendMessage(qint64 auctionId, const QString& text)
{
    return sendJson<Message>(Verb::Post, auctionPath(auctionId, "/messages"), QJsonObject{{"text", text}},
                             ApiCall<Message>::jsonBody(fromJson<Message>));
}

ApiCall<Review>* ApiClient::review(qint64 auctionId, int rating, const QString& text)
{
    return sendJson<Review>(Verb::Post, auctionPath(auctionId, "/review"),
                            QJsonObject{{"rating", rating}, {"text", text}},
                            ApiCall<Review>::jsonBody(fromJson<Review>));
}

ApiCall<User>* ApiClient::me()
{
    return getJson<User>(kApi + "/me", ApiCall<User>::jsonBody(fromJson<User>));
}

ApiCall<Wallet>* ApiClient::wallet()
{
    auto* call = getJson<Wallet>(kApi + "/me/wallet", ApiCall<Wallet>::jsonBody(fromJson<Wallet>));
    connect(call, &ApiReply::succeeded, this, [this, call] { emit walletReceived(call->value()); });
    return call;
}

ApiCall<Page<LedgerEntry>>* ApiClient::ledger(int page, int pageSize)
{
    QUrlQuery query;
    query.addQueryItem("page", QString::number(page));
    query.addQueryItem("page_size", QString::number(pageSize));
    return getJson<Page<LedgerEntry>>(kApi + "/me/ledger",
                                      ApiCall<Page<LedgerEntry>>::jsonBody(pageFromJson<LedgerEntry>), query);
}

ApiCall<Wallet>* ApiClient::walletMove(const QString& path, Won amount, const QString& requestId)
{
    if (!isValidRequestId(requestId))
        return refused<Wallet>(badInput(tr("The request has no valid request id.")));
    auto* call =
        sendJson<Wallet>(Verb::Post, path, QJsonObject{{"amount", amount}, {"request_id", requestId}},
                         ApiCall<Wallet>::jsonBody(fromJson<Wallet>));
    connect(call, &ApiReply::succeeded, this, [this, call] { emit walletReceived(call->value()); });
    return call;
}

ApiCall<Wallet>* ApiClient::deposit(Won amount, const QString& requestId)
{
    return walletMove(kApi + "/me/wallet/deposit", amount, requestId);
}

ApiCall<Wallet>* ApiClient::withdraw(Won amount, const QString& requestId)
{
    return walletMove(kApi + "/me/wallet/withdraw", amount, requestId);
}

ApiCall<Page<AuctionSummary>>* ApiClient::myList(const QString& path, int page, int pageSize)
{
    QUrlQuery query;
    query.addQueryItem("page", QString::number(page));
    query.addQueryItem("page_size", QString::number(pageSize));
    return getJson<Page<AuctionSummary>>(
        path, ApiCall<Page<AuctionSummary>>::jsonBody(pageFromJson<AuctionSummary>), query);
}

ApiCall<Page<AuctionSummary>>* ApiClient::myBids(int page, int pageSize)
{
    return myList(kApi + "/me/bids", page, pageSize);
}

ApiCall<Page<AuctionSummary>>* ApiClient::myAuctions(int page, int pageSize)
{
    return myList(kApi + "/me/auctions", page, pageSize);
}

ApiCall<Page<AuctionSummary>>* ApiClient::myWatchlist(int page, int pageSize)
{
    return myList(kApi + "/me/watchlist", page, pageSize);
}

ApiCall<NotificationList>* ApiClient::notifications(bool unreadOnly)
{
    QUrlQuery query;
    if (unreadOnly)
        query.addQueryItem("unread", "1");
    return getJson<NotificationList>(kApi + "/me/notifications",
                                     ApiCall<NotificationList>::jsonBody(fromJson<NotificationList>), query);
}

ApiCall<NoContent>* ApiClient::markNotificationsRead(const QList<qint64>& ids)
{
    QJsonArray array;
    for (const qint64 id : ids)
        array.append(id);
    return sendJson<NoContent>(Verb::Post, kApi + "/me/notifications/read", QJsonObject{{"ids", array}},
                               [](const QByteArray&) -> Decoded<NoContent> { return NoContent{}; });
}

ApiCall<NoContent>* ApiClient::markAllNotificationsRead()
{
    return sendJson<NoContent>(Verb::Post, kApi + "/me/notifications/read", QJsonObject{{"all", true}},
                               [](const QByteArray&) -> Decoded<NoContent> { return NoContent{}; });
}

} // namespace nb::client
