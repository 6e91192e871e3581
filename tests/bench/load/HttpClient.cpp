#include "tests/bench/load/HttpClient.h"

#include <QNetworkProxy>
#include <QTcpSocket>
#include <QTimer>

namespace nb::bench::load {

namespace {

const QByteArray kHeadEnd("\r\n\r\n");
const QByteArray kLineEnd("\r\n");

} // namespace

HttpClient::HttpClient(QUrl base, int timeoutMs)
    : m_base(std::move(base))
    , m_timeoutMs(timeoutMs)
{}

HttpClient::~HttpClient()
{
    dropSocket();
}

void HttpClient::get(const QString& pathAndQuery, Done done)
{
    m_done = std::move(done);
    m_resent = false;
    m_request = "GET " + pathAndQuery.toUtf8() + " HTTP/1.1\r\nHost: " + m_base.host().toUtf8() + ':' +
                QByteArray::number(m_base.port(80)) + "\r\nAccept: application/json\r\n\r\n";
    if (!m_timer) {
        m_timer = std::make_unique<QTimer>();
        m_timer->setSingleShot(true);
        QObject::connect(m_timer.get(), &QTimer::timeout, m_timer.get(),
                         [this] { fail(QStringLiteral("http_timeout")); });
    }
    m_timer->start(m_timeoutMs);
    if (m_socket && m_socket->state() == QAbstractSocket::ConnectedState)
        send();
    else
        connectAndSend();
}

void HttpClient::close()
{
    if (m_timer)
        m_timer->stop();
    m_done = nullptr;
    dropSocket();
}

void HttpClient::dropSocket()
{
    if (!m_socket)
        return;
    m_socket->disconnect();
    m_socket->abort();
    // Never deleted inside one of its own signals: let its event loop do it.
    m_socket.release()->deleteLater();
}

void HttpClient::connectAndSend()
{
    dropSocket();
    m_socket = std::make_unique<QTcpSocket>();
    QTcpSocket* socket = m_socket.get();
    socket->setProxy(QNetworkProxy::NoProxy);
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    QObject::connect(socket, &QTcpSocket::connected, socket, [this] { send(); });
    QObject::connect(socket, &QTcpSocket::readyRead, socket, [this] { onReadyRead(); });
    QObject::connect(socket, &QTcpSocket::disconnected, socket, [this] { onDisconnected(); });
    QObject::connect(socket, &QTcpSocket::errorOccurred, socket, [this](QAbstractSocket::SocketError error) {
        if (error != QAbstractSocket::RemoteHostClosedError)
            fail(m_socket && m_socket->state() == QAbstractSocket::ConnectedState
                     ? QStringLiteral("http_transport_error")
                     : QStringLiteral("http_connect_failed"));
    });
    socket->connectToHost(m_base.host(), static_cast<quint16>(m_base.port(80)));
}

void HttpClient::send()
{
    m_buffer.clear();
    m_headRead = false;
    m_status = 0;
    m_contentLength = -1;
    m_chunked = false;
    m_closeAfter = false;
    m_body.clear();
    m_chunkPos = 0;
    m_socket->write(m_request);
}

void HttpClient::onReadyRead()
{
    m_buffer.append(m_socket->readAll());
    if (!m_done)
        return; // nothing asked: a stray byte after an answer
    if (parse()) {
        HttpReply reply{m_status, std::move(m_body), QString()};
        if (m_closeAfter)
            dropSocket();
        finish(std::move(reply));
    }
}

void HttpClient::onDisconnected()
{
    if (!m_done) {
        dropSocket();
        return;
    }
    if (m_buffer.isEmpty() && !m_resent) {
        // The server closed a kept-alive connection as we reused it: a GET may simply go again.
        m_resent = true;
        connectAndSend();
        return;
    }
    if (m_headRead && m_contentLength < 0 && !m_chunked) {
        finish(HttpReply{m_status, m_buffer, QString()}); // the body ran to the close
        dropSocket();
        return;
    }
    fail(QStringLiteral("http_connection_closed"));
}

bool HttpClient::parse()
{
    if (!m_headRead && !parseHead())
        return false;
    if (m_chunked)
        return parseChunked();
    if (m_contentLength < 0)
        return m_status == 204 || m_status == 304; // otherwise the body runs to the close
    if (m_buffer.size() < m_contentLength)
        return false;
    m_body = m_buffer.left(m_contentLength);
    m_buffer.remove(0, m_contentLength);
    return true;
}

bool HttpClient::parseHead()
{
    const qsizetype end = m_buffer.indexOf(kHeadEnd);
    if (end < 0)
        return false;
    const QList<QByteArray> lines = m_buffer.left(end).split('\n');
    const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
    m_status = statusLine.value(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray& line = lines[i];
        const qsizetype colon = line.indexOf(':');
        if (colon < 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed().toLower();
        if (name == "content-length")
            m_contentLength = value.toLongLong();
        else if (name == "transfer-encoding" && value.contains("chunked"))
            m_chunked = true;
        else if (name == "connection" && value == "close")
            m_closeAfter = true;
    }
    m_buffer.remove(0, end + kHeadEnd.size());
    m_headRead = true;
    return m_status > 0;
}

bool HttpClient::parseChunked()
{
    for (;;) {
        const qsizetype lineEnd = m_buffer.indexOf(kLineEnd, m_chunkPos);
        if (lineEnd < 0)
            return false;
        bool ok = false;
        const qint64 size =
            m_buffer.mid(m_chunkPos, lineEnd - m_chunkPos).split(';').value(0).trimmed().toLongLong(&ok, 16);
        if (!ok)
            return false;
        const qsizetype dataStart = lineEnd + kLineEnd.size();
        if (size == 0) {
            // No trailers are expected: the body ends with an empty line.
            if (m_buffer.size() < dataStart + kLineEnd.size())
                return false;
            m_buffer.clear();
            return true;
        }
        if (m_buffer.size() < dataStart + size + kLineEnd.size())
            return false;
        m_body.append(m_buffer.mid(dataStart, size));
        m_chunkPos = dataStart + size + kLineEnd.size();
    }
}

void HttpClient::finish(HttpReply reply)
{
    if (m_timer)
        m_timer->stop();
    Done done = std::move(m_done);
    m_done = nullptr;
    if (done)
        done(reply);
}

void HttpClient::fail(const QString& failure)
{
    if (!m_done)
        return;
    dropSocket();
    finish(HttpReply{0, QByteArray(), failure});
}

} // namespace nb::bench::load
