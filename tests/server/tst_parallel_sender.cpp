// ParallelSender on real TCP connections over loopback: every socket gets exactly its bytes
// (batches below and above the size that wakes the helpers), a full or broken socket says how
// far it got, and round after round completes.
#include "server/transport/ws/ParallelSender.h"

#include <QTest>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

using nb::transport::ParallelSender;

namespace {

/// A connected TCP pair on 127.0.0.1: `sender` non-blocking (as the hub's sockets are), `peer`
/// blocking, for reading back.
struct Pair {
    int sender = -1;
    int peer = -1;
};

class Pairs {
public:
    explicit Pairs(int count, int sendBuffer = 0)
    {
        m_listener = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        if (::bind(m_listener, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
            ::listen(m_listener, 1024) != 0 ||
            ::getsockname(m_listener, reinterpret_cast<sockaddr*>(&address), &length) != 0)
            return;
        for (int i = 0; i < count; ++i) {
            Pair pair;
            pair.sender = ::socket(AF_INET, SOCK_STREAM, 0);
            if (sendBuffer > 0) {
                ::setsockopt(pair.sender, SOL_SOCKET, SO_SNDBUF, &sendBuffer, sizeof sendBuffer);
            }
            if (::connect(pair.sender, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0)
                return;
            pair.peer = ::accept(m_listener, nullptr, nullptr);
            if (sendBuffer > 0)
                ::setsockopt(pair.peer, SOL_SOCKET, SO_RCVBUF, &sendBuffer, sizeof sendBuffer);
            ::fcntl(pair.sender, F_SETFL, ::fcntl(pair.sender, F_GETFL) | O_NONBLOCK);
            m_pairs.push_back(pair);
        }
    }
    ~Pairs()
    {
        for (const Pair& pair : m_pairs) {
            ::close(pair.sender);
            if (pair.peer >= 0)
                ::close(pair.peer);
        }
        ::close(m_listener);
    }
    Pairs(const Pairs&) = delete;
    Pairs& operator=(const Pairs&) = delete;

    bool ready(int count) const { return static_cast<int>(m_pairs.size()) == count; }
    Pair& operator[](std::size_t i) { return m_pairs[i]; }

private:
    int m_listener = -1;
    std::vector<Pair> m_pairs;
};

/// Reads exactly `size` bytes (what was sent) from a blocking socket; shorter when it ends.
QByteArray readExactly(int fd, qsizetype size)
{
    QByteArray out;
    char buffer[64 * 1024];
    while (out.size() < size) {
        const ssize_t n =
            ::read(fd, buffer, std::min<std::size_t>(sizeof buffer, std::size_t(size - out.size())));
        if (n <= 0)
            break;
        out.append(buffer, n);
    }
    return out;
}

/// Whether nothing more is waiting on the socket (the caller gave it time to arrive).
bool nothingMore(int fd)
{
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
    char byte = 0;
    return ::read(fd, &byte, 1) < 0 && errno == EAGAIN;
}

QByteArray payloadFor(int i, int round = 0)
{
    return QByteArray("round %1, socket %2;")
        .replace("%1", QByteArray::number(round))
        .replace("%2", QByteArray::number(i))
        .repeated(1 + i % 7);
}

/// One job per pair, each with its own payload.
std::vector<ParallelSender::Job> jobsFor(Pairs& pairs, int count, int round = 0)
{
    std::vector<ParallelSender::Job> jobs;
    for (int i = 0; i < count; ++i)
        jobs.push_back({pairs[std::size_t(i)].sender, payloadFor(i, round), 0});
    return jobs;
}

/// Every job but `except` was sent whole, and its peer reads exactly its payload.
void checkSentWhole(const std::vector<ParallelSender::Job>& jobs, Pairs& pairs, int round = 0,
                    int except = -1)
{
    for (std::size_t i = 0; i < jobs.size(); ++i) {
        if (int(i) == except)
            continue;
        QCOMPARE(jobs[i].sent, jobs[i].bytes.size());
        QCOMPARE(readExactly(pairs[i].peer, jobs[i].sent), payloadFor(int(i), round));
    }
}

} // namespace

class TstParallelSender : public QObject {
    Q_OBJECT

private slots:
    void everySocketGetsExactlyItsBytes();
    void aSmallBatchIsSentWhole();
    void aFullSocketSaysHowFarItGot();
    void aBrokenConnectionFailsWithoutASignal();
    void roundAfterRoundCompletes();
};

void TstParallelSender::everySocketGetsExactlyItsBytes()
{
    constexpr int kCount = 300;
    Pairs pairs(kCount);
    QVERIFY(pairs.ready(kCount));
    ParallelSender sender(2);
    QCOMPARE(sender.helpers(), 2);
    std::vector<ParallelSender::Job> jobs = jobsFor(pairs, kCount);
    sender.send(jobs);
    checkSentWhole(jobs, pairs);
    QTest::qWait(20);
    for (int i = 0; i < kCount; ++i)
        QVERIFY(nothingMore(pairs[std::size_t(i)].peer));
}

void TstParallelSender::aSmallBatchIsSentWhole()
{
    constexpr int kCount = int(ParallelSender::kMinParallelJobs) - 1;
    Pairs pairs(kCount);
    QVERIFY(pairs.ready(kCount));
    ParallelSender sender(1);
    std::vector<ParallelSender::Job> jobs = jobsFor(pairs, kCount);
    sender.send(jobs);
    checkSentWhole(jobs, pairs);
}

void TstParallelSender::aFullSocketSaysHowFarItGot()
{
    constexpr int kCount = 100;
    constexpr int kLarge = 37;
    Pairs pairs(kCount, 16 * 1024);
    QVERIFY(pairs.ready(kCount));
    ParallelSender sender(1);
    std::vector<ParallelSender::Job> jobs = jobsFor(pairs, kCount);
    QByteArray large(4 * 1024 * 1024, Qt::Uninitialized);
    for (qsizetype i = 0; i < large.size(); ++i)
        large[i] = char('a' + i % 26);
    jobs[kLarge].bytes = large;
    sender.send(jobs);
    // The peer reads nothing meanwhile: the kernel takes part of 4 MB and no more.
    QVERIFY(jobs[kLarge].sent > 0);
    QVERIFY(jobs[kLarge].sent < large.size());
    QCOMPARE(readExactly(pairs[kLarge].peer, jobs[kLarge].sent), large.first(jobs[kLarge].sent));
    QTest::qWait(20);
    QVERIFY(nothingMore(pairs[kLarge].peer));
    checkSentWhole(jobs, pairs, 0, kLarge);
}

void TstParallelSender::aBrokenConnectionFailsWithoutASignal()
{
    constexpr int kCount = 80;
    constexpr int kBroken = 5;
    Pairs pairs(kCount);
    QVERIFY(pairs.ready(kCount));
    // The peer is gone, with unread data so that it answers with a reset.
    const char unread[] = "unread";
    QCOMPARE(::send(pairs[kBroken].sender, unread, sizeof unread, MSG_NOSIGNAL), ssize_t(sizeof unread));
    QTest::qWait(20);
    ::close(pairs[kBroken].peer);
    pairs[kBroken].peer = -1;
    QTest::qWait(20);
    ParallelSender sender(1);
    std::vector<ParallelSender::Job> jobs = jobsFor(pairs, kCount);
    sender.send(jobs); // a SIGPIPE would end the test here
    QCOMPARE(jobs[kBroken].sent, qsizetype(0));
    checkSentWhole(jobs, pairs, 0, kBroken);
}

void TstParallelSender::roundAfterRoundCompletes()
{
    constexpr int kCount = 150;
    constexpr int kRounds = 400;
    Pairs pairs(kCount);
    QVERIFY(pairs.ready(kCount));
    ParallelSender sender(3);
    for (int round = 0; round < kRounds && !QTest::currentTestFailed(); ++round) {
        std::vector<ParallelSender::Job> jobs = jobsFor(pairs, kCount, round);
        sender.send(jobs);
        checkSentWhole(jobs, pairs, round);
    }
}

QTEST_GUILESS_MAIN(TstParallelSender)
#include "tst_parallel_sender.moc"
