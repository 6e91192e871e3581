#include "tests/bench/load/Waiting.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

namespace nb::bench::load {

bool waitUntil(const std::function<bool()>& done, qint64 timeoutMs, const std::function<void()>& onPoll,
               int pollMs)
{
    if (done())
        return true;
    QElapsedTimer clock;
    clock.start();
    QEventLoop loop;
    QTimer poll;
    poll.setInterval(pollMs);
    bool reached = false;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (onPoll)
            onPoll();
        reached = done();
        if (reached || clock.elapsed() >= timeoutMs)
            loop.quit();
    });
    poll.start();
    loop.exec();
    return reached;
}

void runFor(qint64 ms, const std::function<void()>& onPoll, int pollMs)
{
    QElapsedTimer clock;
    clock.start();
    waitUntil([&clock, ms] { return clock.elapsed() >= ms; }, ms + 1000, onPoll, pollMs);
}

} // namespace nb::bench::load
