#pragma once

#include "client/net/Backoff.h"
#include "client/net/MetaTypes.h"
#include "client/net/SubscriptionBook.h"
#include "shared/Money.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

#include <optional>

namespace nb::client {

/// The WebSocket side of PROTOCOL.md: says hello (with the token when signed in), follows the
/// auctions subscribed, and turns every push into a typed signal. It keeps itself connected:
/// after a drop it reconnects with backoff (0.5 s .. 15 s, jittered), says hello again and
/// re-subscribes each auction with since_seq = the last seq it applied, so missed events are
/// replayed in order. Events are checked by seq: duplicates are dropped, a gap re-subscribes.
///
/// The UI does not use it directly: ClientSession subscribes the national auctions and the open
/// detail view (ClientSession::follow), maps stateChanged() to the status bar and forwards pushes to the
/// models.
class LiveClient : public QObject {
    Q_OBJECT

public:
    static constexpr int kSubscribeBurst = 20;
    static constexpr int kSubscribePaceMs = 100;

    enum class State {
        Disconnected, // not connected; a reconnect may be scheduled (reconnectScheduled)
        Connecting,   // opening the socket or waiting for the welcome
        Connected,    // welcomed: events flow
    };
    Q_ENUM(State)

    explicit LiveClient(QObject* parent = nullptr);
    ~LiveClient() override;

    /// ws://host:8081/ws by default (ServerAddress derives it from the settings).
    void setUrl(const QUrl& url);
    QUrl url() const { return m_url; }
    /// Signs the connection in (or out, with an empty token): sent now when connected.
    void setToken(const QString& token);
    /// Reconnect delays (tests shorten them).
    void setBackoff(int minimumMs, int maximumMs) { m_backoff = Backoff(minimumMs, maximumMs); }
    /// Keep-alive: a ping every interval; no message within the timeout after it drops the
    /// connection (and reconnects).
    void setKeepAlive(int intervalMs, int timeoutMs);

    /// Connects and stays connected until stop().
    void start();
    void stop();
    State state() const { return m_state; }
    bool isConnected() const { return m_state == State::Connected; }

    /// Follows an auction: a snapshot arrives, then its events. Kept across reconnects.
    void subscribe(qint64 auctionId);
    void unsubscribe(qint64 auctionId);
    /// Forgets every subscription and its seq (another server).
    void unsubscribeAll();
    bool isSubscribed(qint64 auctionId) const { return m_book.contains(auctionId); }
    QList<qint64> subscriptions() const { return m_book.auctionIds(); }
    /// The last seq applied for the auction (nothing before its snapshot).
    std::optional<qint64> lastSeq(qint64 auctionId) const { return m_book.lastSeq(auctionId); }
    /// Events dropped as duplicates and gaps seen since start (diagnostics, tests).
    int duplicatesDropped() const { return m_duplicates; }
    int gapsDetected() const { return m_gaps; }

    /// Bids over the socket; the answer is bidResult() or requestFailed() with the same id.
    /// Returns false (and sends nothing) when not connected.
    bool sendBid(const QString& requestId, qint64 auctionId, Won amount, std::optional<Won> maxAmount);
    bool sendBuyNow(const QString& requestId, qint64 auctionId);

signals:
    void stateChanged(nb::client::LiveClient::State state);
    /// The next connection attempt starts in delayMs.
    void reconnectScheduled(int delayMs);
    /// The server greeted us: the signed-in user, or nullopt for anonymous.
    void welcomed(const std::optional<nb::User>& user);
    /// The token was refused (expired): the connection stays, anonymous.
    void helloRefused(const nb::ApiError& error);

    void snapshotReceived(const nb::AuctionDetail& auction);
    void bidEvent(const nb::AuctionBidEvent& event);
    void extendedEvent(const nb::AuctionExtendedEvent& event);
    void endedEvent(const nb::AuctionEndedEvent& event);
    void startedEvent(const nb::AuctionStartedEvent& event);

    void walletPushed(const nb::Wallet& wallet);
    void notificationPushed(const nb::Notification& notification);

    void bidResult(const QString& requestId, const nb::BidResult& result);
    void buyNowResult(const QString& requestId, const nb::AuctionDetail& auction);
    /// An error answer to one of our requests, or the connection dropped before the answer
    /// (code Unavailable: the same request_id may be sent again).
    void requestFailed(const QString& requestId, const nb::ApiError& error);
    /// An error the server sent without a request_id (malformed message, rate limit).
    void serverError(const nb::ApiError& error);

private:
    void open();
    void setState(State state);
    void onConnected();
    void onDisconnected();
    void onTextMessage(const QString& text);
    void scheduleReconnect();
    void sendHello();
    /// Subscriptions go out paced (kSubscribeBurst per kSubscribePaceMs) so that following
    /// hundreds of auctions after a reconnect does not trip the server's rate limit; each is
    /// sent with the last seq held at the moment it leaves.
    void queueSubscribe(qint64 auctionId);
    void pumpSubscriptions();
    void sendSubscribe(qint64 auctionId, std::optional<qint64> sinceSeq);
    void send(const QJsonObject& message);
    void sendPing();
    void failPending(const QString& why);

    void handleWelcome(const QJsonObject& message);
    void handleSnapshot(const QJsonObject& message);
    void handleAuctionEvent(const QString& type, const QJsonObject& message);
    void emitAuctionEvent(const QString& type, const QJsonObject& message);
    void handleError(const QJsonObject& message);
    void handleBidResult(const QJsonObject& message);
    void handleBuyNowResult(const QJsonObject& message);
    void handleUserPush(const QString& type, const QJsonObject& message);

    QWebSocket m_socket;
    QUrl m_url;
    QString m_token;
    State m_state = State::Disconnected;
    bool m_wanted = false;
    Backoff m_backoff;
    QTimer m_reconnectTimer;
    QTimer m_pingTimer;
    QTimer m_silenceTimer;
    QTimer m_subscribeTimer;
    QList<qint64> m_subscribeQueue;
    QElapsedTimer m_clock;
    SubscriptionBook m_book;
    QSet<QString> m_pending;  // request_ids of bids and buy-nows awaiting their answer
    QString m_helloRequestId; // the hello in flight, to recognise its refusal
    int m_duplicates = 0;
    int m_gaps = 0;
    quint64 m_counter = 0;
};

} // namespace nb::client
