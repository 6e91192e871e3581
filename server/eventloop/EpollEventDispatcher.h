#pragma once

#include "server/eventloop/TimerSchedule.h"

#include <QAbstractEventDispatcher>

#include <atomic>
#include <cstdint>
#include <unordered_map>
#include <vector>

class QSocketNotifier;

namespace nb::eventloop {

/// A Qt event dispatcher on Linux epoll, for threads that hold thousands of sockets.
///
/// Qt 6.4's own dispatchers (the UNIX one and GLib's) hand the kernel every registered socket on
/// every turn of the loop: with a thousand WebSocket subscribers, a fifth of the server's time went
/// to poll() scanning idle connections, and each turn cost more the more connections were open.
/// Here the kernel keeps the interest list and a turn costs what is ready, not what is open.
///
/// Behaviour matches Qt's dispatchers where Qt code depends on it: socket notifiers are
/// level-triggered (a socket stays readable until it is read); an error or hang-up activates the
/// read and write notifiers so that the socket finds out; posted events are sent at the start of
/// each pass, and postEvent() from any thread wakes the loop through wakeUp(); timers follow
/// TimerSchedule. processEvents() returns true when it activated a socket or timer or was woken.
/// Use it from the thread that owns it; wakeUp() and interrupt() may be called from any thread.
///
/// An event posted from another thread (a worker's answer) does not wait behind a batch of ready
/// sockets: the pass stops activating notifiers as soon as one arrives, and the sockets it left,
/// still ready, come back in the next pass. On a hot auction the answer that ends a bid's turn
/// would otherwise wait until the thread had read every bid of the burst that came in meanwhile,
/// each of them already certain to be refused. Events the thread posts itself change nothing.
class EpollEventDispatcher final : public QAbstractEventDispatcher {
    Q_OBJECT
public:
    explicit EpollEventDispatcher(QObject* parent = nullptr);
    ~EpollEventDispatcher() override;

    bool processEvents(QEventLoop::ProcessEventsFlags flags) override;

    void registerSocketNotifier(QSocketNotifier* notifier) override;
    void unregisterSocketNotifier(QSocketNotifier* notifier) override;

    void registerTimer(int timerId, qint64 interval, Qt::TimerType timerType, QObject* object) override;
    bool unregisterTimer(int timerId) override;
    bool unregisterTimers(QObject* object) override;
    QList<TimerInfo> registeredTimers(QObject* object) const override;
    int remainingTime(int timerId) override;

    void wakeUp() override;
    void interrupt() override;

private:
    /// The notifiers on one descriptor, one per kind (read, write, exception), each with the
    /// registration it came from, so that a notifier unregistered while a batch of readiness is
    /// being delivered is not activated by it.
    struct Watch {
        QSocketNotifier* notifiers[3] = {nullptr, nullptr, nullptr};
        std::uint64_t registrations[3] = {0, 0, 0};
    };
    struct Activation {
        int fd;
        int kind;
        std::uint64_t registration;
    };

    void updateInterest(int fd, const Watch& watch, bool known);
    /// Waits at most `timeoutNs` (-1: until something happens) and activates what is ready;
    /// returns how many notifiers were activated, plus one if the loop was woken.
    int waitAndActivate(qint64 timeoutNs, bool includeNotifiers);
    int activate(const std::vector<Activation>& ready);
    bool drainWakeUp();

    int m_epollFd = -1;
    int m_wakeFd = -1;
    std::atomic<bool> m_wakeUpPending{false};
    std::atomic<bool> m_interrupted{false};
    std::atomic<bool> m_postedFromElsewhere{false}; // since this pass began
    std::unordered_map<int, Watch> m_watches;
    std::uint64_t m_nextRegistration = 1;
    std::vector<Activation> m_ready;
    TimerSchedule m_timers;
};

} // namespace nb::eventloop
