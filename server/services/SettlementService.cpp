#include "server/services/SettlementService.h"

#include "server/services/AuctionGuards.h"
#include "server/services/EventPayloads.h"
#include "server/services/TransactionScope.h"
#include "server/services/UserEvents.h"
#include "server/storage/OutboxStore.h"
#include "server/storage/WalletStore.h"

namespace nb::services {

namespace sa = storage::auctions;
namespace sw = storage::wallets;

SettlementService::SettlementService(storage::ConnectionPool& pool, ListingChanges listingChanges)
    : m_pool(pool)
    , m_listingChanges(listingChanges)
{}

int SettlementService::startDue(int limit)
{
    const auto due =
        transact(m_pool, "find auctions to start", [&](pqxx::work& tx) { return sa::dueToStart(tx, limit); });
    int started = 0;
    for (const qint64 id : due)
        started += startOne(id) ? 1 : 0;
    return started;
}

int SettlementService::settleDue(int limit)
{
    const auto due =
        transact(m_pool, "find auctions to end", [&](pqxx::work& tx) { return sa::dueToEnd(tx, limit); });
    int settled = 0;
    for (const qint64 id : due)
        settled += settleOne(id, false) ? 1 : 0;
    return settled;
}

bool SettlementService::startOne(qint64 auctionId)
{
    const bool started = transact(m_pool, "start auction", [&](pqxx::work& tx) {
        const auto a = sa::tryLock(tx, auctionId);
        if (!a || a->status != AuctionStatus::Scheduled || a->startsAtMs > a->nowMs)
            return false; // another instance has it, or it changed
        const qint64 seq = a->seq + 1;
        sa::markStarted(tx, auctionId, seq);
        storage::outbox::appendAuctionEvent(tx, auctionId, seq, payloads::auctionStarted(auctionId, seq));
        return true;
    });
    if (started)
        m_listingChanges.auctionsChanged();
    return started;
}

bool SettlementService::settleOne(qint64 auctionId, bool force)
{
    const bool settled = transact(m_pool, "settle auction", [&](pqxx::work& tx) {
        const auto row = force ? sa::lock(tx, auctionId) : sa::tryLock(tx, auctionId);
        if (!row)
            return false;
        const sa::AuctionRow& a = *row;
        if (a.status != AuctionStatus::Active || (!force && a.endsAtMs > a.nowMs))
            return false; // settled already (here or by another instance), or extended meanwhile

        const auto hold = sa::hold(tx, auctionId);
        const bool sold = a.highBidderId && reserveMet(a);
        std::vector<qint64> walletIds{a.sellerId};
        if (hold)
            walletIds.push_back(hold->userId);
        auto wallets = sw::lock(tx, walletIds);

        std::optional<PartyRef> winner;
        std::optional<Won> finalPrice;
        if (sold) {
            const qint64 winnerId = *a.highBidderId;
            const Won price = a.currentPrice;
            const Won held = hold ? hold->amount : 0;
            if (!hold || hold->userId != winnerId || held < price)
                throw std::logic_error("settlement found a hold that does not cover the winning bid");
            wallets[winnerId] = sw::apply(tx, winnerId, LedgerKind::SettlePay, price, auctionId);
            if (held > price) // a proxy maximum above the final price comes back
                wallets[winnerId] = sw::apply(tx, winnerId, LedgerKind::Unlock, held - price, auctionId);
            wallets[a.sellerId] = sw::apply(tx, a.sellerId, LedgerKind::SettleReceive, price, auctionId);
            winner = PartyRef{winnerId, sa::displayName(tx, winnerId)};
            finalPrice = price;
        } else if (hold) {
            wallets[hold->userId] = sw::apply(tx, hold->userId, LedgerKind::Unlock, hold->amount, auctionId);
        }
        if (hold)
            sa::dropHold(tx, auctionId);

        const qint64 seq = a.seq + 1;
        sa::markEnded(tx, auctionId, EndReason::Time,
                      winner ? std::optional<qint64>(winner->id) : std::nullopt, finalPrice, seq);
        storage::outbox::appendAuctionEvent(
            tx, auctionId, seq,
            payloads::auctionEnded(auctionId, seq, EndReason::Time, winner, finalPrice, reserveMet(a)));
        for (const auto& [userId, wallet] : wallets) {
            if (userId != a.sellerId || sold)
                pushWallet(tx, userId, wallet);
        }
        if (winner) {
            notifyUser(tx, winner->id, QStringLiteral("won"), auctionId,
                       QStringLiteral("You won \"%1\" for %2 won.").arg(a.title).arg(*finalPrice));
            notifyUser(tx, a.sellerId, QStringLiteral("sold"), auctionId,
                       QStringLiteral("\"%1\" sold to %2 for %3 won.")
                           .arg(a.title, winner->displayName)
                           .arg(*finalPrice));
        } else {
            if (hold)
                notifyUser(tx, hold->userId, QStringLiteral("ended_unsold"), auctionId,
                           QStringLiteral("\"%1\" ended below the reserve price; your hold was released.")
                               .arg(a.title));
            notifyUser(
                tx, a.sellerId, QStringLiteral("ended_unsold"), auctionId,
                a.highBidderId
                    ? QStringLiteral("\"%1\" ended below your reserve price and did not sell.").arg(a.title)
                    : QStringLiteral("\"%1\" ended without bids.").arg(a.title));
        }
        return true;
    });
    if (settled)
        m_listingChanges.auctionsChanged();
    return settled;
}

void SettlementService::closeNow(qint64 auctionId)
{
    const auto status = transact(m_pool, "read auction", [&](pqxx::work& tx) {
        const auto d = sa::detail(tx, auctionId, std::nullopt);
        return d ? std::optional<AuctionStatus>(d->summary.status) : std::nullopt;
    });
    if (!status)
        fail(ErrorCode::NotFound, QStringLiteral("There is no auction %1.").arg(auctionId));
    if (*status != AuctionStatus::Active)
        fail(ErrorCode::Conflict, QStringLiteral("Auction %1 is not active.").arg(auctionId));
    if (!settleOne(auctionId, true))
        fail(ErrorCode::Conflict, QStringLiteral("Auction %1 ended meanwhile.").arg(auctionId));
}

void SettlementService::cancel(qint64 auctionId, std::optional<qint64> sellerId, bool asOperator)
{
    transact(m_pool, "cancel auction", [&](pqxx::work& tx) {
        const auto row = sa::lock(tx, auctionId);
        if (!row)
            fail(ErrorCode::NotFound, QStringLiteral("There is no such auction."));
        const sa::AuctionRow& a = *row;
        if (!asOperator && (!sellerId || *sellerId != a.sellerId))
            fail(ErrorCode::Forbidden, QStringLiteral("Only the seller can cancel this auction."));
        if (a.status == AuctionStatus::Ended || a.status == AuctionStatus::Cancelled)
            fail(ErrorCode::Conflict, QStringLiteral("This auction has already ended."));
        if (a.bidCount > 0 && !asOperator)
            fail(ErrorCode::Conflict, QStringLiteral("An auction with bids cannot be cancelled."),
                 QJsonObject{{"bid_count", a.bidCount}});

        const auto hold = sa::hold(tx, auctionId);
        if (hold) {
            const Wallet w = [&] {
                sw::lock(tx, {hold->userId});
                return sw::apply(tx, hold->userId, LedgerKind::Unlock, hold->amount, auctionId);
            }();
            sa::dropHold(tx, auctionId);
            pushWallet(tx, hold->userId, w);
            notifyUser(tx, hold->userId, QStringLiteral("ended_unsold"), auctionId,
                       QStringLiteral("\"%1\" was cancelled; your hold was released.").arg(a.title));
        }
        const qint64 seq = a.seq + 1;
        sa::markEnded(tx, auctionId, EndReason::Cancelled, std::nullopt, std::nullopt, seq);
        storage::outbox::appendAuctionEvent(tx, auctionId, seq,
                                            payloads::auctionEnded(auctionId, seq, EndReason::Cancelled,
                                                                   std::nullopt, std::nullopt,
                                                                   reserveMet(a)));
    });
    m_listingChanges.auctionsChanged();
}

} // namespace nb::services
