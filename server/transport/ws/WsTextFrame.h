#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QString>

namespace nb::transport {

/// One server message as a complete WebSocket text frame (RFC 6455 section 5.2: FIN set, text
/// opcode, unmasked as a server's frames must be, 7-, 16- or 64-bit payload length), built once
/// and then shared, unchanged and uncopied, by every connection it goes to. A plain connection
/// writes these bytes to its socket as they are; one that QWebSocket frames itself (TLS) takes
/// text().
class WsTextFrame {
public:
    WsTextFrame() = default;
    /// Frames a UTF-8 payload.
    explicit WsTextFrame(QByteArrayView utf8);
    /// Frames a message as compact JSON.
    static WsTextFrame fromJson(const QJsonObject& message);
    /// Only the header of a text frame carrying payloadSize bytes.
    static QByteArray header(qint64 payloadSize);

    /// The whole frame, header and payload.
    const QByteArray& bytes() const { return m_bytes; }
    QByteArrayView payload() const { return QByteArrayView(m_bytes).sliced(m_headerSize); }
    /// The payload decoded, for a socket that does its own framing.
    QString text() const { return QString::fromUtf8(payload()); }

private:
    QByteArray m_bytes;
    qsizetype m_headerSize = 0;
};

} // namespace nb::transport
