// The server's epoll event loop, installed as the application's dispatcher as the server does:
// timers, real sockets on 127.0.0.1, WebSockets, and wake-ups from other threads.
#include "server/eventloop/EpollEventDispatcher.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

#include <memory>
#include <thread>

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
};

namespace {

EpollEventDispatcher* dispatcher()
{
    return qobject_cast<EpollEventDispatcher*>(QAbstractEventDispatcher::instance());
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

int main(int argc, char** argv)
{
    QCoreApplication::setEventDispatcher(new EpollEventDispatcher);
    QCoreApplication app(argc, argv);
    TstEventLoop test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_event_loop.moc"
