#include "server/eventloop/TimerSchedule.h"

#include <QCoreApplication>
#include <QTimerEvent>

#include <algorithm>
#include <vector>

namespace nb::eventloop {

namespace {

constexpr qint64 kNsPerMs = 1'000'000;

} // namespace

void TimerSchedule::add(int timerId, qint64 intervalMs, Qt::TimerType type, QObject* object, qint64 nowNs)
{
    remove(timerId);
    Timer& timer = m_timers[timerId];
    timer.intervalMs = std::max<qint64>(0, intervalMs);
    timer.type = type;
    timer.object = object;
    timer.due = m_deadlines.end();
    m_byObject.emplace(object, timerId);
    schedule(timer, timerId, nowNs + timer.intervalMs * kNsPerMs);
}

void TimerSchedule::schedule(Timer& timer, int timerId, qint64 dueNs)
{
    if (timer.due != m_deadlines.end())
        m_deadlines.erase(timer.due);
    timer.due = m_deadlines.emplace(dueNs, timerId);
}

bool TimerSchedule::remove(int timerId)
{
    const auto it = m_timers.find(timerId);
    if (it == m_timers.end())
        return false;
    m_deadlines.erase(it->second.due);
    auto [first, last] = m_byObject.equal_range(it->second.object);
    for (; first != last; ++first) {
        if (first->second == timerId) {
            m_byObject.erase(first);
            break;
        }
    }
    m_timers.erase(it);
    return true;
}

bool TimerSchedule::removeAll(QObject* object)
{
    auto [first, last] = m_byObject.equal_range(object);
    if (first == last)
        return false;
    for (auto it = first; it != last; ++it) {
        const auto timer = m_timers.find(it->second);
        m_deadlines.erase(timer->second.due);
        m_timers.erase(timer);
    }
    m_byObject.erase(first, last);
    return true;
}

QList<QAbstractEventDispatcher::TimerInfo> TimerSchedule::of(QObject* object) const
{
    QList<QAbstractEventDispatcher::TimerInfo> timers;
    auto [first, last] = m_byObject.equal_range(object);
    for (; first != last; ++first) {
        const Timer& timer = m_timers.at(first->second);
        timers.append({first->second, static_cast<int>(timer.intervalMs), timer.type});
    }
    return timers;
}

int TimerSchedule::remainingMs(int timerId, qint64 nowNs) const
{
    const auto it = m_timers.find(timerId);
    if (it == m_timers.end())
        return -1;
    const qint64 leftNs = std::max<qint64>(0, it->second.due->first - nowNs);
    return static_cast<int>((leftNs + kNsPerMs - 1) / kNsPerMs);
}

qint64 TimerSchedule::nsUntilNext(qint64 nowNs) const
{
    for (const auto& [dueNs, timerId] : m_deadlines) {
        // A timer whose handler is still running cannot fire: it does not cut the wait short.
        if (!m_timers.at(timerId).firing)
            return std::max<qint64>(0, dueNs - nowNs);
    }
    return -1;
}

int TimerSchedule::fireDue(qint64 nowNs)
{
    // The timers due now, in deadline order; any a handler adds or reschedules wait for the next
    // pass, so a zero-interval timer cannot starve the sockets.
    std::vector<int> due;
    for (auto it = m_deadlines.begin(); it != m_deadlines.end() && it->first <= nowNs; ++it)
        due.push_back(it->second);

    int fired = 0;
    for (const int timerId : due) {
        auto it = m_timers.find(timerId);
        if (it == m_timers.end() || it->second.firing)
            continue; // removed by an earlier handler, or inside its own handler's nested loop
        Timer& timer = it->second;
        const qint64 intervalNs = timer.intervalMs * kNsPerMs;
        qint64 nextNs = nowNs + intervalNs;
        if (timer.type == Qt::PreciseTimer) {
            // Keep the period: the next deadline follows the last one unless the loop fell behind.
            nextNs = timer.due->first + intervalNs;
            if (nextNs <= nowNs)
                nextNs = nowNs + intervalNs;
        }
        schedule(timer, timerId, nextNs);
        timer.firing = true;
        QObject* const object = timer.object;
        QTimerEvent event(timerId);
        QCoreApplication::sendEvent(object, &event);
        ++fired;
        // The handler may have killed the timer, or destroyed its object; look it up again.
        it = m_timers.find(timerId);
        if (it != m_timers.end())
            it->second.firing = false;
    }
    return fired;
}

} // namespace nb::eventloop
