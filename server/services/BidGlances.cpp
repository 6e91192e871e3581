#include "server/services/BidGlances.h"

#include "server/storage/Transaction.h"

namespace nb::services {

BidGlances::BidGlances(storage::ConnectionPool& pool)
    : m_pool(pool)
{}

BidGlances::Outcome BidGlances::look(qint64 auctionId, qint64 userId, const QString& requestId)
{
    Waiter me{{userId, requestId}, std::nullopt, nullptr};
    std::unique_lock lock(m_mutex);
    const auto [it, first] = m_queues.try_emplace(auctionId);
    it->second.waiting.push_back(&me);
    if (first)
        me.leads = true;
    else
        m_done.wait(lock, [&] { return me.outcome || me.failure || me.leads; });
    if (me.leads) {
        // One look for every bid waiting now, this one among them; then the first to arrive
        // meanwhile makes the next one.
        Queue& queue = m_queues.at(auctionId);
        std::vector<Waiter*> batch;
        batch.swap(queue.waiting);
        lock.unlock();
        lookFor(auctionId, batch);
        lock.lock();
        Queue& after = m_queues.at(auctionId);
        if (after.waiting.empty())
            m_queues.erase(auctionId);
        else
            after.waiting.front()->leads = true;
        m_done.notify_all();
    }
    if (me.failure)
        std::rethrow_exception(me.failure);
    return *me.outcome;
}

void BidGlances::lookFor(qint64 auctionId, const std::vector<Waiter*>& batch)
{
    try {
        std::vector<storage::auctions::BidKey> keys;
        keys.reserve(batch.size());
        for (const Waiter* w : batch)
            keys.push_back(w->key);
        const auto glance = storage::withoutTransaction(m_pool, [&](pqxx::nontransaction& tx) {
            return storage::auctions::glanceForBids(tx, auctionId, keys);
        });
        std::lock_guard lock(m_mutex);
        for (std::size_t i = 0; i < batch.size(); ++i)
            batch[i]->outcome = glance ? Outcome{glance->auction, glance->requestSeen[i]} : Outcome{};
    } catch (...) {
        const std::exception_ptr failure = std::current_exception();
        std::lock_guard lock(m_mutex);
        for (Waiter* w : batch)
            w->failure = failure;
    }
}

} // namespace nb::services
