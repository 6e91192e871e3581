#include "tests/server/StalledPeer.h"

#include <QHostAddress>
#include <QRandomGenerator>
#include <QTest>

namespace nb::test {

bool StalledPeer::open(quint16 port, int timeoutMs)
{
    m_socket.connectToHost(QHostAddress::LocalHost, port);
    if (!QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::ConnectedState; }, timeoutMs))
        return false;
    m_socket.write(QByteArrayLiteral("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                                     "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                                     "Sec-WebSocket-Version: 13\r\n\r\n"));
    QByteArray response;
    const bool answered = QTest::qWaitFor(
        [&] {
            response += m_socket.readAll();
            return response.contains("\r\n\r\n");
        },
        timeoutMs);
    // From here on the peer reads nothing: its buffers fill and the server's queue grows.
    m_socket.setReadBufferSize(1024);
    m_socket.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 4096);
    return answered && response.startsWith("HTTP/1.1 101");
}

void StalledPeer::sendText(const QByteArray& text)
{
    QByteArray frame;
    frame.append(char(0x81));
    const qsizetype n = text.size();
    if (n < 126) {
        frame.append(static_cast<char>(0x80 | n));
    } else {
        frame.append(static_cast<char>(0x80 | 126));
        frame.append(static_cast<char>((n >> 8) & 0xff));
        frame.append(static_cast<char>(n & 0xff));
    }
    const quint32 key = QRandomGenerator::global()->generate();
    const char mask[4] = {static_cast<char>(key >> 24), static_cast<char>(key >> 16),
                          static_cast<char>(key >> 8), static_cast<char>(key)};
    frame.append(mask, 4);
    for (qsizetype i = 0; i < n; ++i)
        frame.append(static_cast<char>(text[i] ^ mask[i % 4]));
    m_socket.write(frame);
}

} // namespace nb::test
