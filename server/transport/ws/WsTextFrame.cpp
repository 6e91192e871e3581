#include "server/transport/ws/WsTextFrame.h"

#include <QJsonDocument>

namespace nb::transport {

namespace {

constexpr char kFinText = '\x81'; // FIN, opcode 0x1 (text)
constexpr qint64 kMaxShortLength = 125;
constexpr qint64 kMaxMediumLength = 0xFFFF;
constexpr char kMediumLength = 126; // a 16-bit length follows
constexpr char kLongLength = 127;   // a 64-bit length follows

void appendBigEndian(QByteArray& out, quint64 value, int bytes)
{
    for (int shift = 8 * (bytes - 1); shift >= 0; shift -= 8)
        out.append(static_cast<char>((value >> shift) & 0xFF));
}

} // namespace

QByteArray WsTextFrame::header(qint64 payloadSize)
{
    QByteArray out;
    out.reserve(10);
    out.append(kFinText);
    // The mask bit (the second byte's top bit) stays clear: servers never mask.
    if (payloadSize <= kMaxShortLength) {
        out.append(static_cast<char>(payloadSize));
    } else if (payloadSize <= kMaxMediumLength) {
        out.append(kMediumLength);
        appendBigEndian(out, static_cast<quint64>(payloadSize), 2);
    } else {
        out.append(kLongLength);
        appendBigEndian(out, static_cast<quint64>(payloadSize), 8);
    }
    return out;
}

WsTextFrame::WsTextFrame(QByteArrayView utf8)
{
    m_bytes = header(utf8.size());
    m_headerSize = m_bytes.size();
    m_bytes.reserve(m_headerSize + utf8.size());
    m_bytes.append(utf8);
}

WsTextFrame WsTextFrame::fromJson(const QJsonObject& message)
{
    return WsTextFrame(QJsonDocument(message).toJson(QJsonDocument::Compact));
}

} // namespace nb::transport
