// The server's epoll event loop, installed as the application's dispatcher as the server does:
// timers, real sockets on 127.0.0.1, WebSockets, and wake-ups from other threads.
#include "server/eventloop/EpollEventDispatcher.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

#include <functional>
#include <memory>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <utility>
#include <vector>

using nb::eventloop::EpollEventDispatcher;

class TstEventLoop : public QObject {
    Q_OBJECT

private slots:
    void theApplicationRunsOnIt();
    void timersFireInDeadlineOrderAndRepeat();
    void aTimerStoppedByAnEarlierHandlerOfTheSamePassDoesNotFire();
    void remainingTimeCountsDownToTheDeadline();
    void registeredTimersAreAnObjectsLiveTimers();
    void socketsCarryDataBothWaysAndSeeTheHangUp();
    void aWebSocketConversationRunsOnIt();
    void anEventPostedFromAnotherThreadWakesABlockedLoop();
    void interruptEndsAWaitFromAnotherThread();
    void anotherThreadsEventRunsBeforeTheRestOfAReadyBatch();
    void eventsTheLoopPostsItselfWaitForTheReadyBatch();
};

namespace {

EpollEventDispatcher* dispatcher()
{
    return qobject_cast<EpollEventDispatcher*>(QAbstractEventDispatcher::instance());
}

/// Socket pairs that are all readable before the loop next looks: one byte waits on each. The
/// handler of the first one read calls post(); the log tells the order of reads and posted events.
class ReadyBatch {
public:
    explicit ReadyBatch(int size, std::function<void(QStringList&)> post)
    {
        for (int i = 0; i < size; ++i) {
            int fds[2];
            QVERIFY(::socketpair(AF_UNIX, SOCK_STREAM, 0, fds) == 0);
            m_pairs.push_back({fds[0], fds[1]});
            auto notifier = std::make_unique<QSocketNotifier>(fds[0], QSocketNotifier::Read);
            QObject::connect(notifier.get(), &QSocketNotifier::activated, notifier.get(),
                             [this, fd = fds[0], i, post] {
                                 char byte = 0;
                                 QCOMPARE(::read(fd, &byte, 1), ssize_t(1));
                                 m_log << QStringLiteral("socket %1").arg(i);
                                 if (m_log.size() == 1)
                                     post(m_log);
                             });
            m_notifiers.push_back(std::move(notifier));
            QCOMPARE(::write(fds[1], "x", 1), ssize_t(1));
        }
    }
    ~ReadyBatch()
    {
        m_notifiers.clear();
        for (const auto& [a, b] : m_pairs) {
            ::close(a);
            ::close(b);
        }
    }
    ReadyBatch(const ReadyBatch&) = delete;
    ReadyBatch& operator=(const ReadyBatch&) = delete;

    const QStringList& log() const { return m_log; }

private:
    std::vector<std::pair<int, int>> m_pairs;
    std::vector<std::unique_ptr<QSocketNotifier>> m_notifiers;
    QStringList m_log;
};

void postLogEntry(QStringList& log)
{
    QMetaObject::invokeMethod(
        QCoreApplication::instance(), [&log] { log << QStringLiteral("posted"); }, Qt::QueuedConnection);
}

} // namespace

void TstEventLoop::theApplicationRunsOnIt()
{
    QVERIFY(dispatcher() != nullptr);
}

void TstEventLoop::timersFireInDeadlineOrderAndRepeat()
{
    QStringList fired;
    QTimer once;
    once.setSingleShot(true);
    once.setInterval(60);
    QTimer often;
    often.setTimerType(Qt::PreciseTimer);
    often.setInterval(10);
    connect(&once, &QTimer::timeout, this, [&] { fired << QStringLiteral("once"); });
    connect(&often, &QTimer::timeout, this, [&] { fired << QStringLiteral("often"); });
    once.start();
    often.start();
    QTRY_VERIFY_WITH_TIMEOUT(fired.contains(QStringLiteral("once")), 5000);
    often.stop();
    // The ten-millisecond timer came due several times before the sixty-millisecond one, and
    // the single shot fired exactly once.
    QVERIFY2(fired.indexOf(QStringLiteral("once")) >= 3, qPrintable(fired.join(',')));
    QCOMPARE(fired.first(), QStringLiteral("often"));
    QTest::qWait(100);
    QCOMPARE(fired.count(QStringLiteral("once")), 1);
}

void TstEventLoop::aTimerStoppedByAnEarlierHandlerOfTheSamePassDoesNotFire()
{
    QTimer first;
    QTimer second;
    first.setInterval(5);
    second.setInterval(5);
    int firstFired = 0;
    int secondFired = 0;
    connect(&first, &QTimer::timeout, this, [&] {
        ++firstFired;
        second.stop();
    });
    connect(&second, &QTimer::timeout, this, [&] { ++secondFired; });
    first.start();
    second.start();
    QThread::msleep(30); // both are due when the loop next looks
    QCoreApplication::processEvents();
    QCOMPARE(firstFired, 1);
    QCOMPARE(secondFired, 0);
    QVERIFY(!second.isActive());
    first.stop();
}

void TstEventLoop::remainingTimeCountsDownToTheDeadline()
{
    QTimer timer;
    timer.setInterval(400);
    timer.start();
    const int atStart = timer.remainingTime();
    QVERIFY2(atStart > 300 && atStart <= 400, qPrintable(QString::number(atStart)));
    QThread::msleep(150);
    const int later = timer.remainingTime();
    QVERIFY2(later >= 0 && later <= 250, qPrintable(QString::number(later)));
    QCOMPARE(dispatcher()->remainingTime(-7), -1); // no such timer
}

void TstEventLoop::registeredTimersAreAnObjectsLiveTimers()
{
    QObject owner;
    const int a = owner.startTimer(1000);
    const int b = owner.startTimer(2500, Qt::PreciseTimer);
    QList<QAbstractEventDispatcher::TimerInfo> timers = dispatcher()->registeredTimers(&owner);
    QCOMPARE(timers.size(), 2);
    owner.killTimer(a);
    timers = dispatcher()->registeredTimers(&owner);
    QCOMPARE(timers.size(), 1);
    QCOMPARE(timers.first().timerId, b);
    QCOMPARE(timers.first().interval, 2500);
    QCOMPARE(timers.first().timerType, Qt::PreciseTimer);
    QVERIFY(dispatcher()->unregisterTimers(&owner));
    QVERIFY(dispatcher()->registeredTimers(&owner).isEmpty());
    QVERIFY(!dispatcher()->unregisterTimers(&owner));
}

void TstEventLoop::socketsCarryDataBothWaysAndSeeTheHangUp()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, server.serverPort());
    QTRY_VERIFY_WITH_TIMEOUT(server.hasPendingConnections(), 5000);
    std::unique_ptr<QTcpSocket> peer(server.nextPendingConnection());
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::ConnectedState, 5000);

    // More than the kernel's buffers hold at once: the writer waits for its write notifier.
    const QByteArray payload(4 * 1024 * 1024, 'n');
    QByteArray received;
    connect(peer.get(), &QTcpSocket::readyRead, this, [&] { received += peer->readAll(); });
    client.write(payload);
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), payload.size(), 10000);
    QCOMPARE(received, payload);

    peer->write("bid accepted");
    QTRY_COMPARE_WITH_TIMEOUT(client.bytesAvailable(), qint64(12), 5000);
    QCOMPARE(client.readAll(), QByteArray("bid accepted"));

    bool disconnected = false;
    connect(&client, &QTcpSocket::disconnected, this, [&] { disconnected = true; });
    peer->disconnectFromHost();
    QTRY_VERIFY_WITH_TIMEOUT(disconnected, 5000);
}

void TstEventLoop::aWebSocketConversationRunsOnIt()
{
    QWebSocketServer server(QStringLiteral("event-loop-test"), QWebSocketServer::NonSecureMode);
    QVERIFY(server.listen(QHostAddress::LocalHost));
    std::unique_ptr<QWebSocket> peer;
    connect(&server, &QWebSocketServer::newConnection, this, [&] {
        peer.reset(server.nextPendingConnection());
        connect(peer.get(), &QWebSocket::textMessageReceived, peer.get(),
                [&](const QString& text) { peer->sendTextMessage(text.toUpper()); });
    });
    QWebSocket client;
    QStringList answers;
    connect(&client, &QWebSocket::textMessageReceived, this, [&](const QString& text) { answers << text; });
    client.open(QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(server.serverPort())));
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::ConnectedState, 5000);
    for (int i = 0; i < 200; ++i)
        client.sendTextMessage(QStringLiteral("bid %1").arg(i));
    QTRY_COMPARE_WITH_TIMEOUT(answers.size(), 200, 10000);
    for (int i = 0; i < 200; ++i)
        QCOMPARE(answers.at(i), QStringLiteral("BID %1").arg(i));
    client.close();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::UnconnectedState, 5000);
}

void TstEventLoop::anEventPostedFromAnotherThreadWakesABlockedLoop()
{
    QEventLoop loop;
    bool delivered = false;
    QTimer guard; // only so that a broken wake-up fails the test instead of hanging it
    guard.setSingleShot(true);
    connect(&guard, &QTimer::timeout, &loop, &QEventLoop::quit);
    guard.start(5000);
    std::thread poster([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        QMetaObject::invokeMethod(
            &loop,
            [&] {
                delivered = true;
                loop.quit();
            },
            Qt::QueuedConnection);
    });
    QElapsedTimer clock;
    clock.start();
    loop.exec();
    poster.join();
    QVERIFY(delivered);
    QVERIFY2(clock.elapsed() < 2500, qPrintable(QString::number(clock.elapsed())));
}

void TstEventLoop::interruptEndsAWaitFromAnotherThread()
{
    QTimer guard; // as above: a wait nobody ends would otherwise last until this fires
    guard.setSingleShot(true);
    guard.start(5000);
    EpollEventDispatcher* const loop = dispatcher(); // this thread's: the other has none
    std::thread interrupter([loop] {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        loop->interrupt();
    });
    QElapsedTimer clock;
    clock.start();
    loop->processEvents(QEventLoop::WaitForMoreEvents);
    interrupter.join();
    QVERIFY(guard.isActive());
    QVERIFY2(clock.elapsed() < 2500, qPrintable(QString::number(clock.elapsed())));
}

void TstEventLoop::anotherThreadsEventRunsBeforeTheRestOfAReadyBatch()
{
    // A worker's answer posted while the loop works through ready sockets runs next; the sockets
    // left are read in the following pass.
    constexpr int kSockets = 20;
    ReadyBatch batch(kSockets, [](QStringList& log) {
        std::thread worker([&log] { postLogEntry(log); });
        worker.join();
    });
    QTRY_COMPARE_WITH_TIMEOUT(batch.log().size(), kSockets + 1, 5000);
    QVERIFY2(batch.log().first().startsWith(QLatin1String("socket")),
             qPrintable(batch.log().join(QLatin1Char(','))));
    QCOMPARE(batch.log().at(1), QStringLiteral("posted"));
    QCOMPARE(batch.log().filter(QStringLiteral("socket")).removeDuplicates(), 0);
}

void TstEventLoop::eventsTheLoopPostsItselfWaitForTheReadyBatch()
{
    // The loop's own posts (a slice of answers handing over to the sockets, a fan-out to write)
    // keep their place: after every socket that was ready.
    constexpr int kSockets = 20;
    ReadyBatch batch(kSockets, [](QStringList& log) { postLogEntry(log); });
    QTRY_COMPARE_WITH_TIMEOUT(batch.log().size(), kSockets + 1, 5000);
    QCOMPARE(batch.log().last(), QStringLiteral("posted"));
}

int main(int argc, char** argv)
{
    QCoreApplication::setEventDispatcher(new EpollEventDispatcher);
    QCoreApplication app(argc, argv);
    TstEventLoop test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_event_loop.moc"
