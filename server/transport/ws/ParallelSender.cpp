#include "server/transport/ws/ParallelSender.h"

#include <QtGlobal>

#include <algorithm>

#ifdef Q_OS_LINUX
#include <cerrno>
#include <sys/socket.h>
#endif

namespace nb::transport {

namespace {
/// Jobs taken at a time from the shared index: few enough to balance, enough to keep the index
/// off the hot path.
constexpr std::size_t kChunk = 16;
} // namespace

ParallelSender::ParallelSender(int helpers)
{
#ifdef Q_OS_LINUX
    for (int i = 0; i < helpers; ++i)
        m_threads.emplace_back([this] { helperLoop(); });
#else
    Q_UNUSED(helpers) // elsewhere sockets are written through Qt (no MSG_NOSIGNAL on macOS)
#endif
}

ParallelSender::~ParallelSender()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    for (std::thread& thread : m_threads)
        thread.join();
}

qsizetype ParallelSender::sendSome(int fd, const QByteArray& bytes)
{
    qsizetype done = 0;
#ifdef Q_OS_LINUX
    while (done < bytes.size()) {
        const ssize_t n = ::send(fd, bytes.constData() + done, static_cast<std::size_t>(bytes.size() - done),
                                 MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n > 0)
            done += n;
        else if (n < 0 && errno == EINTR)
            continue;
        else
            break; // full (EAGAIN) or broken: the caller's socket object takes it from here
    }
#else
    Q_UNUSED(fd)
    Q_UNUSED(bytes)
#endif
    return done;
}

void ParallelSender::send(std::vector<Job>& jobs)
{
    if (m_threads.empty() || jobs.size() < kMinParallelJobs) {
        for (Job& job : jobs)
            job.sent = sendSome(job.fd, job.bytes);
        return;
    }
    {
        const std::lock_guard lock(m_mutex);
        m_jobs = &jobs;
        m_next = 0;
        m_done = 0;
        ++m_round;
    }
    m_wake.notify_all();
    work();
    // Every job is claimed; wait for the helpers' last chunks (not for helpers still asleep).
    std::unique_lock lock(m_mutex);
    m_finished.wait(lock, [this, &jobs] { return m_done == jobs.size(); });
    m_jobs = nullptr;
}

void ParallelSender::work()
{
    std::unique_lock lock(m_mutex);
    while (m_jobs && m_next < m_jobs->size()) {
        std::vector<Job>& jobs = *m_jobs;
        const std::size_t first = m_next;
        const std::size_t end = std::min(jobs.size(), first + kChunk);
        m_next = end;
        lock.unlock();
        for (std::size_t i = first; i < end; ++i)
            jobs[i].sent = sendSome(jobs[i].fd, jobs[i].bytes);
        lock.lock();
        m_done += end - first;
        if (m_done == jobs.size())
            m_finished.notify_one();
    }
}

void ParallelSender::helperLoop()
{
    unsigned long seen = 0;
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this, seen] { return m_stopping || m_round != seen; });
            if (m_stopping)
                return;
            seen = m_round;
        }
        work();
    }
}

} // namespace nb::transport
