#pragma once

#include "client/net/ApiCall.h"
#include "client/net/ListingQuery.h"
#include "shared/protocol/Community.h"
#include "shared/protocol/Objects.h"

#include <QByteArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>

#include <optional>

class QNetworkRequest;

namespace nb::client {

/// POST /auth/register and /auth/login answer {token, user}.
struct AuthResult {
    QString token;
    User user;
};

/// POST /auth/register's body.
struct Registration {
    QString username;
    QString password;
    QString displayName;
    std::optional<qint64> regionId;
};

/// GET /health: {"status","version","db","redis"}.
struct Health {
    QString status;
    QString version;
    QString db;
    QString redis;
};

/// Every HTTP endpoint of PROTOCOL.md the client uses, one method each. Each returns an ApiCall<T>
/// (see ApiCall.h) that delivers the decoded answer or an nb::ApiError; a network failure is an
/// ApiError with code Unavailable and a sentence to show. The bearer token goes with every call
/// once setToken() was given one. Money-moving calls take the request_id the caller keeps for the
/// user's action (RequestIds / ActionIds), so a retry never moves money twice.
///
/// The UI reaches it through ClientSession::api() for what the session does not wrap (auction
/// detail, bids, questions, messages, reviews, selling, images).
class ApiClient : public QObject {
    Q_OBJECT

public:
    explicit ApiClient(QObject* parent = nullptr);

    /// The server's HTTP address, e.g. http://127.0.0.1:8080 (paths are appended to it).
    void setBaseUrl(const QUrl& url);
    QUrl baseUrl() const { return m_baseUrl; }
    void setToken(const QString& token) { m_token = token; }
    QString token() const { return m_token; }
    bool hasToken() const { return !m_token.isEmpty(); }
    /// Requests without any progress for this long fail as Unavailable (default 30 s).
    void setTransferTimeout(int milliseconds) { m_timeoutMs = milliseconds; }

    ApiCall<Health>* health();
    ApiCall<AuthResult>* registerUser(const Registration& registration);
    ApiCall<AuthResult>* login(const QString& username, const QString& password);
    ApiCall<NoContent>* logout();

    ApiCall<QList<Region>>* regions();
    ApiCall<QList<Category>>* categories();

    ApiCall<Page<AuctionSummary>>* auctions(const ListingQuery& query);
    ApiCall<AuctionDetail>* auction(qint64 auctionId);
    ApiCall<AuctionDetail>* createAuction(const NewAuction& auction);
    ApiCall<AuctionDetail>* cancelAuction(qint64 auctionId);
    /// Raw image bytes; mimeType image/jpeg, image/png or image/webp. Watch uploadProgress().
    ApiCall<ImageRef>* uploadImage(qint64 auctionId, const QByteArray& bytes, const QString& mimeType);
    /// An image by the url the server gave ("/api/v1/auctions/7/images/0") or an absolute URL.
    ApiCall<QByteArray>* downloadImage(const QString& url);

    ApiCall<Page<Bid>>* bids(qint64 auctionId, int page = 1, int pageSize = 50);
    ApiCall<BidResult>* placeBid(qint64 auctionId, Won amount, std::optional<Won> maxAmount,
                                 const QString& requestId);
    ApiCall<AuctionDetail>* buyNow(qint64 auctionId, const QString& requestId);
    ApiCall<NoContent>* watch(qint64 auctionId);
    ApiCall<NoContent>* unwatch(qint64 auctionId);

    ApiCall<QList<Question>>* questions(qint64 auctionId);
    ApiCall<Question>* ask(qint64 auctionId, const QString& text);
    ApiCall<Question>* answer(qint64 auctionId, qint64 questionId, const QString& text);
    ApiCall<QList<Message>>* messages(qint64 auctionId);
    ApiCall<Message>* sendMessage(qint64 auctionId, const QString& text);
    ApiCall<Review>* review(qint64 auctionId, int rating, const QString& text);

    ApiCall<User>* me();
    ApiCall<Wallet>* wallet();
    ApiCall<Page<LedgerEntry>>* ledger(int page = 1, int pageSize = 50);
    ApiCall<Wallet>* deposit(Won amount, const QString& requestId);
    ApiCall<Wallet>* withdraw(Won amount, const QString& requestId);
    ApiCall<Page<AuctionSummary>>* myBids(int page = 1, int pageSize = 100);
    ApiCall<Page<AuctionSummary>>* myAuctions(int page = 1, int pageSize = 100);
    ApiCall<Page<AuctionSummary>>* myWatchlist(int page = 1, int pageSize = 100);
    ApiCall<NotificationList>* notifications(bool unreadOnly = false);
    ApiCall<NoContent>* markNotificationsRead(const QList<qint64>& ids);
    ApiCall<NoContent>* markAllNotificationsRead();

signals:
    /// Any answer carried the signed-in user's wallet (GET /me/wallet, a bid, a deposit…).
    void walletReceived(const nb::Wallet& wallet);
    /// A call made with a token was refused as unauthorized: the session has ended.
    void unauthorized();

private:
    enum class Verb { Get, Post, Put, Delete };

    QNetworkRequest requestFor(const QString& path, const QUrlQuery& query = {}) const;
    QNetworkReply* send(Verb verb, const QNetworkRequest& request, const QByteArray& body);
    /// Sends and ties the network reply to call; watches for 401.
    template <typename T>
    ApiCall<T>* start(ApiCall<T>* call, Verb verb, const QNetworkRequest& request,
                      const QByteArray& body = {});
    template <typename T>
    ApiCall<T>* getJson(const QString& path, typename ApiCall<T>::Decoder decoder,
                        const QUrlQuery& query = {});
    template <typename T>
    ApiCall<T>* sendJson(Verb verb, const QString& path, const QJsonObject& body,
                         typename ApiCall<T>::Decoder decoder);
    ApiCall<NoContent>* sendEmpty(Verb verb, const QString& path);
    /// A call refused before it is sent (bad input): fails on the next event-loop turn.
    template <typename T>
    ApiCall<T>* refused(const ApiError& error);
    ApiCall<Wallet>* walletMove(const QString& path, Won amount, const QString& requestId);
    ApiCall<Page<AuctionSummary>>* myList(const QString& path, int page, int pageSize);

    QNetworkAccessManager m_network;
    QUrl m_baseUrl;
    QString m_token;
    int m_timeoutMs = 30'000;
};

} // namespace nb::client
