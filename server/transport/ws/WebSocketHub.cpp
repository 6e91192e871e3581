#include "server/transport/ws/WebSocketHub.h"

#include "server/events/EventBus.h"
#include "server/services/Services.h"
#include "server/transport/Metrics.h"
#include "server/transport/Workers.h"
#include "server/transport/ws/ClientSession.h"
#include "server/transport/ws/WsMessages.h"
#include "server/transport/ws/WsTcpListener.h"
#include "shared/protocol/Json.h"

#include <QLoggingCategory>
#include <QUrl>
#include <QWebSocket>
#include <QWebSocketCorsAuthenticator>
#include <QWebSocketServer>

namespace nb::transport {

Q_LOGGING_CATEGORY(lcWsHub, "neighborbid.ws.hub")

namespace {

/// Handshakes finished but not yet taken; the hub takes each at once, so this only caps bursts.
constexpr int kMaxPendingConnections = 256;

QString normalisedOrigin(const QString& origin)
{
    QString text = origin.trimmed().toLower();
    while (text.endsWith(QLatin1Char('/')))
        text.chop(1);
    return text;
}

} // namespace

WebSocketHub::WebSocketHub(services::Services& services, Workers& workers, events::EventBus& bus,
                           Metrics& metrics, RateLimiter& limiter, WsOptions options, QObject* parent)
    : QObject(parent)
    , m_services(services)
    , m_workers(workers)
    , m_metrics(metrics)
    , m_options(std::move(options))
    , m_coalescer(metrics)
    , m_feed(services, workers, metrics, m_index)
    , m_handlers(services, workers, metrics, limiter, m_feed, m_index, m_options)
{
    connect(&bus, &events::EventBus::auctionEvent, this,
            [this](qint64 auctionId, const QJsonObject& event) { m_feed.publish(auctionId, event); });
    connect(&bus, &events::EventBus::userEvent, this, &WebSocketHub::onUserEvent);
}

WebSocketHub::~WebSocketHub()
{
    closeAll();
    delete m_listener;
    if (m_server) {
        m_server->disconnect(this);
        m_server->close();
        delete m_server;
    }
}

quint16 WebSocketHub::listen(const QHostAddress& address, quint16 port,
                             const std::optional<QSslConfiguration>& ssl)
{
    if (m_server) {
        delete m_listener;
        m_listener = nullptr;
        m_server->close();
        delete m_server;
    }
    // The server only does handshakes; the listener accepts (and encrypts) the connections.
    m_server = new QWebSocketServer(QStringLiteral("NeighborBid"), QWebSocketServer::NonSecureMode, this);
    m_server->setMaxPendingConnections(kMaxPendingConnections);
    connect(m_server, &QWebSocketServer::newConnection, this, &WebSocketHub::onNewConnection);
    connect(m_server, &QWebSocketServer::originAuthenticationRequired, this, &WebSocketHub::onOriginCheck);
    m_listener = new WsTcpListener(ssl, *m_server, this);
    if (!m_listener->listen(address, port)) {
        qCWarning(lcWsHub, "cannot listen on %s:%u: %s", qPrintable(address.toString()), port,
                  qPrintable(m_listener->errorString()));
        return 0;
    }
    return m_listener->serverPort();
}

int WebSocketHub::connectionCount() const
{
    return static_cast<int>(m_sessions.size());
}

void WebSocketHub::onOriginCheck(QWebSocketCorsAuthenticator* authenticator) const
{
    const QString origin = authenticator->origin();
    if (origin.isEmpty() || m_options.allowedOrigins.isEmpty()) {
        authenticator->setAllowed(true);
        return;
    }
    const QString wanted = normalisedOrigin(origin);
    for (const QString& allowed : m_options.allowedOrigins) {
        if (normalisedOrigin(allowed) == wanted) {
            authenticator->setAllowed(true);
            return;
        }
    }
    qCInfo(lcWsHub, "refused a WebSocket handshake from origin %s", qPrintable(origin));
    authenticator->setAllowed(false);
}

void WebSocketHub::onNewConnection()
{
    while (QWebSocket* socket = m_server->nextPendingConnection()) {
        const quint64 id = m_nextSessionId++;
        auto* session = new ClientSession(id, socket, m_options.maxSendQueueBytes, m_coalescer, this);
        session->setPlainSocket(m_listener->claimPlainSocket(*socket));
        socket->setMaxAllowedIncomingFrameSize(static_cast<quint64>(m_options.maxFrameBytes));
        socket->setMaxAllowedIncomingMessageSize(static_cast<quint64>(m_options.maxFrameBytes));
        m_sessions.emplace(id, session);
        // Queued: a connection may drop while the hub is iterating over its followers.
        connect(
            socket, &QWebSocket::disconnected, this, [this, id] { removeSession(id); }, Qt::QueuedConnection);
        connect(socket, &QWebSocket::textMessageReceived, session,
                [this, session](const QString& text) { m_handlers.handleText(*session, text); });
        connect(socket, &QWebSocket::binaryMessageReceived, session,
                [this, session](const QByteArray&) { m_handlers.handleBinary(*session); });
        m_metrics.setWebSocketConnections(connectionCount());
        if (socket->requestUrl().path() != QLatin1String(kPath)) {
            session->close(QWebSocketProtocol::CloseCodePolicyViolated,
                           QStringLiteral("unknown path; connect to %1").arg(QLatin1String(kPath)));
        }
    }
}

void WebSocketHub::removeSession(quint64 id)
{
    const auto it = m_sessions.find(id);
    if (it == m_sessions.end())
        return;
    ClientSession* session = it->second;
    m_sessions.erase(it);
    m_feed.dropSession(*session);
    if (const std::optional<qint64> userId = session->userId())
        m_index.removeUserSession(*userId, session);
    session->deleteLater();
    m_metrics.setWebSocketConnections(connectionCount());
}

void WebSocketHub::onUserEvent(qint64 userId, const QJsonObject& event)
{
    pushToUser(userId, event);
}

void WebSocketHub::pushToUser(qint64 userId, const QJsonObject& message)
{
    const std::vector<ClientSession*> sessions = m_index.sessionsOf(userId);
    if (sessions.empty())
        return;
    const WsTextFrame frame = WsTextFrame::fromJson(message);
    int sent = 0;
    for (ClientSession* session : sessions) {
        if (session->isOpen()) {
            session->queue(frame);
            ++sent;
        }
    }
    m_metrics.countEventsDelivered(sent);
}

void WebSocketHub::resynchronise()
{
    m_feed.resynchronise();
    // Wallet pushes are not in the replay log: send each signed-in user their wallet as it is.
    services::WalletService& wallets = m_services.wallet;
    for (const qint64 userId : m_index.users()) {
        m_workers.run(
            this, [&wallets, userId] { return wallets.wallet(userId); },
            [this, userId](const std::exception_ptr& error, const Wallet& wallet) {
                if (error)
                    return;
                QJsonObject message = toJson(wallet);
                message.insert(QStringLiteral("type"), QStringLiteral("wallet"));
                pushToUser(userId, message);
            });
    }
}

void WebSocketHub::closeAll()
{
    for (auto& [id, session] : m_sessions) {
        m_feed.dropSession(*session);
        delete session;
    }
    m_sessions.clear();
}

} // namespace nb::transport
