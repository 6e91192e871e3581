#include "server/scheduler/AuctionScheduler.h"

#include "server/services/ServiceError.h"

#include <QLoggingCategory>

namespace nb::scheduler {

Q_LOGGING_CATEGORY(lcScheduler, "neighborbid.scheduler")

AuctionScheduler::AuctionScheduler(storage::ConnectionPool& pool, services::ListingChanges listingChanges,
                                   QObject* parent)
    : QObject(parent)
    , m_settlement(pool, listingChanges)
    , m_timer(this) // a child moves to the scheduler's thread with it
{
    m_timer.setInterval(kTickMs);
    connect(&m_timer, &QTimer::timeout, this, [this] { tick(); });
}

void AuctionScheduler::start()
{
    const auto [started, ended] = tick();
    if (started + ended > 0)
        qCInfo(lcScheduler, "start-up: %d auction(s) started, %d overdue auction(s) settled", started, ended);
    m_timer.start();
}

std::pair<int, int> AuctionScheduler::tick()
{
    int started = 0;
    int ended = 0;
    try {
        started = m_settlement.startDue();
        ended = m_settlement.settleDue();
    } catch (const services::ServiceError& e) {
        // Unavailable database: nothing changed; the next tick tries again.
        qCWarning(lcScheduler, "scheduler tick skipped: %s", e.what());
    }
    if (ended > 0)
        emit settled(ended);
    return {started, ended};
}

} // namespace nb::scheduler
