#include "tests/client/FakeLiveServer.h"

#include "shared/TimeFormat.h"
#include "shared/protocol/Json.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QTest>
#include <QWebSocket>

namespace nb::test {

FakeLiveServer::FakeLiveServer()
    : m_server(QStringLiteral("fake"), QWebSocketServer::NonSecureMode)
{
    connect(&m_server, &QWebSocketServer::newConnection, this, &FakeLiveServer::onNewConnection);
}

FakeLiveServer::~FakeLiveServer()
{
    close();
}

bool FakeLiveServer::listen(quint16 port)
{
    if (!m_server.listen(QHostAddress::LocalHost, port))
        return false;
    m_port = m_server.serverPort();
    return true;
}

void FakeLiveServer::close()
{
    m_server.close();
    dropConnections();
}

QUrl FakeLiveServer::url() const
{
    return QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(m_port));
}

void FakeLiveServer::onNewConnection()
{
    while (QWebSocket* socket = m_server.nextPendingConnection()) {
        ++m_accepted;
        m_sockets.append(socket);
        connect(socket, &QWebSocket::textMessageReceived, this,
                [this, socket](const QString& text) { onMessage(socket, text); });
        connect(socket, &QWebSocket::disconnected, this, [this, socket] {
            m_sockets.removeAll(socket);
            for (Auction& auction : m_auctions)
                auction.subscribers.removeAll(socket);
            socket->deleteLater();
        });
    }
}

void FakeLiveServer::dropConnections()
{
    const QList<QWebSocket*> sockets = m_sockets;
    for (QWebSocket* socket : sockets)
        socket->abort();
}

void FakeLiveServer::send(QWebSocket* socket, const QJsonObject& message)
{
    socket->sendTextMessage(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
}

void FakeLiveServer::sendToAll(const QJsonObject& message)
{
    for (QWebSocket* socket : m_sockets)
        send(socket, message);
}

void FakeLiveServer::onMessage(QWebSocket* socket, const QString& text)
{
    const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
    m_received.append(message);
    const QString type = message.value("type").toString();
    const QJsonValue requestId = message.value("request_id");
    if (type == QLatin1String("hello")) {
        const QString token = message.value("token").toString();
        if (token == QLatin1String(kExpiredToken)) {
            send(socket,
                 QJsonObject{{"type", "error"},
                             {"request_id", requestId},
                             {"error", QJsonObject{{"code", "unauthorized"}, {"message", "expired"}}}});
            return;
        }
        QJsonValue user = QJsonValue::Null;
        if (token == QLatin1String(kGoodToken))
            user = toJson(User{7, "kim", "Kim", 11, 4.5, 2, false, QDateTime::currentDateTimeUtc()});
        send(socket, QJsonObject{{"type", "welcome"},
                                 {"v", 1},
                                 {"user", user},
                                 {"request_id", requestId},
                                 {"server_time", toWireTime(QDateTime::currentDateTimeUtc())}});
    } else if (type == QLatin1String("subscribe")) {
        answerSubscribe(socket, message);
    } else if (type == QLatin1String("unsubscribe")) {
        m_auctions[message.value("auction_id").toInteger()].subscribers.removeAll(socket);
    } else if (type == QLatin1String("ping")) {
        if (m_answerPings)
            send(socket, QJsonObject{{"type", "pong"}, {"request_id", requestId}});
    } else if (type == QLatin1String("bid") && m_answerBids) {
        const qint64 auctionId = message.value("auction_id").toInteger();
        BidResult result;
        result.bidId = 1;
        result.auctionId = auctionId;
        result.acceptedAmount = message.value("amount").toInteger();
        result.currentPrice = result.acceptedAmount;
        result.leading = true;
        result.highBidderId = 7;
        result.endsAt = QDateTime::currentDateTimeUtc().addSecs(3600);
        result.seq = lastSeq(auctionId) + 1;
        result.wallet = Wallet{50'000, result.acceptedAmount};
        QJsonObject answer = toJson(result);
        answer.insert("type", "bid_result");
        answer.insert("request_id", requestId);
        send(socket, answer);
    }
}

void FakeLiveServer::answerSubscribe(QWebSocket* socket, const QJsonObject& message)
{
    const qint64 auctionId = message.value("auction_id").toInteger();
    const QJsonValue requestId = message.value("request_id");
    if (!m_auctions.contains(auctionId)) {
        send(socket, QJsonObject{{"type", "error"},
                                 {"request_id", requestId},
                                 {"error", QJsonObject{{"code", "not_found"},
                                                       {"message", "There is no such auction."}}}});
        return;
    }
    Auction& auction = m_auctions[auctionId];
    if (!auction.subscribers.contains(socket))
        auction.subscribers.append(socket);
    const QJsonValue since = message.value("since_seq");
    if (since.isDouble() && since.toInteger() >= auction.snapshotSeq) {
        for (const QJsonObject& event : std::as_const(auction.log)) {
            if (event.value("seq").toInteger() > since.toInteger())
                send(socket, event);
        }
        send(socket, QJsonObject{{"type", "subscribed"},
                                 {"auction_id", auctionId},
                                 {"seq", lastSeq(auctionId)},
                                 {"request_id", requestId}});
        return;
    }
    send(socket,
         QJsonObject{{"type", "snapshot"}, {"auction", snapshotOf(auctionId)}, {"request_id", requestId}});
}

void FakeLiveServer::addAuction(qint64 auctionId, qint64 seq, qint64 price)
{
    Auction auction;
    auction.snapshotSeq = seq;
    auction.price = price;
    m_auctions.insert(auctionId, auction);
}

qint64 FakeLiveServer::lastSeq(qint64 auctionId) const
{
    const Auction& auction = m_auctions[auctionId];
    return auction.log.isEmpty() ? auction.snapshotSeq : auction.log.last().value("seq").toInteger();
}

QJsonObject FakeLiveServer::snapshotOf(qint64 auctionId) const
{
    const Auction& auction = m_auctions[auctionId];
    AuctionDetail detail;
    AuctionSummary& s = detail.summary;
    s.id = auctionId;
    s.title = QStringLiteral("Auction %1").arg(auctionId);
    s.seller = SellerRef{1, "Seller", 0.0, 0};
    s.category = "electronics";
    s.region = RegionRef{11, "서울특별시"};
    s.isNational = true;
    s.status = AuctionStatus::Active;
    s.startPrice = 1000;
    s.currentPrice = auction.price;
    s.bidCount = static_cast<int>(lastSeq(auctionId));
    s.startsAt = QDateTime::currentDateTimeUtc().addSecs(-60);
    s.endsAt = QDateTime::currentDateTimeUtc().addSecs(3600);
    detail.description = "desc";
    detail.bidIncrement = 1000;
    detail.minNextBid = auction.price + 1000;
    detail.seq = lastSeq(auctionId);
    return toJson(detail);
}

QJsonObject FakeLiveServer::appendBid(qint64 auctionId, qint64 price)
{
    Auction& auction = m_auctions[auctionId];
    AuctionBidEvent event;
    event.auctionId = auctionId;
    event.seq = lastSeq(auctionId) + 1;
    event.amount = price;
    event.currentPrice = price;
    event.bidCount = static_cast<int>(event.seq);
    event.highBidder = PartyRef{8, "Lee"};
    event.minNextBid = price + 1000;
    event.endsAt = QDateTime::currentDateTimeUtc().addSecs(3600);
    event.at = QDateTime::currentDateTimeUtc();
    const QJsonObject json = toJson(event);
    auction.log.append(json);
    auction.price = price;
    return json;
}

QJsonObject FakeLiveServer::publishBid(qint64 auctionId, qint64 price)
{
    const QJsonObject json = appendBid(auctionId, price);
    for (QWebSocket* socket : std::as_const(m_auctions[auctionId].subscribers))
        send(socket, json);
    return json;
}

QJsonObject FakeLiveServer::logBidSilently(qint64 auctionId, qint64 price)
{
    return appendBid(auctionId, price);
}

QList<QJsonObject> FakeLiveServer::receivedOfType(const QString& type) const
{
    QList<QJsonObject> out;
    for (const QJsonObject& message : m_received) {
        if (message.value("type").toString() == type)
            out.append(message);
    }
    return out;
}

std::optional<QJsonObject> FakeLiveServer::waitFor(const std::function<bool(const QJsonObject&)>& match,
                                                   int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    qsizetype checked = 0;
    while (true) {
        for (; checked < m_received.size(); ++checked) {
            if (match(m_received.at(checked)))
                return m_received.at(checked);
        }
        if (clock.elapsed() > timeoutMs)
            return std::nullopt;
        QTest::qWait(5);
    }
}

} // namespace nb::test
