#pragma once

#include "server/services/SettlementService.h"

#include <QObject>
#include <QTimer>

namespace nb::scheduler {

/// Starts scheduled auctions and settles ended ones on the server's clock, within a second of
/// their time (it ticks every kTickMs), including those whose time passed while the server was
/// down: the first tick runs at start(). Several instances may run it at once; the settlement
/// service settles each auction exactly once. Lives on its own thread: it blocks on the database.
class AuctionScheduler : public QObject {
    Q_OBJECT
public:
    static constexpr int kTickMs = 250;

    /// listingChanges: where the starts and ends it commits are reported (SettlementService).
    explicit AuctionScheduler(storage::ConnectionPool& pool, services::ListingChanges listingChanges = {},
                              QObject* parent = nullptr);

    Q_INVOKABLE void start();
    /// One pass: start what is due, settle what is due. Returns {started, settled}.
    std::pair<int, int> tick();

signals:
    void settled(int count);

private:
    services::SettlementService m_settlement;
    QTimer m_timer;
};

} // namespace nb::scheduler
