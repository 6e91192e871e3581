#include "server/eventloop/EpollEventDispatcher.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <climits>
#include <cstring>
#include <ctime>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace nb::eventloop {

namespace {

constexpr int kBatch = 256;
constexpr qint64 kNsPerS = 1'000'000'000;
constexpr qint64 kNsPerMs = 1'000'000;

qint64 nowNs()
{
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return static_cast<qint64>(now.tv_sec) * kNsPerS + now.tv_nsec;
}

timespec toTimespec(qint64 ns)
{
    return timespec{static_cast<time_t>(ns / kNsPerS), static_cast<long>(ns % kNsPerS)};
}

/// epoll_wait with a timeout in nanoseconds: epoll_pwait2 where the kernel has it (5.11 and
/// later), else epoll_wait with the timeout rounded up to whole milliseconds.
int waitForEvents(int epollFd, epoll_event* events, qint64 timeoutNs)
{
    static std::atomic<bool> nanosecondWait{true};
    if (nanosecondWait.load(std::memory_order_relaxed)) {
        const timespec timeout = toTimespec(timeoutNs);
        const int ready = epoll_pwait2(epollFd, events, kBatch, timeoutNs < 0 ? nullptr : &timeout, nullptr);
        if (ready >= 0 || errno != ENOSYS)
            return ready;
        nanosecondWait.store(false, std::memory_order_relaxed);
    }
    const int timeoutMs =
        timeoutNs < 0 ? -1
                      : static_cast<int>(std::min<qint64>((timeoutNs + kNsPerMs - 1) / kNsPerMs, INT_MAX));
    return epoll_wait(epollFd, events, kBatch, timeoutMs);
}

} // namespace

EpollEventDispatcher::EpollEventDispatcher(QObject* parent)
    : QAbstractEventDispatcher(parent)
    , m_epollFd(epoll_create1(EPOLL_CLOEXEC))
    , m_wakeFd(eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK))
{
    if (m_epollFd < 0 || m_wakeFd < 0)
        qFatal("event loop: cannot create its epoll or wake-up descriptor: %s", std::strerror(errno));
    epoll_event wake{};
    wake.events = EPOLLIN;
    wake.data.fd = m_wakeFd;
    if (epoll_ctl(m_epollFd, EPOLL_CTL_ADD, m_wakeFd, &wake) != 0)
        qFatal("event loop: cannot watch its wake-up descriptor: %s", std::strerror(errno));
}

EpollEventDispatcher::~EpollEventDispatcher()
{
    ::close(m_wakeFd);
    ::close(m_epollFd);
}

bool EpollEventDispatcher::processEvents(QEventLoop::ProcessEventsFlags flags)
{
    m_interrupted.store(false, std::memory_order_relaxed);
    // Whatever another thread posted so far is sent just below.
    m_postedFromElsewhere.store(false, std::memory_order_relaxed);
    emit awake();
    QCoreApplication::sendPostedEvents();

    const bool includeTimers = !flags.testFlag(QEventLoop::X11ExcludeTimers);
    const bool includeNotifiers = !flags.testFlag(QEventLoop::ExcludeSocketNotifiers);
    const bool mayWait = flags.testFlag(QEventLoop::WaitForMoreEvents) && !m_interrupted.load();
    if (mayWait)
        emit aboutToBlock();
    if (m_interrupted.load())
        return false;

    // Events posted from now on call wakeUp(), which makes the wake-up descriptor readable: the
    // wait below then returns at once and the next pass sends them.
    qint64 timeoutNs = 0;
    if (mayWait)
        timeoutNs = includeTimers ? m_timers.nsUntilNext(nowNs()) : -1;
    int handled = waitAndActivate(timeoutNs, includeNotifiers);
    if (includeTimers)
        handled += m_timers.fireDue(nowNs());
    return handled > 0;
}

int EpollEventDispatcher::waitAndActivate(qint64 timeoutNs, bool includeNotifiers)
{
    if (!includeNotifiers) {
        // Only a wake-up may end this wait: the sockets are left to a later pass.
        pollfd wake{m_wakeFd, POLLIN, 0};
        const timespec timeout = toTimespec(timeoutNs);
        const int ready = ppoll(&wake, 1, timeoutNs < 0 ? nullptr : &timeout, nullptr);
        return ready > 0 && drainWakeUp() ? 1 : 0;
    }

    epoll_event events[kBatch];
    const int count = waitForEvents(m_epollFd, events, timeoutNs);
    if (count < 0) {
        if (errno != EINTR)
            qWarning("event loop: epoll_wait failed: %s", std::strerror(errno));
        return 0;
    }
    int handled = 0;
    // A handler may run a nested event loop, which comes back here: it takes its own list.
    std::vector<Activation> ready = std::move(m_ready);
    ready.clear();
    for (int i = 0; i < count; ++i) {
        const int fd = events[i].data.fd;
        if (fd == m_wakeFd) {
            handled += drainWakeUp() ? 1 : 0;
            continue;
        }
        const auto it = m_watches.find(fd);
        if (it == m_watches.end())
            continue;
        const std::uint32_t what = events[i].events;
        const Watch& watch = it->second;
        const bool broken = (what & (EPOLLERR | EPOLLHUP)) != 0;
        if (watch.notifiers[QSocketNotifier::Read] && (broken || (what & EPOLLIN)))
            ready.push_back({fd, QSocketNotifier::Read, watch.registrations[QSocketNotifier::Read]});
        if (watch.notifiers[QSocketNotifier::Write] && (broken || (what & EPOLLOUT)))
            ready.push_back({fd, QSocketNotifier::Write, watch.registrations[QSocketNotifier::Write]});
        if (watch.notifiers[QSocketNotifier::Exception] && (what & EPOLLPRI))
            ready.push_back(
                {fd, QSocketNotifier::Exception, watch.registrations[QSocketNotifier::Exception]});
    }
    handled += activate(ready);
    m_ready = std::move(ready);
    return handled;
}

int EpollEventDispatcher::activate(const std::vector<Activation>& ready)
{
    int activated = 0;
    for (const Activation& item : ready) {
        // An earlier handler may have disabled, deleted or replaced this notifier.
        const auto it = m_watches.find(item.fd);
        if (it == m_watches.end() || it->second.registrations[item.kind] != item.registration)
            continue;
        QEvent event(QEvent::SockAct);
        QCoreApplication::sendEvent(it->second.notifiers[item.kind], &event);
        ++activated;
        // Level-triggered: what is left here is reported again, after the posted events.
        if (m_postedFromElsewhere.load(std::memory_order_acquire))
            break;
    }
    return activated;
}

bool EpollEventDispatcher::drainWakeUp()
{
    std::uint64_t count = 0;
    while (::read(m_wakeFd, &count, sizeof count) < 0 && errno == EINTR) {
    }
    // Cleared after the read: a wakeUp() in between finds it still set and writes nothing, and
    // what it announced is sent at the start of the next pass, which always follows this one.
    m_wakeUpPending.store(false, std::memory_order_release);
    return true;
}

void EpollEventDispatcher::registerSocketNotifier(QSocketNotifier* notifier)
{
    const int fd = static_cast<int>(notifier->socket());
    const int kind = notifier->type();
    const auto [it, added] = m_watches.try_emplace(fd);
    Watch& watch = it->second;
    if (watch.notifiers[kind] && watch.notifiers[kind] != notifier)
        qWarning("event loop: socket %d already has a notifier of this kind; the newer one wins", fd);
    watch.notifiers[kind] = notifier;
    watch.registrations[kind] = m_nextRegistration++;
    updateInterest(fd, watch, !added);
}

void EpollEventDispatcher::unregisterSocketNotifier(QSocketNotifier* notifier)
{
    const int fd = static_cast<int>(notifier->socket());
    const int kind = notifier->type();
    const auto it = m_watches.find(fd);
    if (it == m_watches.end() || it->second.notifiers[kind] != notifier)
        return;
    Watch& watch = it->second;
    watch.notifiers[kind] = nullptr;
    watch.registrations[kind] = 0;
    if (!watch.notifiers[0] && !watch.notifiers[1] && !watch.notifiers[2]) {
        // The descriptor may already be closed (then the kernel dropped it from the set itself).
        epoll_ctl(m_epollFd, EPOLL_CTL_DEL, fd, nullptr);
        m_watches.erase(it);
        return;
    }
    updateInterest(fd, watch, true);
}

void EpollEventDispatcher::updateInterest(int fd, const Watch& watch, bool known)
{
    epoll_event interest{};
    interest.data.fd = fd;
    if (watch.notifiers[QSocketNotifier::Read])
        interest.events |= EPOLLIN;
    if (watch.notifiers[QSocketNotifier::Write])
        interest.events |= EPOLLOUT;
    if (watch.notifiers[QSocketNotifier::Exception])
        interest.events |= EPOLLPRI;
    if (epoll_ctl(m_epollFd, known ? EPOLL_CTL_MOD : EPOLL_CTL_ADD, fd, &interest) == 0)
        return;
    // A descriptor closed and reused behind its notifier's back is new to the kernel (ENOENT);
    // one this dispatcher lost track of is still known to it (EEXIST).
    const int error = errno;
    if ((error == ENOENT || error == EEXIST) &&
        epoll_ctl(m_epollFd, error == ENOENT ? EPOLL_CTL_ADD : EPOLL_CTL_MOD, fd, &interest) == 0)
        return;
    qWarning("event loop: cannot watch socket %d: %s", fd, std::strerror(errno));
}

void EpollEventDispatcher::registerTimer(int timerId, qint64 interval, Qt::TimerType timerType,
                                         QObject* object)
{
    m_timers.add(timerId, interval, timerType, object, nowNs());
}

bool EpollEventDispatcher::unregisterTimer(int timerId)
{
    return m_timers.remove(timerId);
}

bool EpollEventDispatcher::unregisterTimers(QObject* object)
{
    return m_timers.removeAll(object);
}

QList<QAbstractEventDispatcher::TimerInfo> EpollEventDispatcher::registeredTimers(QObject* object) const
{
    return m_timers.of(object);
}

int EpollEventDispatcher::remainingTime(int timerId)
{
    return m_timers.remainingMs(timerId, nowNs());
}

void EpollEventDispatcher::wakeUp()
{
    if (QThread::currentThread() != thread())
        m_postedFromElsewhere.store(true, std::memory_order_release);
    if (m_wakeUpPending.exchange(true, std::memory_order_acq_rel))
        return;
    const std::uint64_t one = 1;
    while (::write(m_wakeFd, &one, sizeof one) < 0 && errno == EINTR) {
    }
}

void EpollEventDispatcher::interrupt()
{
    m_interrupted.store(true);
    wakeUp();
}

} // namespace nb::eventloop
