#pragma once

#include "server/console/DemoCatalog.h"

#include <QHash>
#include <QString>

#include <vector>

namespace nb::storage {
class ConnectionPool;
}

namespace nb::console {

/// What one run of DemoSeeder did.
struct DemoReport {
    int usersCreated = 0;
    int deposits = 0;
    int auctions = 0;
    int scheduled = 0;
    int bids = 0;
};

/// Seeds the demo data of demo::DemoCatalog through the service layer, so that it obeys every
/// rule a real user's actions would (escrow, ledger, events).
class DemoSeeder {
public:
    explicit DemoSeeder(storage::ConnectionPool& pool);

    /// Whether the demo data is there: user neighbor_shop exists.
    bool alreadySeeded();
    /// Creates the users (an existing one is reused), the deposits (idempotent by their fixed
    /// request_id), the auctions and the bids. Throws services::ServiceError.
    DemoReport seed();
    /// Sets every existing demo user's password back to demo::kPassword; returns how many.
    int resetPasswords();

private:
    qint64 ensureUser(const demo::DemoUser& user, DemoReport* report);
    std::vector<qint64> createAuctions(qint64 sellerId, DemoReport* report);
    void placeBids(const std::vector<qint64>& auctionIds, const QHash<QString, qint64>& userIds,
                   DemoReport* report);

    storage::ConnectionPool& m_pool;
};

} // namespace nb::console
