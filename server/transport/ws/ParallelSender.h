#pragma once

#include <QByteArray>

#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <thread>
#include <vector>

namespace nb::transport {

/// Hands bytes to the kernel for many sockets at once, on the calling thread and on helper
/// threads, and returns when every socket has taken what it will take now.
///
/// One event to a thousand followers is a thousand send() calls, and each costs the kernel's TCP
/// work (on loopback, the receiving side's too). Done by the event loop's thread alone, the last
/// follower waits for all the others; split over the cores, the fan-out ends sooner. Only the
/// kernel is called here: whatever a socket does not take is left for the caller to queue on its
/// thread, where the socket's Qt object lives. The caller's thread takes part, and the helpers
/// take work in chunks from a shared index, so a slow socket does not hold up the others.
/// Linux only (it needs MSG_NOSIGNAL): elsewhere ClientSession writes through Qt and there are no
/// helpers.
class ParallelSender {
public:
    struct Job {
        int fd = -1;
        QByteArray bytes;
        /// How much the kernel took; less than bytes.size() when its buffer filled or it failed.
        qsizetype sent = 0;
    };

    /// Fewer jobs than this are sent on the calling thread alone: waking a helper costs more.
    static constexpr std::size_t kMinParallelJobs = 64;

    /// helpers: threads besides the caller's (0 sends everything on the caller's thread).
    explicit ParallelSender(int helpers);
    ~ParallelSender();
    ParallelSender(const ParallelSender&) = delete;
    ParallelSender& operator=(const ParallelSender&) = delete;

    /// Sends every job's bytes as far as its socket takes them without blocking.
    void send(std::vector<Job>& jobs);
    int helpers() const { return static_cast<int>(m_threads.size()); }

    /// Sends bytes to a non-blocking socket until done, full or failed; returns how many went
    /// (never raises SIGPIPE, retries on EINTR).
    static qsizetype sendSome(int fd, const QByteArray& bytes);

private:
    void helperLoop();
    /// Takes chunks of the current round's jobs until none are left. Claims are made under the
    /// mutex, so a helper that wakes late finds the round over and touches nothing.
    void work();

    std::vector<std::thread> m_threads;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_finished;
    std::vector<Job>* m_jobs = nullptr; // the round's, while one runs
    std::size_t m_next = 0;             // the first job nobody has claimed
    std::size_t m_done = 0;             // jobs sent; the round is over when it reaches the size
    unsigned long m_round = 0;
    bool m_stopping = false;
};

} // namespace nb::transport
