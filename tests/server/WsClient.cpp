#include "tests/server/WsClient.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QTest>
#include <QTimer>
#include <QUuid>

namespace nb::test {

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

} // namespace nb::test
