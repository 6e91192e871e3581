#pragma once

#include "tests/bench/load/WsFrames.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>
#include <random>
#include <sys/types.h>

class QSocketNotifier;

namespace nb::bench::load {

/// A WebSocket client on a plain non-blocking TCP socket (ws:// to an IP address), for the load
/// generator's thousands of connections.
///
/// QWebSocket costs several microseconds of Qt bookkeeping per message (signals, a buffered
/// QTcpSocket asking the kernel how much is there before each read, copies), and the load
/// generator shares the machine's two cores with the server it measures: what it spends on a
/// message it takes from the server. Here a message costs a peek at its header, one read() and a
/// frame parse; each message carries the kernel's stamp of its arrival, so that latencies do not
/// include the time it waited to be read. It speaks RFC 6455 as a client must:
/// the opening handshake (with the accept value checked), masked frames, fragmented messages,
/// pings answered with pongs, and the closing handshake.
class WsClientSocket : public QObject {
public:
    /// Told what happens, on the socket's thread. A listener may call close() or abort() from
    /// any of these, but must not destroy the socket there.
    class Listener {
    public:
        virtual ~Listener() = default;
        virtual void onSocketOpen() = 0;
        /// A text message; `arrivalNs` (steady clock) is when its last byte reached the socket,
        /// which can be earlier than now when the process was busy with other connections.
        virtual void onSocketText(const QString& text, qint64 arrivalNs) = 0;
        /// The server closed the connection (with its close frame's code and reason, or 1006
        /// when the connection just ended).
        virtual void onSocketClosed(int code, const QString& reason) = 0;
        virtual void onSocketError(const QString& detail) = 0;
    };

    explicit WsClientSocket(Listener& listener);
    ~WsClientSocket() override;
    WsClientSocket(const WsClientSocket&) = delete;
    WsClientSocket& operator=(const WsClientSocket&) = delete;

    /// Connects and opens the WebSocket; the listener hears onSocketOpen() or onSocketError().
    void open(const QUrl& url);
    /// Sends one text message (UTF-8).
    void sendText(QByteArrayView utf8);
    /// Sends a close frame and ends the connection; nothing more is reported.
    void close();
    /// Ends the connection at once; nothing more is reported.
    void abort();

private:
    enum class Phase { Idle, Connecting, Handshake, Open, Done };

    void onReadable();
    /// One recvmsg() of up to `size` bytes, noting their arrival (the kernel's stamp).
    ssize_t receive(char* buffer, qsizetype size);
    /// After a read returned `result` (0 or -1): whether to read again (EINTR). Otherwise it
    /// reports the end or the failure, or there is just nothing more (EAGAIN).
    bool readFailed(ssize_t result);
    void onWritable();
    void write(const QByteArray& bytes);
    /// Sends what the kernel takes now; how much that was, or -1 when the socket failed.
    qsizetype sendNow(QByteArrayView bytes);
    void handleHandshake();
    void handleFrames();
    void fail(const QString& detail);
    void endWith(int code, const QString& reason);
    quint32 nextMask() { return static_cast<quint32>(m_random()); }

    Listener& m_listener;
    int m_fd = -1;
    qint64 m_arrivalNs = 0; // of the bytes read last
    Phase m_phase = Phase::Idle;
    std::unique_ptr<QSocketNotifier> m_readNotifier;
    std::unique_ptr<QSocketNotifier> m_writeNotifier;
    QByteArray m_key;
    QByteArray m_head;
    QByteArray m_pendingOut;
    QByteArray m_message;
    bool m_inMessage = false;
    ws::FrameReader m_frames;
    std::mt19937 m_random;
};

} // namespace nb::bench::load
