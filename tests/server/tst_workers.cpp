// The worker threads and the way their answers come back to the sockets' thread.
#include "server/transport/Workers.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <future>
#include <memory>
#include <thread>

using nb::transport::Workers;

class TstWorkers : public QObject {
    Q_OBJECT

private slots:
    void answersComeBackOnTheRecipientsThreadInOrder();
    void aBurstOfAnswersLetsTheEventLoopIn();
    void answersToARecipientThatIsGoneAreDropped();
    void aBidHoldingItsTurnRunsWhileEveryWorkerIsBusy();
    void whatATaskHoldsIsReleasedAfterItsAnswerIsQueued();
};

namespace {

void spinFor(qint64 micros)
{
    QElapsedTimer t;
    t.start();
    while (t.nsecsElapsed() < micros * 1000) {
    }
}

} // namespace

void TstWorkers::answersComeBackOnTheRecipientsThreadInOrder()
{
    Workers workers(4);
    QObject context;
    QList<int> order;
    std::atomic<bool> offThread{true};
    for (int i = 0; i < 50; ++i)
        workers.run(
            &context,
            [i, &offThread] {
                if (QThread::currentThread() == QCoreApplication::instance()->thread())
                    offThread = false;
                return i;
            },
            [&order](const std::exception_ptr& error, int value) {
                QVERIFY(!error);
                QCOMPARE(QThread::currentThread(), QCoreApplication::instance()->thread());
                order.append(value);
            });
    QTRY_COMPARE_WITH_TIMEOUT(order.size(), 50, 5000);
    QVERIFY(offThread);
    // From one thread, answers keep the order in which they were posted.
    const Workers::Recipient to = workers.recipient(&context);
    QList<int> posted;
    std::thread poster([&] {
        for (int i = 0; i < 100; ++i)
            workers.answer(to, [&posted, i] { posted.append(i); });
    });
    poster.join();
    QTRY_COMPARE_WITH_TIMEOUT(posted.size(), 100, 5000);
    for (int i = 0; i < 100; ++i)
        QCOMPARE(posted.at(i), i);
}

// Four hundred answers of 50 µs each are 20 ms of work: a 1 ms timer fires while they run,
// not after all of them (the same turn of the loop reads the sockets).
void TstWorkers::aBurstOfAnswersLetsTheEventLoopIn()
{
    Workers workers(2);
    QObject context;
    const Workers::Recipient to = workers.recipient(&context);
    int ran = 0;
    int ranWhenTimerFired = -1;
    constexpr int kAnswers = 400;
    for (int i = 0; i < kAnswers; ++i)
        workers.answer(to, [&ran] {
            spinFor(50);
            ++ran;
        });
    QTimer::singleShot(1, &context, [&] { ranWhenTimerFired = ran; });
    QTRY_COMPARE_WITH_TIMEOUT(ran, kAnswers, 5000);
    QTRY_VERIFY(ranWhenTimerFired >= 0);
    QVERIFY2(ranWhenTimerFired < kAnswers / 2,
             qPrintable(QStringLiteral("the timer fired after %1 answers").arg(ranWhenTimerFired)));
}

void TstWorkers::answersToARecipientThatIsGoneAreDropped()
{
    Workers workers(2);
    auto context = std::make_unique<QObject>();
    const Workers::Recipient to = workers.recipient(context.get());
    int ran = 0;
    for (int i = 0; i < 10; ++i)
        workers.answer(to, [&ran] { ++ran; });
    context.reset();
    QVERIFY(!to.alive());
    QTest::qWait(50);
    QCOMPARE(ran, 0);
}

// A bid that holds its auction's turn must never wait behind work that may be waiting for that
// very turn: with the only worker blocked, it runs on the reserve.
void TstWorkers::aBidHoldingItsTurnRunsWhileEveryWorkerIsBusy()
{
    Workers workers(1);
    QObject context;
    std::promise<void> unblock;
    std::shared_future<void> blocked = unblock.get_future().share();
    std::atomic<bool> blockerStarted{false};
    workers.run(
        &context,
        [blocked, &blockerStarted] {
            blockerStarted = true;
            blocked.wait_for(std::chrono::seconds(20));
            return 0;
        },
        [](const std::exception_ptr&, int) {});
    QTRY_VERIFY(blockerStarted.load());
    bool answered = false;
    workers.runHoldingTurn(
        workers.recipient(&context), [] { return 7; },
        [&answered](const std::exception_ptr& error, int value) {
            QVERIFY(!error);
            QCOMPARE(value, 7);
            answered = true;
        });
    QTRY_VERIFY_WITH_TIMEOUT(answered, 5000);
    unblock.set_value();
    workers.drain();
}

// A bid's lane turn lives in its task: the turn must pass on (and its lane's refusals be queued)
// only after the bid's own answer is queued, so that the bidder hears first.
void TstWorkers::whatATaskHoldsIsReleasedAfterItsAnswerIsQueued()
{
    Workers workers(1);
    QObject context;
    const Workers::Recipient to = workers.recipient(&context);
    QStringList order;
    // Released on the worker, it queues its own answer behind whatever was queued before.
    auto held = std::shared_ptr<int>(new int(0), [&workers, to, &order](int* p) {
        delete p;
        workers.answer(to, [&order] { order << QStringLiteral("released"); });
    });
    workers.runHoldingTurn(
        to, [held = std::move(held)] { return *held + 1; },
        [&order](const std::exception_ptr&, int) { order << QStringLiteral("answered"); });
    QTRY_COMPARE(order.size(), 2);
    QCOMPARE(order, QStringList({QStringLiteral("answered"), QStringLiteral("released")}));
    workers.drain();
}

QTEST_GUILESS_MAIN(TstWorkers)
#include "tst_workers.moc"
