#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>

class QTcpSocket;
class QTimer;

namespace nb::bench::load {

/// An HTTP answer, or the transport failure ("http_timeout", "http_connect_failed", …) instead.
struct HttpReply {
    int status = 0;
    QByteArray body;
    QString failure;
    bool ok() const { return failure.isEmpty() && status >= 200 && status < 300; }
};

/// A minimal HTTP/1.1 keep-alive client on one QTcpSocket, one request at a time: the listing
/// load wants exactly K connections with one request in flight each, which QNetworkAccessManager
/// (six connections per host, its own queueing) does not give. Reads Content-Length and chunked
/// bodies. A GET that finds its kept-alive connection closed before any answer byte is sent
/// again once on a new connection. Qt objects are created on first use, on the caller's thread.
class HttpClient {
public:
    using Done = std::function<void(const HttpReply&)>;

    explicit HttpClient(QUrl base, int timeoutMs = 10'000);
    ~HttpClient();
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    /// `pathAndQuery` starts with '/'. `done` is called exactly once, later, on this thread.
    void get(const QString& pathAndQuery, Done done);
    bool busy() const { return static_cast<bool>(m_done); }
    void close();

private:
    void connectAndSend();
    void send();
    void onReadyRead();
    void onDisconnected();
    /// Parses what has arrived; true when the whole answer is in (m_reply filled).
    bool parse();
    bool parseHead();
    bool parseChunked();
    void finish(HttpReply reply);
    void fail(const QString& failure);
    void dropSocket();

    const QUrl m_base;
    const int m_timeoutMs;
    std::unique_ptr<QTcpSocket> m_socket;
    std::unique_ptr<QTimer> m_timer;
    QByteArray m_request;
    Done m_done;
    bool m_resent = false;
    // The answer being read.
    QByteArray m_buffer;
    bool m_headRead = false;
    int m_status = 0;
    qint64 m_contentLength = -1;
    bool m_chunked = false;
    bool m_closeAfter = false;
    QByteArray m_body;
    qsizetype m_chunkPos = 0;
};

} // namespace nb::bench::load
