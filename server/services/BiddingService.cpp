#include "server/services/BiddingService.h"

#include "server/services/AuctionGuards.h"
#include "server/services/BidRules.h"
#include "server/services/EventPayloads.h"
#include "server/services/TransactionScope.h"
#include "server/services/UserEvents.h"
#include "server/storage/IdempotencyStore.h"
#include "server/storage/OutboxStore.h"
#include "server/storage/WalletStore.h"
#include "shared/protocol/Json.h"

#include <QTimeZone>

namespace nb::services {

namespace sa = storage::auctions;
namespace sw = storage::wallets;

namespace {

QDateTime fromMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

/// Returns the stored first answer of a replayed request, refuses a mismatched one, and
/// returns nothing for a new one.
std::optional<QJsonObject> claimRequest(pqxx::work& tx, qint64 userId, const QString& requestId,
                                        const QString& operation, const QString& params)
{
    const auto claim = storage::idempotency::claim(tx, userId, requestId, operation, params);
    switch (claim.state) {
    case storage::idempotency::Claim::State::New:
        return std::nullopt;
    case storage::idempotency::Claim::State::Replay:
        return claim.response;
    case storage::idempotency::Claim::State::NoSuchUser:
        fail(ErrorCode::NotFound, QStringLiteral("There is no such user."));
    case storage::idempotency::Claim::State::Mismatch:
        break;
    }
    fail(ErrorCode::IdempotencyMismatch,
         QStringLiteral("This request_id was already used for a different request."),
         QJsonObject{{"request_id", requestId}});
}

void requireFunds(const Wallet& wallet, Won needed)
{
    if (wallet.balance < needed)
        fail(ErrorCode::InsufficientFunds,
             QStringLiteral("You need %1 won available for this, but have %2 won.")
                 .arg(needed)
                 .arg(wallet.balance),
             QJsonObject{{"available", wallet.balance}, {"required", needed}});
}

/// Records each step of the decision as a bid and an event (the auction's seq grows by one per
/// event), then extends a soft close, updating `after` as it goes. Returns the bidder's own bid id.
qint64 recordSteps(pqxx::work& tx, const sa::AuctionRow& before, const BidDecision& decision,
                   const PartyRef& bidder, std::optional<Won> maxAmount, sa::AuctionRow& after)
{
    after.highBidderId = decision.leaderId;
    after.highMax = decision.leaderMax;
    qint64 bidderBidId = 0;
    for (const RecordedBid& step : decision.steps) {
        const auto [bidId, atMs] = sa::insertBid(tx, before.id, step.bidderId, step.amount,
                                                 step.isProxy ? std::nullopt : maxAmount, step.isProxy);
        if (step.bidderId == bidder.id && !step.isProxy)
            bidderBidId = bidId;
        after.bidCount += 1;
        after.currentPrice = step.amount;
        after.seq += 1;
        // A step is the bidder's own or the previous leader's proxy.
        const PartyRef by =
            step.bidderId == bidder.id ? bidder : PartyRef{step.bidderId, before.highBidderName};
        storage::outbox::appendAuctionEvent(tx, before.id, after.seq,
                                            payloads::auctionBid(after, step.amount, by, atMs));
    }
    after.currentPrice = decision.newPrice;

    // Soft close: a bid in the last soft_close_seconds moves the end to now + soft_close.
    const qint64 softCloseMs = qint64(before.softCloseSeconds) * 1000;
    if (softCloseMs > 0 && before.endsAtMs - before.nowMs < softCloseMs) {
        after.endsAtMs = before.nowMs + softCloseMs;
        after.seq += 1;
        storage::outbox::appendAuctionEvent(tx, before.id, after.seq,
                                            payloads::auctionExtended(before.id, after.seq, after.endsAtMs));
    }
    return bidderBidId;
}

/// Tells the outbid leader, a bidder whose bid a proxy answered at once, and the seller.
void notifyBidParties(pqxx::work& tx, UserPushes& pushes, const sa::AuctionRow& before,
                      const sa::AuctionRow& after, qint64 bidderId, bool bidderLeads,
                      std::optional<qint64> outbidLeader)
{
    const qint64 auctionId = before.id;
    if (outbidLeader)
        pushes.notify(tx, *outbidLeader, QStringLiteral("outbid"), auctionId,
                      QStringLiteral("You were outbid on \"%1\": the price is now %2 won.")
                          .arg(before.title)
                          .arg(after.currentPrice));
    if (!bidderLeads)
        pushes.notify(tx, bidderId, QStringLiteral("outbid"), auctionId,
                      QStringLiteral("Another bidder's maximum on \"%1\" is higher: the price is now %2 won.")
                          .arg(before.title)
                          .arg(after.currentPrice));
    pushes.notify(tx, before.sellerId, QStringLiteral("new_bid"), auctionId,
                  QStringLiteral("New bid on \"%1\": %2 won.").arg(before.title).arg(after.currentPrice));
}

} // namespace

BiddingService::BiddingService(storage::ConnectionPool& pool, ListingChanges listingChanges)
    : m_pool(pool)
    , m_listingChanges(listingChanges)
    , m_glances(pool)
{}

BidBoard::Verdict BiddingService::screen(qint64 bidderId, qint64 auctionId, Won amount,
                                         std::optional<Won> maxAmount, const QString& requestId) const
{
    requireRequestId(requestId);
    requireAmount(amount, "amount");
    if (maxAmount)
        requireAmount(*maxAmount, "max_amount");
    // A bid below the last committed minimum is certainly too low, since prices only rise
    // (unless it repeats an accepted request: that gets its first answer). This instance's board
    // knows when it saw every accepted bid of the auction: then no database at all.
    const BidBoard::Verdict verdict = m_board.judge(auctionId, bidderId, amount, maxAmount, requestId);
    if (verdict.kind == BidBoard::Verdict::Kind::TooLow)
        refuseTooLow(verdict.minimum);
    return verdict;
}

std::optional<ApiError> BiddingService::refusalAtOnce(qint64 bidderId, qint64 auctionId, Won amount,
                                                      std::optional<Won> maxAmount,
                                                      const QString& requestId) const
{
    try {
        screen(bidderId, auctionId, amount, maxAmount, requestId);
    } catch (const ServiceError& e) {
        return e.error();
    }
    return std::nullopt;
}

BidResult BiddingService::placeBid(qint64 bidderId, qint64 auctionId, Won amount,
                                   std::optional<Won> maxAmount, const QString& requestId)
{
    const BidBoard::Verdict verdict = screen(bidderId, auctionId, amount, maxAmount, requestId);
    const QString params = QStringLiteral("%1:%2:%3").arg(auctionId).arg(amount).arg(maxAmount.value_or(0));

    // Otherwise one statement outside any transaction tells the committed state and whether the
    // request_id was used before.
    if (verdict.kind == BidBoard::Verdict::Kind::Unknown) {
        const BidGlances::Outcome committed =
            detail::mapFailures("place bid", [&] { return m_glances.look(auctionId, bidderId, requestId); });
        if (committed.auction)
            m_board.sawCommitted(*committed.auction);
        if (committed.auction && !committed.requestSeen)
            if (const auto minimum = certainlyTooLow(*committed.auction, bidderId, amount, maxAmount))
                refuseTooLow(*minimum);
    }

    // Entered inside the transaction, once the request is claimed, and held until it committed,
    // so that what this bid commits is known to the next one in the lane.
    std::optional<AuctionLanes::Turn> turn;
    LaneNews news;
    try {
        BidResult result = transact(m_pool, "place bid", [&](pqxx::work& tx) {
            news = LaneNews{};
            return placeBidInTransaction(tx, turn, news, bidderId, auctionId, amount, maxAmount, requestId,
                                         params);
        });
        if (turn && news.committed) {
            turn->learn(*news.committed);
            m_board.committedBid(*news.underLock, *news.committed, bidderId, requestId);
            m_listingChanges.summariesChanged();
        }
        return result;
    } catch (const ServiceError&) {
        if (turn && news.underLock) {
            turn->learn(*news.underLock); // nothing of this bid committed
            m_board.sawCommitted(*news.underLock);
        }
        throw;
    }
}

BidResult BiddingService::placeBidInTransaction(pqxx::work& tx, std::optional<AuctionLanes::Turn>& turn,
                                                LaneNews& news, qint64 bidderId, qint64 auctionId, Won amount,
                                                std::optional<Won> maxAmount, const QString& requestId,
                                                const QString& params)
{
    // Before the lane, side by side with the bid in it: the claim and the bidder's name.
    if (const auto replay = claimRequest(tx, bidderId, requestId, QStringLiteral("bid"), params))
        return fromJson<BidResult>(*replay).value();
    const QString bidderName = sa::displayName(tx, bidderId);

    if (!turn)
        turn.emplace(m_lanes, auctionId);
    // The request is new (claimed above), so a refusal here cannot hide an earlier answer.
    if (const auto known = turn->known())
        if (const auto minimum = certainlyTooLow(*known, bidderId, amount, maxAmount))
            refuseTooLow(*minimum);
    const sa::AuctionRow before = requireBiddable(sa::lock(tx, auctionId), bidderId);
    news.underLock = before;
    const BidDecision decision = decideBid(before, bidderId, amount, maxAmount);

    const std::optional<qint64> previousLeader = before.highBidderId;
    const Won previousHold = before.highMax.value_or(0);
    std::vector<qint64> walletIds{bidderId};
    if (previousLeader)
        walletIds.push_back(*previousLeader);
    auto wallets = sw::lock(tx, walletIds);
    if (!wallets.count(bidderId))
        fail(ErrorCode::NotFound, QStringLiteral("Your account has no wallet."));

    // What the bidder must newly lock: their whole commitment, or only the difference when
    // the leader raises. A bidder outbid at once by a proxy still has to be able to hold it.
    const bool wasLeader = previousLeader && *previousLeader == bidderId;
    const Won toLock = decision.bidderLeads ? decision.leaderMax - (wasLeader ? previousHold : 0) : 0;
    requireFunds(wallets[bidderId], decision.bidderLeads ? toLock : decision.bidderCommitment);

    if (toLock > 0)
        wallets[bidderId] = sw::apply(tx, bidderId, LedgerKind::Lock, toLock, auctionId);
    const bool leaderChanged = previousLeader && *previousLeader != decision.leaderId;
    if (leaderChanged)
        wallets[*previousLeader] =
            sw::apply(tx, *previousLeader, LedgerKind::Unlock, previousHold, auctionId);
    sa::AuctionRow after = before;
    const qint64 bidderBidId =
        recordSteps(tx, before, decision, PartyRef{bidderId, bidderName}, maxAmount, after);
    sa::updateAfterBid(tx, after); // and the leader's hold

    UserPushes pushes;
    pushes.wallet(bidderId, wallets[bidderId]);
    if (leaderChanged)
        pushes.wallet(*previousLeader, wallets[*previousLeader]);
    notifyBidParties(tx, pushes, before, after, bidderId, decision.bidderLeads,
                     leaderChanged ? previousLeader : std::nullopt);
    pushes.queue(tx);

    BidResult result;
    result.bidId = bidderBidId;
    result.auctionId = auctionId;
    result.acceptedAmount = decision.bidderLeads ? decision.newPrice : decision.bidderCommitment;
    result.currentPrice = after.currentPrice;
    result.leading = decision.bidderLeads;
    result.highBidderId = decision.leaderId;
    result.endsAt = fromMs(after.endsAtMs);
    result.seq = after.seq;
    result.wallet = wallets[bidderId];
    storage::idempotency::complete(tx, bidderId, requestId, toJson(result));
    news.committed = after;
    return result;
}

AuctionDetail BiddingService::buyNow(qint64 buyerId, qint64 auctionId, const QString& requestId)
{
    requireRequestId(requestId);
    const QString params = QString::number(auctionId);

    AuctionDetail bought = transact(m_pool, "buy now", [&](pqxx::work& tx) -> AuctionDetail {
        if (claimRequest(tx, buyerId, requestId, QStringLiteral("buy_now"), params)) {
            // The purchase happened; answer with the auction as it is now.
            if (auto d = sa::detail(tx, auctionId, buyerId))
                return *d;
            fail(ErrorCode::NotFound, QStringLiteral("There is no such auction."));
        }

        const sa::AuctionRow a = requireBiddable(sa::lock(tx, auctionId), buyerId);
        if (!a.buyNowPrice)
            fail(ErrorCode::BuyNowUnavailable, QStringLiteral("This auction has no buy-now price."));
        // Buy-now lapses with the first bid, or, with a reserve, once a bid meets it.
        const bool lapsed = a.reservePrice ? reserveMet(a) : a.bidCount > 0;
        if (lapsed)
            fail(ErrorCode::BuyNowUnavailable,
                 QStringLiteral("Buy-now is no longer available: bidding has begun."));
        const Won price = *a.buyNowPrice;

        const auto previousHold = sa::hold(tx, auctionId);
        std::vector<qint64> walletIds{buyerId, a.sellerId};
        if (previousHold)
            walletIds.push_back(previousHold->userId);
        auto wallets = sw::lock(tx, walletIds);
        if (!wallets.count(buyerId) || !wallets.count(a.sellerId))
            fail(ErrorCode::NotFound, QStringLiteral("The buyer or the seller has no wallet."));

        // A leader below the reserve gets their hold back before the buyer pays.
        if (previousHold) {
            wallets[previousHold->userId] =
                sw::apply(tx, previousHold->userId, LedgerKind::Unlock, previousHold->amount, auctionId);
            sa::dropHold(tx, auctionId);
        }
        requireFunds(wallets[buyerId], price);
        wallets[buyerId] = sw::apply(tx, buyerId, LedgerKind::BuyNowPay, price, auctionId);
        wallets[a.sellerId] = sw::apply(tx, a.sellerId, LedgerKind::SettleReceive, price, auctionId);

        const qint64 seq = a.seq + 1;
        const PartyRef buyer{buyerId, sa::displayName(tx, buyerId)};
        sa::markEnded(tx, auctionId, EndReason::BuyNow, buyerId, price, seq);
        storage::outbox::appendAuctionEvent(
            tx, auctionId, seq,
            payloads::auctionEnded(auctionId, seq, EndReason::BuyNow, buyer, price, true));
        for (const auto& [userId, wallet] : wallets)
            pushWallet(tx, userId, wallet);
        if (previousHold && previousHold->userId != buyerId)
            notifyUser(tx, previousHold->userId, QStringLiteral("outbid"), auctionId,
                       QStringLiteral("\"%1\" was bought now by another buyer; your hold was released.")
                           .arg(a.title));
        notifyUser(tx, buyerId, QStringLiteral("won"), auctionId,
                   QStringLiteral("You bought \"%1\" for %2 won.").arg(a.title).arg(price));
        notifyUser(tx, a.sellerId, QStringLiteral("sold"), auctionId,
                   QStringLiteral("\"%1\" sold for %2 won (buy now).").arg(a.title).arg(price));

        AuctionDetail detail = sa::detail(tx, auctionId, buyerId).value();
        storage::idempotency::complete(tx, buyerId, requestId, QJsonObject{{"auction_id", auctionId}});
        return detail;
    });
    m_listingChanges.auctionsChanged();
    return bought;
}

} // namespace nb::services
