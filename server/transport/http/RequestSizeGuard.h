#pragma once

#include <QByteArray>
#include <QObject>

#include <functional>

class QTcpSocket;

namespace nb::transport::http {

/// Watches one connection's incoming bytes ahead of QHttpServer, which in Qt 6.4 buffers a whole
/// request in memory, however large, before any handler sees it. A request whose body would pass
/// its route's limit is refused as soon as that is known: from its Content-Length before the
/// body arrives, or once the bytes received pass the limit (chunked uploads). The refusal is a
/// 413 payload_too_large JSON answer with "Connection: close"; the rest of the body is read and
/// dropped, up to a bound, so that the client reads the answer rather than a connection reset.
///
/// It must see the socket's readyRead before QHttpServer does: create it before the socket is
/// handed to the server. It lives as the socket's child.
class RequestSizeGuard : public QObject {
    Q_OBJECT
public:
    /// The body limit of a request, from its method and path.
    using LimitFor = std::function<qint64(const QByteArray& method, const QString& path)>;
    /// Told of each refusal (for the metrics).
    using OnRefused = std::function<void(const QByteArray& method, const QString& path)>;

    /// A request head may not be longer than this.
    static constexpr qint64 kMaxHeadBytes = 64 * 1024;
    /// After a refusal, at most this much of the body is read and dropped before closing.
    static constexpr qint64 kMaxDrainBytes = 16 * 1024 * 1024;
    static constexpr int kDrainTimeoutMs = 30'000;
    /// After the drain, how long what still arrives is dropped before the connection closes.
    static constexpr int kCloseGraceMs = 500;

    RequestSizeGuard(QTcpSocket* socket, LimitFor limitFor, OnRefused onRefused);

private:
    void onReadyRead();
    void startMessage();
    /// Reads the request line and headers once complete; false after a refusal.
    bool inspectHead();
    void refuse(const QString& problem, qint64 bodyBytesExpected);
    void drain();
    /// Writes the pending refusal, once.
    void answer();

    QTcpSocket* m_socket;
    LimitFor m_limitFor;
    OnRefused m_onRefused;
    QByteArray m_head;
    qint64 m_headLength = -1; // -1 until the head is complete
    qint64 m_seen = 0;        // bytes of the current request seen so far
    QByteArray m_answer;      // the refusal, until it is written
    bool m_closing = false;
    qint64 m_limit = 0;
    QByteArray m_method;
    QString m_path;
    qint64 m_drainLeft = 0;
};

} // namespace nb::transport::http
