#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace nb::bench::load {

/// The client's side of RFC 6455 framing, as the load generator speaks it: pure functions and a
/// reader, no sockets (WsClientSocket does the I/O).
namespace ws {

enum class Opcode : quint8 {
    Continuation = 0x0,
    Text = 0x1,
    Binary = 0x2,
    Close = 0x8,
    Ping = 0x9,
    Pong = 0xA
};

/// The GET request that opens a WebSocket on `path` at `hostPort`, offering `key` (16 random
/// bytes, base64).
QByteArray handshakeRequest(QByteArrayView hostPort, QByteArrayView path, QByteArrayView key);
/// The Sec-WebSocket-Accept a server must answer to `key`.
QByteArray acceptFor(QByteArrayView key);
/// Checks a server's handshake response (everything up to the blank line): status 101 and the
/// right accept value. Returns an empty string when it is good, else what is wrong.
QString checkHandshakeResponse(QByteArrayView head, QByteArrayView key);

/// One whole client frame: FIN set, `opcode`, the payload masked with `mask`, as RFC 6455 asks
/// of every frame a client sends.
QByteArray clientFrame(Opcode opcode, QByteArrayView payload, quint32 mask);

/// Cuts a server's byte stream into frames. Server frames are never masked; a masked one, a
/// reserved bit or opcode, a control frame that is fragmented or longer than 125 bytes, or a
/// payload over `maxPayload` is a protocol error, after which the reader stays failed.
class FrameReader {
public:
    struct Frame {
        Opcode opcode = Opcode::Text;
        bool fin = true;
        QByteArray payload;
    };
    enum class Result { Frame, NeedMore, Error };

    explicit FrameReader(qint64 maxPayload = 16 * 1024 * 1024)
        : m_maxPayload(maxPayload)
    {}

    void append(const char* data, qsizetype size);
    /// The next whole frame, if the bytes so far hold one.
    Result next(Frame& frame);
    /// How many bytes past those buffered complete the next frame, reading its header from the
    /// buffered bytes followed by `more` (bytes not yet given to append()); -1 while the header
    /// is not complete in them. Lets the reader take one frame at a time off the socket.
    qsizetype needed(QByteArrayView more = {}) const;
    const QString& error() const { return m_error; }

private:
    Result fail(const QString& why);

    QByteArray m_buffer;
    qsizetype m_offset = 0;
    qint64 m_maxPayload;
    QString m_error;
};

} // namespace ws

} // namespace nb::bench::load
