#include "tests/server/WsFixture.h"

#include "server/services/PasswordHasher.h"
#include "server/storage/Transaction.h"
#include "server/storage/UserStore.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QHostAddress>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTest>
#include <QTimer>
#include <QUuid>

#include <hiredis/hiredis.h>

namespace nb::test {

namespace {

constexpr int kInstanceConnections = 6;

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

bool redisAnswers(quint16 port)
{
    redisContext* c = redisConnectWithTimeout("127.0.0.1", port, timeval{0, 200'000});
    if (!c)
        return false;
    bool ok = false;
    if (!c->err) {
        if (auto* reply = static_cast<redisReply*>(redisCommand(c, "PING"))) {
            ok = reply->type == REDIS_REPLY_STATUS;
            freeReplyObject(reply);
        }
    }
    redisFree(c);
    return ok;
}

} // namespace

// --- WsInstance ------------------------------------------------------------------------------

WsInstance::WsInstance(const std::string& connectionString, const WsLimits& limits)
    : m_pool(connectionString, kInstanceConnections)
    , m_workers(kInstanceConnections)
    , m_services(m_pool)
    , m_limiter(limits.messagesPerSecond, limits.burst)
{
    m_hub = std::make_unique<transport::WebSocketHub>(m_services, m_workers, m_bus, m_metrics, m_limiter,
                                                      limits.options);
    m_port = m_hub->listen(QHostAddress::LocalHost, 0, std::nullopt);
}

WsInstance::~WsInstance()
{
    m_hub.reset();
    // Work still running uses the services, which go before the workers do.
    m_workers.pool().waitForDone();
}

QUrl WsInstance::url(const QString& path) const
{
    return QUrl(QStringLiteral("ws://127.0.0.1:%1%2").arg(m_port).arg(path));
}

// --- RelayThread -----------------------------------------------------------------------------

RelayThread::RelayThread(storage::ConnectionPool& pool, events::OutboxRelay::Sink sink)
{
    m_thread.setObjectName(QStringLiteral("test-relay"));
    m_thread.start();
    // Made on its own thread: its poll timer is a plain member, which moveToThread() would
    // leave behind (and the relay's backstop poll would then never run).
    m_anchor.moveToThread(&m_thread);
    QMetaObject::invokeMethod(
        &m_anchor,
        [this, &pool, &sink] {
            auto* relay = new events::OutboxRelay(pool, std::move(sink));
            QObject::connect(&m_thread, &QThread::finished, relay, &QObject::deleteLater);
            relay->start();
        },
        Qt::BlockingQueuedConnection);
}

RelayThread::~RelayThread()
{
    m_thread.quit();
    m_thread.wait();
}

// --- RedisProcess ----------------------------------------------------------------------------

RedisProcess::RedisProcess()
    : m_port(freePort())
{
    m_process.setStandardOutputFile(QProcess::nullDevice());
    m_process.setStandardErrorFile(QProcess::nullDevice());
}

RedisProcess::~RedisProcess()
{
    stop();
}

bool RedisProcess::start()
{
    if (isRunning())
        return true;
    m_process.start(QStringLiteral("redis-server"),
                    {QStringLiteral("--port"), QString::number(m_port), QStringLiteral("--bind"),
                     QStringLiteral("127.0.0.1"), QStringLiteral("--save"), QString(),
                     QStringLiteral("--appendonly"), QStringLiteral("no")});
    if (!m_process.waitForStarted(5000))
        return false;
    return QTest::qWaitFor([this] { return redisAnswers(m_port); }, 10'000);
}

void RedisProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

// --- WsClient --------------------------------------------------------------------------------

WsClient::WsClient(const QString& origin)
    : m_socket(origin)
{
    connect(&m_socket, &QWebSocket::textMessageReceived, this, [this](const QString& text) {
        m_messages.append(QJsonDocument::fromJson(text.toUtf8()).object());
    });
}

bool WsClient::open(const QUrl& url, int timeoutMs)
{
    m_socket.open(url);
    const bool settled = QTest::qWaitFor(
        [this] {
            return m_socket.state() == QAbstractSocket::ConnectedState ||
                   m_socket.state() == QAbstractSocket::UnconnectedState;
        },
        timeoutMs);
    return settled && isConnected();
}

void WsClient::send(const QJsonObject& message)
{
    m_socket.sendTextMessage(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
}

QJsonObject WsClient::request(QJsonObject message, int timeoutMs)
{
    if (!message.contains(QStringLiteral("request_id")))
        message.insert(QStringLiteral("request_id"), newRequestId());
    const QJsonValue requestId = message.value(QStringLiteral("request_id"));
    send(message);
    return waitFor([&](const QJsonObject& m) { return m.value(QStringLiteral("request_id")) == requestId; },
                   timeoutMs)
        .value_or(QJsonObject());
}

QJsonObject WsClient::hello(const QString& token)
{
    QJsonObject message{{QStringLiteral("type"), QStringLiteral("hello")}, {QStringLiteral("v"), 1}};
    if (!token.isEmpty())
        message.insert(QStringLiteral("token"), token);
    return request(message);
}

QJsonObject WsClient::subscribe(qint64 auctionId)
{
    return request(
        {{QStringLiteral("type"), QStringLiteral("subscribe")}, {QStringLiteral("auction_id"), auctionId}});
}

std::optional<QJsonObject> WsClient::waitFor(const std::function<bool(const QJsonObject&)>& match,
                                             int timeoutMs)
{
    std::optional<QJsonObject> found;
    int scanned = 0;
    const bool seen = QTest::qWaitFor(
        [&] {
            for (; scanned < m_messages.size(); ++scanned) {
                if (match(m_messages[scanned])) {
                    found = m_messages[scanned];
                    return true;
                }
            }
            return false;
        },
        timeoutMs);
    return seen ? found : std::nullopt;
}

bool WsClient::waitForCount(const QString& type, int count, int timeoutMs)
{
    return QTest::qWaitFor([&] { return ofType(type).size() >= count; }, timeoutMs);
}

bool WsClient::waitDisconnected(int timeoutMs)
{
    return QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::UnconnectedState; },
                           timeoutMs);
}

double WsClient::pingRoundTripMs(int timeoutMs)
{
    const QString requestId = newRequestId();
    QEventLoop loop;
    QElapsedTimer timer;
    double elapsedMs = -1;
    const auto connection =
        connect(&m_socket, &QWebSocket::textMessageReceived, &loop, [&](const QString& text) {
            const QJsonObject m = QJsonDocument::fromJson(text.toUtf8()).object();
            if (m.value(QStringLiteral("request_id")).toString() == requestId) {
                elapsedMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
                loop.quit();
            }
        });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    timer.start();
    send({{QStringLiteral("type"), QStringLiteral("ping")}, {QStringLiteral("request_id"), requestId}});
    loop.exec();
    disconnect(connection);
    return elapsedMs;
}

void WsClient::spin(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

QList<QJsonObject> WsClient::ofType(const QString& type) const
{
    QList<QJsonObject> out;
    for (const QJsonObject& m : m_messages) {
        if (m.value(QStringLiteral("type")).toString() == type)
            out.append(m);
    }
    return out;
}

QList<qint64> WsClient::eventSeqs(qint64 auctionId) const
{
    QList<qint64> seqs;
    for (const QJsonObject& m : m_messages) {
        if (m.value(QStringLiteral("type")).toString().startsWith(QLatin1String("auction.")) &&
            m.value(QStringLiteral("auction_id")).toInteger() == auctionId)
            seqs.append(m.value(QStringLiteral("seq")).toInteger());
    }
    return seqs;
}

int WsClient::answersTo(const QString& requestId) const
{
    int n = 0;
    for (const QJsonObject& m : m_messages) {
        if (m.value(QStringLiteral("request_id")).toString() == requestId)
            ++n;
    }
    return n;
}

QString WsClient::newRequestId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// --- StalledPeer -----------------------------------------------------------------------------

bool StalledPeer::open(quint16 port, int timeoutMs)
{
    m_socket.connectToHost(QHostAddress::LocalHost, port);
    if (!QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::ConnectedState; }, timeoutMs))
        return false;
    m_socket.write(QByteArrayLiteral("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                                     "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                                     "Sec-WebSocket-Version: 13\r\n\r\n"));
    QByteArray response;
    const bool answered = QTest::qWaitFor(
        [&] {
            response += m_socket.readAll();
            return response.contains("\r\n\r\n");
        },
        timeoutMs);
    // From here on the peer reads nothing: its buffers fill and the server's queue grows.
    m_socket.setReadBufferSize(1024);
    m_socket.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 4096);
    return answered && response.startsWith("HTTP/1.1 101");
}

void StalledPeer::sendText(const QByteArray& text)
{
    QByteArray frame;
    frame.append(char(0x81));
    const qsizetype n = text.size();
    if (n < 126) {
        frame.append(static_cast<char>(0x80 | n));
    } else {
        frame.append(static_cast<char>(0x80 | 126));
        frame.append(static_cast<char>((n >> 8) & 0xff));
        frame.append(static_cast<char>(n & 0xff));
    }
    const quint32 key = QRandomGenerator::global()->generate();
    const char mask[4] = {static_cast<char>(key >> 24), static_cast<char>(key >> 16),
                          static_cast<char>(key >> 8), static_cast<char>(key)};
    frame.append(mask, 4);
    for (qsizetype i = 0; i < n; ++i)
        frame.append(static_cast<char>(text[i] ^ mask[i % 4]));
    m_socket.write(frame);
}

// --- WsFixture -------------------------------------------------------------------------------

namespace {

void publishOnBus(events::EventBus& bus, const storage::outbox::OutboxEvent& e)
{
    if (e.auctionId)
        bus.publishAuctionEvent(*e.auctionId, e.payload);
    else if (e.userId)
        bus.publishUserEvent(*e.userId, e.payload);
}

} // namespace

WsFixture::WsFixture(const WsLimits& limits, Relay relay)
    : m_server(std::make_unique<WsInstance>(m_data.connectionString(), limits))
{
    if (relay == Relay::ToBus) {
        events::EventBus* bus = &m_server->bus();
        m_relay = std::make_unique<RelayThread>(
            m_data.pool(), [bus](const storage::outbox::OutboxEvent& e) { publishOnBus(*bus, e); });
    }
}

int WsFixture::deliverPending(const std::function<bool(const storage::outbox::OutboxEvent&)>& keep)
{
    int delivered = 0;
    events::EventBus& bus = m_server->bus();
    events::OutboxRelay relay(m_data.pool(), [&](const storage::outbox::OutboxEvent& e) {
        if (keep && !keep(e))
            return;
        publishOnBus(bus, e);
        ++delivered;
    });
    relay.drain();
    return delivered;
}

WsFixture::~WsFixture()
{
    m_relay.reset();
    m_server.reset();
}

std::vector<WsFixture::Person> WsFixture::makePeople(const QString& prefix, int count, Won money)
{
    if (m_templateUser == 0)
        m_templateUser = m_data.registerUser(QStringLiteral("template"));
    std::vector<Person> people;
    for (const qint64 id : m_data.cloneUsers(m_templateUser, prefix, count)) {
        if (money > 0)
            m_data.deposit(id, money);
        people.push_back(Person{id, tokenFor(id)});
    }
    return people;
}

WsFixture::Person WsFixture::makePerson(const QString& name, Won money)
{
    return makePeople(name, 1, money).front();
}

QString WsFixture::tokenFor(qint64 userId)
{
    const QString token = services::crypto::newToken();
    storage::inTransaction(m_data.pool(), [&](pqxx::work& tx) {
        storage::users::insertSession(tx, services::crypto::tokenHash(token), userId, 30);
    });
    return token;
}

qint64 WsFixture::makeAuction(qint64 sellerId, const std::function<void(NewAuction&)>& adjust)
{
    NewAuction spec;
    spec.title = QStringLiteral("Film camera");
    spec.description = QStringLiteral("Listed by the WebSocket tests.");
    spec.category = QStringLiteral("electronics");
    spec.isNational = true;
    spec.startPrice = 10'000;
    spec.endsAt = QDateTime::currentDateTimeUtc().addSecs(3600);
    if (adjust)
        adjust(spec);
    return services::AuctionService(m_data.pool()).create(sellerId, spec).summary.id;
}

std::unique_ptr<WsClient> WsFixture::connectClient(const QString& token)
{
    auto client = std::make_unique<WsClient>();
    if (!client->open(m_server->url()))
        return nullptr;
    const QJsonObject answer = client->hello(token);
    if (answer.value(QStringLiteral("type")).toString() != QLatin1String("welcome"))
        return nullptr;
    return client;
}

std::vector<QJsonObject> WsFixture::replayLog(qint64 auctionId)
{
    return storage::inTransaction(m_data.pool(), [&](pqxx::work& tx) {
        return storage::outbox::auctionEventsSince(tx, auctionId, 0, 100'000);
    });
}

} // namespace nb::test
