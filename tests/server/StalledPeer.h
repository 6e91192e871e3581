#pragma once

#include <QByteArray>
#include <QTcpSocket>

namespace nb::test {

/// A peer that speaks just enough WebSocket by hand to subscribe, then never reads again.
class StalledPeer {
public:
    /// Completes the handshake on /ws; false when the server did not switch protocols.
    bool open(quint16 port, int timeoutMs = 5000);
    /// Sends one masked text frame.
    void sendText(const QByteArray& text);
    QTcpSocket& socket() { return m_socket; }

private:
    QTcpSocket m_socket;
};

} // namespace nb::test
