#pragma once

#include "server/storage/AuctionStore.h"
#include "server/storage/ConnectionPool.h"

#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <vector>

namespace nb::services {

/// The first look of every bid at its auction (BiddingService::placeBid), shared: bids that
/// arrive on one auction while a look is under way wait for it to end and then go together in
/// the next one, a single statement for all of them (as group commit does for WAL flushes). On
/// a hot auction that turns thousands of refusals a second into a few hundred statements.
/// Thread-safe. A bid waits at most for the look under way and its own; the thread of the
/// first bid waiting makes the next look, so no thread looks for others for ever.
class BidGlances {
public:
    struct Outcome {
        std::optional<storage::auctions::AuctionRow> auction; // nothing: no such auction
        bool requestSeen = false;
    };

    explicit BidGlances(storage::ConnectionPool& pool);

    /// The auction's committed state and whether the user used the request_id before. Throws
    /// what the database read threw (storage::DatabaseUnavailable, pqxx errors).
    Outcome look(qint64 auctionId, qint64 userId, const QString& requestId);

private:
    struct Waiter {
        storage::auctions::BidKey key;
        std::optional<Outcome> outcome;
        std::exception_ptr failure;
        bool leads = false; // this bid's thread makes the next look
    };
    struct Queue {
        std::vector<Waiter*> waiting;
    };
    void lookFor(qint64 auctionId, const std::vector<Waiter*>& batch);

    storage::ConnectionPool& m_pool;
    std::mutex m_mutex;
    std::condition_variable m_done;
    std::unordered_map<qint64, Queue> m_queues; // an auction's queue exists while a look is under way
};

} // namespace nb::services
