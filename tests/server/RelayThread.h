#pragma once

#include "server/events/OutboxRelay.h"
#include "server/storage/ConnectionPool.h"

#include <QObject>
#include <QThread>

namespace nb::test {

/// The outbox relay on a thread of its own (as the server runs it), handing events to sink.
class RelayThread {
public:
    RelayThread(storage::ConnectionPool& pool, events::OutboxRelay::Sink sink);
    ~RelayThread();

private:
    QThread m_thread;
    QObject m_anchor; // lives on m_thread, to run code there
};

} // namespace nb::test
