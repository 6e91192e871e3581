#pragma once

#include "server/transport/ws/WsOptions.h"
#include "shared/protocol/Objects.h"

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
class Workers;

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
