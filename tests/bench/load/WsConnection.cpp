#include "tests/bench/load/WsConnection.h"

#include "tests/bench/load/WsHandler.h"

#include <QJsonDocument>

namespace nb::bench::load {

WsConnection::WsConnection(QUrl url, QString token, WsHandler& handler)
    : m_url(std::move(url))
    , m_token(std::move(token))
    , m_handler(handler)
{}

WsConnection::~WsConnection() = default;

void WsConnection::open(qint64 nowNs)
{
    m_state = State::Opening;
    m_openedAtNs = nowNs;
    m_socket = std::make_unique<WsClientSocket>(static_cast<WsClientSocket::Listener&>(*this));
    m_socket->open(m_url);
}

void WsConnection::onSocketOpen()
{
    QJsonObject hello{{"type", "hello"}, {"v", 1}};
    if (!m_token.isEmpty())
        hello.insert("token", m_token);
    send(hello);
}

void WsConnection::send(const QJsonObject& message)
{
    sendText(QJsonDocument(message).toJson(QJsonDocument::Compact));
}

void WsConnection::sendText(QByteArrayView utf8)
{
    if (m_socket && (m_state == State::Opening || m_state == State::Ready))
        m_socket->sendText(utf8);
}

void WsConnection::close()
{
    if (m_state == State::Dead || m_state == State::Closed)
        return;
    m_state = State::Closed;
    if (m_socket)
        m_socket->close();
}

void WsConnection::checkOpenDeadline(qint64 nowNs, qint64 timeoutNs)
{
    if (m_state == State::Opening && nowNs - m_openedAtNs > timeoutNs)
        fail(QStringLiteral("ws_open_timeout"), QStringLiteral("no welcome in time"));
}

void WsConnection::onSocketText(const QString& text, qint64 arrivalNs)
{
    if (m_state != State::Ready && m_state != State::Opening)
        return;
    if (m_state == State::Ready) {
        if (const std::optional<ScannedEvent> event = scanAuctionEvent(text)) {
            m_handler.onAuctionEvent(*this, *event, text, arrivalNs);
            return;
        }
        if (const std::optional<ScannedAnswer> answer = scanBidAnswer(text)) {
            if (m_handler.onBidAnswer(*this, *answer, arrivalNs))
                return;
        }
    }
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8());
    if (!document.isObject()) {
        fail(QStringLiteral("bad_message"), QStringLiteral("a message that is not a JSON object"));
        return;
    }
    const QJsonObject message = document.object();
    if (m_state == State::Opening) {
        const QString type = message.value(QLatin1String("type")).toString();
        if (type == QLatin1String("welcome")) {
            m_state = State::Ready;
            m_userId = message.value(QLatin1String("user")).toObject().value(QLatin1String("id")).toInteger();
            m_handler.onWelcome(*this, message);
        } else if (type == QLatin1String("error")) {
            const QJsonObject error = message.value(QLatin1String("error")).toObject();
            fail(error.value(QLatin1String("code")).toString(QStringLiteral("hello_refused")),
                 error.value(QLatin1String("message")).toString());
        }
        return;
    }
    m_handler.onMessage(*this, message);
}

void WsConnection::onSocketClosed(int code, const QString& reason)
{
    if (m_state == State::Closed || m_state == State::Dead)
        return;
    fail(QStringLiteral("ws_closed_by_server"), QStringLiteral("closed %1 %2").arg(code).arg(reason));
}

void WsConnection::onSocketError(const QString& detail)
{
    fail(QStringLiteral("ws_transport_error"), detail);
}

void WsConnection::fail(const QString& code, const QString& detail)
{
    if (m_state == State::Dead || m_state == State::Closed)
        return;
    m_state = State::Dead;
    m_socket->abort();
    m_handler.onFailure(*this, code, detail);
}

} // namespace nb::bench::load
