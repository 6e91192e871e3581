#include "tests/bench/load/WsFrames.h"

#include <QCryptographicHash>
#include <QList>

#include <algorithm>

namespace nb::bench::load::ws {

namespace {

constexpr char kAcceptGuid[] = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

bool isControl(quint8 opcode)
{
    return (opcode & 0x8) != 0;
}

/// The header's size and the payload's length of the frame that `bytes` start with; false while
/// its length fields are incomplete. A mask key, which server frames must not have, counts as
/// header.
bool readHeader(QByteArrayView bytes, qsizetype& header, quint64& length)
{
    if (bytes.size() < 2)
        return false;
    const auto* b = reinterpret_cast<const quint8*>(bytes.data());
    length = b[1] & 0x7F;
    header = 2;
    if (length == 126) {
        header = 4;
        if (bytes.size() < header)
            return false;
        length = (quint64(b[2]) << 8) | b[3];
    } else if (length == 127) {
        header = 10;
        if (bytes.size() < header)
            return false;
        length = 0;
        for (int i = 2; i < 10; ++i)
            length = (length << 8) | b[i];
    }
    if ((b[1] & 0x80) != 0)
        header += 4;
    return true; // the lengths are known (a mask key need not be there yet)
}

bool isKnown(quint8 opcode)
{
    return opcode <= 0x2 || (opcode >= 0x8 && opcode <= 0xA);
}

} // namespace

QByteArray handshakeRequest(QByteArrayView hostPort, QByteArrayView path, QByteArrayView key)
{
    QByteArray request;
    request.reserve(160 + hostPort.size() + path.size());
    request.append("GET ").append(path).append(" HTTP/1.1\r\nHost: ").append(hostPort);
    request.append("\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n");
    request.append("Sec-WebSocket-Key: ").append(key).append("\r\n\r\n");
    return request;
}

QByteArray acceptFor(QByteArrayView key)
{
    QByteArray keyed = key.toByteArray();
    keyed.append(kAcceptGuid);
    return QCryptographicHash::hash(keyed, QCryptographicHash::Sha1).toBase64();
}

QString checkHandshakeResponse(QByteArrayView head, QByteArrayView key)
{
    const QList<QByteArray> lines = head.toByteArray().split('\n');
    const QByteArray status = lines.value(0).trimmed();
    if (!status.startsWith("HTTP/1.1 101"))
        return QStringLiteral("handshake refused: %1").arg(QString::fromLatin1(status));
    const QByteArray expected = acceptFor(key);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray& line = lines.at(i);
        const qsizetype colon = line.indexOf(':');
        if (colon < 0 ||
            line.first(colon).trimmed().compare("sec-websocket-accept", Qt::CaseInsensitive) != 0)
            continue;
        if (line.sliced(colon + 1).trimmed() == expected)
            return {};
        return QStringLiteral("handshake answered with the wrong Sec-WebSocket-Accept");
    }
    return QStringLiteral("handshake answered without Sec-WebSocket-Accept");
}

QByteArray clientFrame(Opcode opcode, QByteArrayView payload, quint32 mask)
{
    const qsizetype size = payload.size();
    QByteArray frame;
    frame.reserve(14 + size);
    frame.append(static_cast<char>(0x80 | static_cast<quint8>(opcode)));
    if (size < 126) {
        frame.append(static_cast<char>(0x80 | size));
    } else if (size <= 0xFFFF) {
        frame.append(static_cast<char>(0x80 | 126));
        frame.append(static_cast<char>(size >> 8)).append(static_cast<char>(size & 0xFF));
    } else {
        frame.append(static_cast<char>(0x80 | 127));
        for (int shift = 56; shift >= 0; shift -= 8)
            frame.append(static_cast<char>((static_cast<quint64>(size) >> shift) & 0xFF));
    }
    const char maskBytes[4] = {static_cast<char>(mask >> 24), static_cast<char>((mask >> 16) & 0xFF),
                               static_cast<char>((mask >> 8) & 0xFF), static_cast<char>(mask & 0xFF)};
    frame.append(maskBytes, 4);
    const qsizetype start = frame.size();
    frame.resize(start + size);
    char* out = frame.data() + start;
    const char* in = payload.data();
    for (qsizetype i = 0; i < size; ++i)
        out[i] = static_cast<char>(in[i] ^ maskBytes[i & 3]);
    return frame;
}

qsizetype FrameReader::needed(QByteArrayView more) const
{
    const QByteArrayView buffered = QByteArrayView(m_buffer).sliced(m_offset);
    quint64 length = 0;
    qsizetype header = 0;
    // Usually nothing is buffered (a frame boundary) or the whole header is; only a header split
    // between the two needs them joined, and 14 bytes of each are enough for any header.
    bool known = readHeader(buffered.isEmpty() ? more : buffered, header, length);
    if (!known && !buffered.isEmpty()) {
        QByteArray start = buffered.first(std::min<qsizetype>(buffered.size(), 14)).toByteArray();
        start.append(more.first(std::min<qsizetype>(more.size(), 14)));
        known = readHeader(start, header, length);
    }
    if (!known || length > static_cast<quint64>(m_maxPayload))
        return -1;
    return std::max<qsizetype>(0, header + static_cast<qsizetype>(length) - buffered.size());
}

void FrameReader::append(const char* data, qsizetype size)
{
    // What was read is dropped once it is most of the buffer, so the buffer stays small.
    if (m_offset > 0 && m_offset * 2 >= m_buffer.size()) {
        m_buffer.remove(0, m_offset);
        m_offset = 0;
    }
    m_buffer.append(data, size);
}

FrameReader::Result FrameReader::next(Frame& frame)
{
    if (!m_error.isEmpty())
        return Result::Error;
    const qsizetype available = m_buffer.size() - m_offset;
    if (available < 2)
        return Result::NeedMore;
    const auto* bytes = reinterpret_cast<const quint8*>(m_buffer.constData() + m_offset);
    const quint8 opcode = bytes[0] & 0x0F;
    const bool fin = (bytes[0] & 0x80) != 0;
    if ((bytes[0] & 0x70) != 0)
        return fail(QStringLiteral("a frame with a reserved bit set"));
    if (!isKnown(opcode))
        return fail(QStringLiteral("a frame with the reserved opcode %1").arg(opcode));
    if ((bytes[1] & 0x80) != 0)
        return fail(QStringLiteral("a masked frame from the server"));
    quint64 length = 0;
    qsizetype header = 0;
    if (!readHeader(QByteArrayView(m_buffer).sliced(m_offset), header, length))
        return Result::NeedMore;
    if (isControl(opcode) && (!fin || length > 125))
        return fail(QStringLiteral("a fragmented or oversized control frame"));
    if (length > static_cast<quint64>(m_maxPayload))
        return fail(QStringLiteral("a frame of %1 bytes").arg(length));
    if (static_cast<quint64>(available - header) < length)
        return Result::NeedMore;
    frame.opcode = static_cast<Opcode>(opcode);
    frame.fin = fin;
    frame.payload = QByteArray(m_buffer.constData() + m_offset + header, static_cast<qsizetype>(length));
    m_offset += header + static_cast<qsizetype>(length);
    return Result::Frame;
}

FrameReader::Result FrameReader::fail(const QString& why)
{
    m_error = why;
    return Result::Error;
}

} // namespace nb::bench::load::ws
