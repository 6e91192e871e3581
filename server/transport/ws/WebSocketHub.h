#pragma once

#include "server/transport/ws/AuctionFeed.h"
#include "server/transport/ws/MessageHandlers.h"
#include "server/transport/ws/SendCoalescer.h"
#include "server/transport/ws/SubscriptionIndex.h"
#include "server/transport/ws/WsOptions.h"

#include <QHostAddress>
#include <QJsonObject>
#include <QObject>
#include <QSslConfiguration>

#include <map>
#include <optional>

class QWebSocket;
class QWebSocketCorsAuthenticator;
class QWebSocketServer;

namespace nb::transport {
class WsTcpListener;
}

namespace nb::events {
class EventBus;
}
namespace nb::services {
struct Services;
}

namespace nb::transport {

class ClientSession;
class Metrics;
class RateLimiter;
class Workers;

/// The WebSocket face of PROTOCOL.md on its own port and path (/ws): accepts connections
/// (refusing foreign Origins and other paths), hands their messages to MessageHandlers, and
/// pushes every committed event from the EventBus to the connections that want it: auction
/// events to the auction's followers (AuctionFeed), wallet and notification pushes to all
/// connections of their user. Everything here runs on the thread the hub lives on; database
/// work runs on the Workers.
class WebSocketHub : public QObject {
    Q_OBJECT
public:
    WebSocketHub(services::Services& services, Workers& workers, events::EventBus& bus, Metrics& metrics,
                 RateLimiter& limiter, WsOptions options, QObject* parent = nullptr);
    ~WebSocketHub() override;

    /// The port listened on, 0 on failure. With ssl set, serves wss://.
    quint16 listen(const QHostAddress& address, quint16 port, const std::optional<QSslConfiguration>& ssl);
    int connectionCount() const;
    /// After an outage of the event transport: replay from the replay log what each followed
    /// auction missed, and push signed-in users their current wallet.
    void resynchronise();

    static constexpr const char* kPath = "/ws";

private:
    void onNewConnection();
    void onOriginCheck(QWebSocketCorsAuthenticator* authenticator) const;
    void removeSession(quint64 id);
    void onUserEvent(qint64 userId, const QJsonObject& event);
    void pushToUser(qint64 userId, const QJsonObject& message);
    void closeAll();

    services::Services& m_services;
    Workers& m_workers;
    Metrics& m_metrics;
    const WsOptions m_options;
    SendCoalescer m_coalescer;
    SubscriptionIndex m_index;
    AuctionFeed m_feed;
    MessageHandlers m_handlers;
    QWebSocketServer* m_server = nullptr;
    WsTcpListener* m_listener = nullptr;
    std::map<quint64, ClientSession*> m_sessions;
    quint64 m_nextSessionId = 1;
};

} // namespace nb::transport
