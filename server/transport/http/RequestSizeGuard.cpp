#include "server/transport/http/RequestSizeGuard.h"

#include "server/transport/http/HttpReplies.h"

#include <QTcpSocket>
#include <QTimer>

#include <algorithm>
#include <utility>

namespace nb::transport::http {

namespace {

/// Room for chunked framing and header lines when counting raw bytes against a body limit.
constexpr qint64 kFramingAllowance = 64 * 1024;

/// The value of header `name` (lower case, with the colon) in a request head, or empty.
QByteArray headerValue(const QByteArray& head, const QByteArray& name)
{
    for (const QByteArray& line : head.split('\n')) {
        if (line.size() > name.size() && line.left(name.size()).toLower() == name)
            return line.mid(name.size()).trimmed().toLower();
    }
    return QByteArray();
}

} // namespace

RequestSizeGuard::RequestSizeGuard(QTcpSocket* socket, LimitFor limitFor, OnRefused onRefused)
    : QObject(socket)
    , m_socket(socket)
    , m_limitFor(std::move(limitFor))
    , m_onRefused(std::move(onRefused))
{
    connect(m_socket, &QIODevice::readyRead, this, &RequestSizeGuard::onReadyRead);
}

void RequestSizeGuard::startMessage()
{
    m_head.clear();
    m_headLength = -1;
    m_seen = 0;
    m_limit = 0;
    m_method.clear();
    m_path.clear();
}

void RequestSizeGuard::onReadyRead()
{
    // QHttpServer reads every readyRead to the end inside a socket transaction that it commits
    // when a request is complete: no open transaction means a new request starts here, and
    // bytesAvailable() is exactly what arrived since the last readyRead.
    if (!m_socket->isTransactionStarted())
        startMessage();
    const qint64 fresh = m_socket->bytesAvailable();
    if (m_headLength < 0) {
        m_head += m_socket->peek(std::min(fresh, kMaxHeadBytes + 4 - m_head.size()));
        if (!inspectHead())
            return;
    }
    m_seen += fresh;
    if (m_headLength >= 0 && m_seen - m_headLength > m_limit + kFramingAllowance)
        refuse(QStringLiteral("The request body is over %1 bytes.").arg(m_limit), 0);
}

bool RequestSizeGuard::inspectHead()
{
    // Blank lines before a request line are allowed (RFC 9112, 2.2).
    while (m_head.startsWith("\r\n"))
        m_head.remove(0, 2);
    const qsizetype end = m_head.indexOf("\r\n\r\n");
    if (end < 0) {
        if (m_head.size() > kMaxHeadBytes) {
            refuse(QStringLiteral("The request head is over %1 bytes.").arg(kMaxHeadBytes), 0);
            return false;
        }
        return true;
    }
    m_head.truncate(end + 4);
    // m_seen counts whole readyReads; the head's length is measured against the same stream.
    m_headLength = m_head.size();
    const QList<QByteArray> requestLine = m_head.left(m_head.indexOf("\r\n")).split(' ');
    m_method = requestLine.value(0);
    const QByteArray target = requestLine.value(1);
    m_path = QString::fromUtf8(target.left(target.indexOf('?') < 0 ? target.size() : target.indexOf('?')));
    m_limit = m_limitFor(m_method, m_path);

    const QByteArray lengthText = headerValue(m_head, "content-length:");
    bool ok = false;
    const qint64 declared = lengthText.toLongLong(&ok);
    const bool expectsContinue = headerValue(m_head, "expect:") == "100-continue";
    if (ok && declared > m_limit) {
        refuse(QStringLiteral("The request body is over %1 bytes.").arg(m_limit),
               expectsContinue ? 0 : declared);
        return false;
    }
    if (expectsContinue)
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    return true;
}

void RequestSizeGuard::refuse(const QString& problem, qint64 bodyBytesExpected)
{
    // Take the connection from QHttpServer: it must not buffer or answer this request.
    disconnect(m_socket, &QIODevice::readyRead, nullptr, nullptr);
    if (m_socket->isTransactionStarted())
        m_socket->commitTransaction();
    if (m_onRefused)
        m_onRefused(m_method, m_path);
    const ApiError error{ErrorCode::PayloadTooLarge, problem, QJsonObject{{"max_bytes", m_limit}}};
    m_answer = rawErrorResponse(error);

    const qint64 bodySeen = m_headLength >= 0 ? std::max<qint64>(0, m_seen - m_headLength) : 0;
    const qint64 bodyLeft = std::max<qint64>(0, bodyBytesExpected - bodySeen);
    m_drainLeft = std::min(bodyLeft, kMaxDrainBytes);
    // A client still sending its body may not read an answer that arrives meanwhile (and may
    // see the connection reset instead): when the whole body can be drained, answer after it.
    // A body too large to drain is answered at once, and the connection closed after the bound.
    if (bodyLeft > kMaxDrainBytes)
        answer();
    connect(m_socket, &QIODevice::readyRead, this, &RequestSizeGuard::drain);
    QTimer::singleShot(kDrainTimeoutMs, this, [this] {
        answer();
        m_socket->disconnectFromHost();
    });
    drain();
}

void RequestSizeGuard::answer()
{
    if (m_answer.isEmpty())
        return;
    m_socket->write(std::exchange(m_answer, QByteArray()));
}

void RequestSizeGuard::drain()
{
    m_drainLeft -= m_socket->skip(m_socket->bytesAvailable());
    if (m_drainLeft <= 0 && !m_closing) {
        // The count is of bytes seen since the refusal and may fall short by the head's size:
        // keep dropping what still arrives for a moment, so that a client finishing its upload
        // reads the answer instead of a reset.
        m_closing = true;
        answer();
        QTimer::singleShot(kCloseGraceMs, this, [this] { m_socket->disconnectFromHost(); });
    }
}

} // namespace nb::transport::http
