#pragma once

#include "server/transport/ws/ParallelSender.h"

#include <QObject>
#include <QPointer>

#include <vector>

namespace nb::transport {

class ClientSession;
class Metrics;

/// Writes the fan-out of one pass of the event loop with one send() per connection.
///
/// Events come in bursts exactly when the server is busiest: the relay hands on every bid that
/// committed during the last fan-out, and Redis delivers several messages in one read. Each
/// frame written on its own costs a connection a system call and a TCP segment, and on the
/// receiving side a wake-up and an acknowledgement. So the hub queues fan-out frames on their
/// sessions (ClientSession::queue) and this writes each session's queue at the start of the
/// next pass, once whatever else was already waiting in the loop has been handled. A lone event
/// waits for no more than that; answers to requests never wait here (ClientSession::send writes
/// what is queued first, keeping the connection's order). The writes of a large fan-out are
/// spread over the cores (ParallelSender).
class SendCoalescer : public QObject {
    Q_OBJECT
public:
    explicit SendCoalescer(Metrics& metrics, QObject* parent = nullptr);

    /// The session has queued output: write it in the next pass of the event loop.
    void schedule(ClientSession& session);

private:
    void flush();

    Metrics& m_metrics;
    ParallelSender m_sender;
    std::vector<QPointer<ClientSession>> m_waiting;
    bool m_flushPosted = false;
};

} // namespace nb::transport
