#pragma once

#include <QAbstractEventDispatcher>
#include <QList>

#include <map>
#include <unordered_map>

class QObject;

namespace nb::eventloop {

/// The timers of one event dispatcher: when each is due, which are due now, and their delivery.
///
/// Deadlines are kept in order, so finding the next one and registering or removing a timer cost
/// O(log n) whatever the number of timers (a server holds one or more per connection). Delivery
/// follows Qt's own dispatchers: each pass fires a due timer at most once, a timer whose handler
/// is still running (it opened a nested event loop) is not fired again from inside it, and a
/// timer removed by another timer's handler in the same pass does not fire.
class TimerSchedule {
public:
    void add(int timerId, qint64 intervalMs, Qt::TimerType type, QObject* object, qint64 nowNs);
    bool remove(int timerId);
    bool removeAll(QObject* object);
    QList<QAbstractEventDispatcher::TimerInfo> of(QObject* object) const;

    /// Milliseconds until the timer is due (0 if it is overdue), or -1 for an unknown timer.
    int remainingMs(int timerId, qint64 nowNs) const;
    /// Nanoseconds until the first timer that may fire is due (0 if overdue), or -1 if none.
    qint64 nsUntilNext(qint64 nowNs) const;
    /// Sends a QTimerEvent for every timer due at `nowNs`; returns how many were sent.
    int fireDue(qint64 nowNs);

    bool empty() const { return m_timers.empty(); }

private:
    using Deadlines = std::multimap<qint64, int>;
    struct Timer {
        qint64 intervalMs = 0;
        Qt::TimerType type = Qt::CoarseTimer;
        QObject* object = nullptr;
        Deadlines::iterator due;
        bool firing = false;
    };

    void schedule(Timer& timer, int timerId, qint64 dueNs);

    std::unordered_map<int, Timer> m_timers;
    Deadlines m_deadlines;
    std::unordered_multimap<QObject*, int> m_byObject;
};

} // namespace nb::eventloop
