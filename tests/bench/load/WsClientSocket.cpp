#include "tests/bench/load/WsClientSocket.h"

#include "tests/bench/load/SteadyTime.h"

#include <QHostAddress>
#include <QMetaObject>
#include <QSocketNotifier>

#include <algorithm>
#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>
#include <utility>

namespace nb::bench::load {

namespace {

constexpr qsizetype kMaxHandshakeBytes = 16 * 1024;
constexpr int kCloseNormal = 1000;
constexpr int kCloseNoStatus = 1005;
constexpr int kCloseAbnormal = 1006;

QString lastError()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

/// When the bytes just read reached the socket, on the steady clock: the kernel's receive
/// stamp (of the last segment read; it is on the real-time clock) moved back from now by its
/// age. Now, when the kernel gave no stamp.
qint64 arrivalOf(msghdr& header)
{
    const qint64 nowNs = steadyNowNs();
    for (cmsghdr* c = CMSG_FIRSTHDR(&header); c; c = CMSG_NXTHDR(&header, c)) {
        if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_TIMESTAMPNS)
            continue;
        timespec stamp{};
        std::memcpy(&stamp, CMSG_DATA(c), sizeof stamp);
        timespec realNow{};
        clock_gettime(CLOCK_REALTIME, &realNow);
        const qint64 ageNs =
            (realNow.tv_sec - stamp.tv_sec) * 1'000'000'000LL + (realNow.tv_nsec - stamp.tv_nsec);
        return nowNs - std::max<qint64>(0, ageNs);
    }
    return nowNs;
}

} // namespace

WsClientSocket::WsClientSocket(Listener& listener)
    : m_listener(listener)
    , m_random(std::random_device{}())
{}

WsClientSocket::~WsClientSocket()
{
    abort();
}

void WsClientSocket::open(const QUrl& url)
{
    m_phase = Phase::Connecting;
    const QHostAddress address(url.host());
    if (url.scheme() != QLatin1String("ws") || address.isNull()) {
        fail(QStringLiteral("the load generator opens ws:// URLs to an IP address, not %1")
                 .arg(url.toString()));
        return;
    }
    sockaddr_storage storage{};
    socklen_t length = 0;
    const auto port = htons(static_cast<quint16>(url.port(80)));
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        auto* in6 = reinterpret_cast<sockaddr_in6*>(&storage);
        in6->sin6_family = AF_INET6;
        in6->sin6_port = port;
        const Q_IPV6ADDR bytes = address.toIPv6Address();
        std::memcpy(&in6->sin6_addr, bytes.c, sizeof bytes.c);
        length = sizeof *in6;
    } else {
        auto* in4 = reinterpret_cast<sockaddr_in*>(&storage);
        in4->sin_family = AF_INET;
        in4->sin_port = port;
        in4->sin_addr.s_addr = htonl(address.toIPv4Address());
        length = sizeof *in4;
    }
    m_fd = ::socket(storage.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (m_fd < 0) {
        fail(lastError());
        return;
    }
    const int one = 1;
    setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    // The kernel stamps what arrives (SO_TIMESTAMPNS), so each message's arrival is known even
    // when this process reads it later, busy with its other connections.
    setsockopt(m_fd, SOL_SOCKET, SO_TIMESTAMPNS, &one, sizeof one);

    m_readNotifier = std::make_unique<QSocketNotifier>(m_fd, QSocketNotifier::Read);
    m_readNotifier->setEnabled(false);
    QObject::connect(m_readNotifier.get(), &QSocketNotifier::activated, this, [this] { onReadable(); });
    m_writeNotifier = std::make_unique<QSocketNotifier>(m_fd, QSocketNotifier::Write);
    QObject::connect(m_writeNotifier.get(), &QSocketNotifier::activated, this, [this] { onWritable(); });

    QByteArray key(16, Qt::Uninitialized);
    for (char& byte : key)
        byte = static_cast<char>(m_random() & 0xFF);
    m_key = key.toBase64();
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
                             ? QStringLiteral("[%1]").arg(url.host())
                             : url.host();
    m_head = ws::handshakeRequest(
        QStringLiteral("%1:%2").arg(host).arg(url.port(80)).toLatin1(),
        url.path(QUrl::FullyEncoded).isEmpty() ? QByteArray("/") : url.path(QUrl::FullyEncoded).toLatin1(),
        m_key);
    // Writable once connected (or refused): onWritable() sends the request kept in m_head.
    if (::connect(m_fd, reinterpret_cast<const sockaddr*>(&storage), length) != 0 && errno != EINPROGRESS)
        fail(lastError());
}

void WsClientSocket::onWritable()
{
    if (m_phase == Phase::Connecting) {
        int error = 0;
        socklen_t size = sizeof error;
        getsockopt(m_fd, SOL_SOCKET, SO_ERROR, &error, &size);
        if (error != 0) {
            fail(QString::fromLocal8Bit(std::strerror(error)));
            return;
        }
        m_phase = Phase::Handshake;
        m_writeNotifier->setEnabled(false);
        m_readNotifier->setEnabled(true);
        write(std::exchange(m_head, {}));
        return;
    }
    const qsizetype sent = sendNow(m_pendingOut);
    if (sent < 0)
        return;
    m_pendingOut.remove(0, sent);
    if (m_pendingOut.isEmpty())
        m_writeNotifier->setEnabled(false);
}

qsizetype WsClientSocket::sendNow(QByteArrayView bytes)
{
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::send(m_fd, bytes.data() + done, static_cast<std::size_t>(bytes.size() - done),
                                 MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n > 0) {
            done += n;
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else if (n < 0 && errno == EAGAIN) {
            break;
        } else {
            fail(lastError());
            return -1;
        }
    }
    return done;
}

void WsClientSocket::write(const QByteArray& bytes)
{
    if (m_fd < 0)
        return;
    if (!m_pendingOut.isEmpty()) {
        m_pendingOut.append(bytes); // behind what is waiting, in order
        return;
    }
    const qsizetype sent = sendNow(bytes);
    if (sent >= 0 && sent < bytes.size()) {
        m_pendingOut = bytes.mid(sent);
        m_writeNotifier->setEnabled(true);
    }
}

void WsClientSocket::sendText(QByteArrayView utf8)
{
    if (m_phase == Phase::Open)
        write(ws::clientFrame(ws::Opcode::Text, utf8, nextMask()));
}

void WsClientSocket::onReadable()
{
    char buffer[64 * 1024];
    while (m_fd >= 0) {
        // Once open, one frame at a time: the kernel stamps what a read takes with the arrival
        // of the last segment in it, so two frames read together would both get the second's
        // time. How long the next frame is comes from its header, peeked at when not buffered.
        qsizetype want = sizeof buffer;
        qsizetype pending = -1;
        if (m_phase == Phase::Open) {
            want = m_frames.needed();
            if (want <= 0) {
                const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, MSG_PEEK);
                if (n <= 0) {
                    if (!readFailed(n))
                        return;
                    continue;
                }
                pending = n;
                want = m_frames.needed(QByteArrayView(buffer, n));
                if (want <= 0 || want > n)
                    want = n; // the header or the frame is not all there: take what is
            }
            want = std::min<qsizetype>(want, sizeof buffer);
        }
        const ssize_t n = receive(buffer, want);
        if (n <= 0) {
            if (!readFailed(n))
                return;
            continue;
        }
        if (m_phase == Phase::Handshake) {
            m_head.append(buffer, n);
            handleHandshake();
        } else {
            m_frames.append(buffer, n);
            handleFrames();
        }
        // All there was: the notifier says when there is more.
        if (n < want || (pending >= 0 && n == pending && pending < static_cast<qsizetype>(sizeof buffer)))
            return;
    }
}

ssize_t WsClientSocket::receive(char* buffer, qsizetype size)
{
    alignas(cmsghdr) char control[CMSG_SPACE(sizeof(timespec))];
    iovec io{buffer, static_cast<std::size_t>(size)};
    msghdr header{};
    header.msg_iov = &io;
    header.msg_iovlen = 1;
    header.msg_control = control;
    header.msg_controllen = sizeof control;
    const ssize_t n = ::recvmsg(m_fd, &header, 0);
    if (n > 0)
        m_arrivalNs = arrivalOf(header);
    return n;
}

bool WsClientSocket::readFailed(ssize_t result)
{
    if (result == 0) {
        endWith(kCloseAbnormal, QStringLiteral("the connection ended without a close frame"));
        return false;
    }
    if (errno == EINTR)
        return true;
    if (errno != EAGAIN)
        fail(lastError());
    return false;
}

void WsClientSocket::handleHandshake()
{
    const qsizetype end = m_head.indexOf("\r\n\r\n");
    if (end < 0) {
        if (m_head.size() > kMaxHandshakeBytes)
            fail(QStringLiteral("a handshake response of more than %1 bytes").arg(kMaxHandshakeBytes));
        return;
    }
    const QString problem = ws::checkHandshakeResponse(QByteArrayView(m_head).first(end), m_key);
    if (!problem.isEmpty()) {
        fail(problem);
        return;
    }
    const QByteArray rest = m_head.mid(end + 4);
    m_head.clear();
    m_phase = Phase::Open;
    m_listener.onSocketOpen();
    if (m_fd >= 0 && !rest.isEmpty()) {
        m_frames.append(rest.constData(), rest.size());
        handleFrames();
    }
}

void WsClientSocket::handleFrames()
{
    ws::FrameReader::Frame frame;
    while (m_fd >= 0) {
        const ws::FrameReader::Result result = m_frames.next(frame);
        if (result == ws::FrameReader::Result::NeedMore)
            return;
        if (result == ws::FrameReader::Result::Error) {
            fail(QStringLiteral("protocol error: %1").arg(m_frames.error()));
            return;
        }
        switch (frame.opcode) {
        case ws::Opcode::Text:
            if (m_inMessage) {
                fail(QStringLiteral("protocol error: a new message inside a fragmented one"));
                return;
            }
            if (frame.fin) {
                m_listener.onSocketText(QString::fromUtf8(frame.payload), m_arrivalNs);
            } else {
                m_message = std::move(frame.payload);
                m_inMessage = true;
            }
            break;
        case ws::Opcode::Continuation:
            if (!m_inMessage) {
                fail(QStringLiteral("protocol error: a continuation outside a message"));
                return;
            }
            m_message.append(frame.payload);
            if (frame.fin) {
                m_inMessage = false;
                m_listener.onSocketText(QString::fromUtf8(std::exchange(m_message, {})), m_arrivalNs);
            }
            break;
        case ws::Opcode::Binary:
            fail(QStringLiteral("protocol error: a binary message (the protocol is JSON text)"));
            return;
        case ws::Opcode::Ping:
            write(ws::clientFrame(ws::Opcode::Pong, frame.payload, nextMask()));
            break;
        case ws::Opcode::Pong:
            break;
        case ws::Opcode::Close: {
            int code = kCloseNoStatus;
            QString reason;
            if (frame.payload.size() >= 2) {
                code = (static_cast<quint8>(frame.payload[0]) << 8) | static_cast<quint8>(frame.payload[1]);
                reason = QString::fromUtf8(frame.payload.sliced(2));
            }
            // The closing handshake: the same code back, then the server ends the connection.
            write(ws::clientFrame(ws::Opcode::Close,
                                  frame.payload.first(std::min<qsizetype>(2, frame.payload.size())),
                                  nextMask()));
            endWith(code, reason);
            return;
        }
        }
    }
}

void WsClientSocket::close()
{
    if (m_phase == Phase::Open) {
        const char code[2] = {static_cast<char>(kCloseNormal >> 8), static_cast<char>(kCloseNormal & 0xFF)};
        write(ws::clientFrame(ws::Opcode::Close, QByteArrayView(code, 2), nextMask()));
    }
    abort();
}

void WsClientSocket::abort()
{
    m_phase = Phase::Done;
    // Off the event loop before the descriptor goes, so that a new socket that gets its number
    // is not mistaken for this one.
    if (m_readNotifier)
        m_readNotifier->setEnabled(false);
    if (m_writeNotifier)
        m_writeNotifier->setEnabled(false);
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
}

void WsClientSocket::fail(const QString& detail)
{
    if (m_phase == Phase::Done)
        return;
    abort();
    // Told from the event loop, as QWebSocket does: never inside the caller's own call to
    // open() or sendText().
    QMetaObject::invokeMethod(
        this, [this, detail] { m_listener.onSocketError(detail); }, Qt::QueuedConnection);
}

void WsClientSocket::endWith(int code, const QString& reason)
{
    abort();
    m_listener.onSocketClosed(code, reason);
}

} // namespace nb::bench::load
