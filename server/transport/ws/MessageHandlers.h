#pragma once

#include "server/services/BiddingService.h"
#include "server/transport/Workers.h"
#include "server/transport/ws/WsOptions.h"
#include "shared/protocol/Objects.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QObject>
#include <QString>

#include <optional>

namespace nb::services {
struct Services;
}

namespace nb::transport {

class AuctionFeed;
class ClientSession;
class Metrics;
class RateLimiter;
class SubscriptionIndex;

/// Reads each client message, admits it through the rate limiter, and runs its handler: hello,
/// subscribe, unsubscribe, bid, buy_now, ping. Handlers parse and check fields, call a service on
/// a worker, and answer: every message carrying a request_id gets exactly one answer with it.
/// Nothing here decides a rule; the services do.
class MessageHandlers : public QObject {
    Q_OBJECT
public:
    MessageHandlers(services::Services& services, Workers& workers, Metrics& metrics, RateLimiter& limiter,
                    AuctionFeed& feed, SubscriptionIndex& index, const WsOptions& options,
                    QObject* parent = nullptr);

    void handleText(ClientSession& session, const QString& text);
    void handleBinary(ClientSession& session);

private:
    using Handler = void (MessageHandlers::*)(ClientSession&, const QJsonObject&, const QJsonValue&);
    static const QHash<QString, Handler>& handlers();

    /// Takes a token from the limiter; otherwise answers rate_limited, or closes a connection
    /// that keeps flooding. Returns whether the message may run.
    bool admit(ClientSession& session, const QJsonValue& requestId);
    void dispatch(ClientSession& session, const QJsonObject& message, const QJsonValue& requestId);

    void hello(ClientSession& session, const QJsonObject& message, const QJsonValue& requestId);
    void subscribe(ClientSession& session, const QJsonObject& message, const QJsonValue& requestId);
    void unsubscribe(ClientSession& session, const QJsonObject& message, const QJsonValue& requestId);
    void bid(ClientSession& session, const QJsonObject& message, const QJsonValue& requestId);
    /// A bid on its way: what it asked, and where and since when its answer is due.
    struct BidCall {
        Workers::Recipient to;
        ClientSession* session = nullptr; // use only on its thread, while `to` is alive
        QJsonValue requestId;
        QElapsedTimer timer;
        qint64 bidderId = 0;
        qint64 auctionId = 0;
        Won amount = 0;
        std::optional<Won> maxAmount;
        QString requestKey;
    };
    /// Carries out what the service decided of a bid (on any thread): answers a refusal, or
    /// places the bid on a worker (holding its lane's turn when the lane gave it).
    void placeBid(const BidCall& call, services::BiddingService::Admission admission);
    /// On the session's thread.
    void answerBid(const BidCall& call, const ApiError& refusal);
    void answerBid(const BidCall& call, const BidResult& result);
    void buyNow(ClientSession& session, const QJsonObject& message, const QJsonValue& requestId);
    void ping(ClientSession& session, const QJsonObject& message, const QJsonValue& requestId);

    void signIn(ClientSession& session, std::optional<User> user);
    /// Runs the messages that waited for hello to finish authenticating.
    void runDeferred(ClientSession& session);

    services::Services& m_services;
    Workers& m_workers;
    Metrics& m_metrics;
    RateLimiter& m_limiter;
    AuctionFeed& m_feed;
    SubscriptionIndex& m_index;
    const WsOptions& m_options;
};

} // namespace nb::transport
