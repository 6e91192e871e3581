#include "server/services/BiddingService.h"

#include "server/services/AuctionGuards.h"
#include "server/services/BidRules.h"
#include "server/services/EventPayloads.h"
#include "server/services/TransactionScope.h"
#include "server/services/UserEvents.h"
#include "server/storage/IdempotencyStore.h"
#include "server/storage/LazyBeginTransaction.h"
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
std::optional<QJsonObject> answerOfClaim(const storage::idempotency::Claim& claim, const QString& requestId)
{
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

std::optional<QJsonObject> claimRequest(pqxx::work& tx, qint64 userId, const QString& requestId,
                                        const QString& operation, const QString& params)
{
    return answerOfClaim(storage::idempotency::claim(tx, userId, requestId, operation, params), requestId);
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
/// event), then extends a soft close, updating `after` and adding the events to `events` as it
/// goes. The steps take the ids drawn when the bid opened, in order. Returns the bidder's own
/// bid's id.
qint64 recordSteps(storage::StatementBatch& writes, const sa::AuctionRow& before, const BidDecision& decision,
                   const PartyRef& bidder, std::optional<Won> maxAmount, const std::vector<qint64>& bidIds,
                   sa::AuctionRow& after, std::vector<QJsonObject>& events)
{
    after.highBidderId = decision.leaderId;
    after.highMax = decision.leaderMax;
    qint64 bidderBidId = 0;
    for (std::size_t i = 0; i < decision.steps.size(); ++i) {
        const RecordedBid& step = decision.steps[i];
        const qint64 bidId = bidIds.at(i);
        if (step.bidderId == bidder.id && !step.isProxy)
            bidderBidId = bidId;
        sa::insertBid(writes, bidId, before.id, step.bidderId, step.amount,
                      step.isProxy ? std::nullopt : maxAmount, step.isProxy);
        after.bidCount += 1;
        after.currentPrice = step.amount;
        after.seq += 1;
        // A step is the bidder's own or the previous leader's proxy; each is stored at the
        // transaction's time.
        const PartyRef by =
            step.bidderId == bidder.id ? bidder : PartyRef{step.bidderId, before.highBidderName};
        events.push_back(payloads::auctionBid(after, step.amount, by, before.nowMs));
        storage::outbox::appendAuctionEvent(writes, before.id, after.seq, events.back());
    }
    after.currentPrice = decision.newPrice;

    // Soft close: a bid in the last soft_close_seconds moves the end to now + soft_close.
    const qint64 softCloseMs = qint64(before.softCloseSeconds) * 1000;
    if (softCloseMs > 0 && before.endsAtMs - before.nowMs < softCloseMs) {
        after.endsAtMs = before.nowMs + softCloseMs;
        after.seq += 1;
        events.push_back(payloads::auctionExtended(before.id, after.seq, after.endsAtMs));
        storage::outbox::appendAuctionEvent(writes, before.id, after.seq, events.back());
    }
    return bidderBidId;
}

/// Tells the outbid leader, a bidder whose bid a proxy answered at once, and the seller.
void notifyBidParties(storage::StatementBatch& writes, const sa::AuctionRow& before,
                      const sa::AuctionRow& after, qint64 bidderId, bool bidderLeads,
                      std::optional<qint64> outbidLeader)
{
    const qint64 auctionId = before.id;
    if (outbidLeader)
        notifyUser(writes, *outbidLeader, QStringLiteral("outbid"), auctionId,
                   QStringLiteral("You were outbid on \"%1\": the price is now %2 won.")
                       .arg(before.title)
                       .arg(after.currentPrice),
                   before.nowMs);
    if (!bidderLeads)
        notifyUser(writes, bidderId, QStringLiteral("outbid"), auctionId,
                   QStringLiteral("Another bidder's maximum on \"%1\" is higher: the price is now %2 won.")
                       .arg(before.title)
                       .arg(after.currentPrice),
                   before.nowMs);
    notifyUser(writes, before.sellerId, QStringLiteral("new_bid"), auctionId,
               QStringLiteral("New bid on \"%1\": %2 won.").arg(before.title).arg(after.currentPrice),
               before.nowMs);
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

std::optional<BiddingService::Admission> BiddingService::admit(qint64 bidderId, qint64 auctionId, Won amount,
                                                               std::optional<Won> maxAmount,
                                                               const QString& requestId, Admitted later)
{
    BidBoard::Verdict verdict;
    try {
        verdict = screen(bidderId, auctionId, amount, maxAmount, requestId);
    } catch (const ServiceError& e) {
        return Admission{e.error(), nullptr};
    }
    if (verdict.kind != BidBoard::Verdict::Kind::Plausible)
        return Admission{}; // the database's first look decides (placeBid)
    // The board knows the auction, so the bid goes to its lane.
    auto decide = [this, bidderId, auctionId, amount, maxAmount, requestId](AuctionLanes::Entry entry) {
        if (entry.turn)
            return Admission{std::nullopt, std::shared_ptr<AuctionLanes::Turn>(std::move(entry.turn))};
        if (auto refusal = laneRefusal(bidderId, auctionId, amount, maxAmount, requestId, entry.refusedBelow))
            return Admission{std::move(refusal), nullptr};
        return Admission{}; // placeBid asks the database whether it repeats an accepted bid
    };
    std::optional<AuctionLanes::Entry> entry =
        m_lanes.enter(auctionId, AuctionLanes::Entrant{bidderId, amount, maxAmount},
                      [decide, later = std::move(later)](AuctionLanes::Entry moved) mutable {
                          later(decide(std::move(moved)));
                      });
    if (!entry)
        return std::nullopt;
    return decide(std::move(*entry));
}

BidResult BiddingService::placeBid(qint64 bidderId, qint64 auctionId, Won amount,
                                   std::optional<Won> maxAmount, const QString& requestId,
                                   std::shared_ptr<AuctionLanes::Turn> turn,
                                   std::vector<QJsonObject>* committedEvents)
{
    if (!turn) {
        const BidBoard::Verdict verdict = screen(bidderId, auctionId, amount, maxAmount, requestId);
        // Otherwise one statement outside any transaction tells the committed state and whether
        // the request_id was used before.
        bool repeat = false;
        if (verdict.kind == BidBoard::Verdict::Kind::Unknown)
            repeat = refuseIfCertainlyTooLow(bidderId, auctionId, amount, maxAmount, requestId, std::nullopt);
        // A new request waits for its turn in the auction's lane, holding no connection; a
        // repeat goes straight to its first answer.
        if (!repeat) {
            AuctionLanes::Entry entry =
                m_lanes.enterAndWait(auctionId, AuctionLanes::Entrant{bidderId, amount, maxAmount});
            if (!entry.turn) {
                if (const auto refusal =
                        laneRefusal(bidderId, auctionId, amount, maxAmount, requestId, entry.refusedBelow))
                    fail(refusal->code, refusal->message, refusal->details);
                refuseIfCertainlyTooLow(bidderId, auctionId, amount, maxAmount, requestId,
                                        entry.refusedBelow);
            }
            turn = std::move(entry.turn);
        }
    }
    const QString params = QStringLiteral("%1:%2:%3").arg(auctionId).arg(amount).arg(maxAmount.value_or(0));

    LaneNews news;
    try {
        // Its BEGIN goes with its first statement: on a hot auction, each round trip before the
        // lock is time the lock is idle.
        BidResult result = transact<storage::LazyBeginTransaction>(m_pool, "place bid", [&](auto& tx) {
            news = LaneNews{};
            return placeBidInTransaction(tx, news, bidderId, auctionId, amount, maxAmount, requestId, params);
        });
        if (news.committed) {
            if (committedEvents)
                *committedEvents = std::move(news.events);
            // The board first: the bids the lane refuses next ask it whether they repeat this one.
            m_board.committedBid(*news.underLock, *news.committed, bidderId, requestId);
            if (turn)
                turn->learn(*news.committed);
            m_listingChanges.summariesChanged();
        }
        return result;
    } catch (const ServiceError&) {
        if (news.underLock) {
            if (turn)
                turn->learn(*news.underLock); // nothing of this bid committed
            m_board.sawCommitted(*news.underLock);
        }
        throw;
    }
}

bool BiddingService::refuseIfCertainlyTooLow(qint64 bidderId, qint64 auctionId, Won amount,
                                             std::optional<Won> maxAmount, const QString& requestId,
                                             std::optional<Won> floor)
{
    const BidGlances::Outcome committed =
        detail::mapFailures("place bid", [&] { return m_glances.look(auctionId, bidderId, requestId); });
    if (committed.auction)
        m_board.sawCommitted(*committed.auction);
    if (committed.requestSeen)
        return true;
    std::optional<Won> minimum = floor;
    if (committed.auction)
        if (const auto seen = certainlyTooLow(*committed.auction, bidderId, amount, maxAmount))
            minimum = std::max(minimum.value_or(0), *seen);
    if (minimum)
        refuseTooLow(*minimum);
    return false;
}

std::optional<ApiError> BiddingService::laneRefusal(qint64 bidderId, qint64 auctionId, Won amount,
                                                    std::optional<Won> maxAmount, const QString& requestId,
                                                    Won minimum) const
{
    // The lane saw a state committed after the bid arrived in which the bid is certainly too low.
    // A request accepted before gets its first answer instead. The board knows every request
    // accepted on an auction whose bids all went through this instance (it records each before
    // the lane moves on); otherwise only the database can tell. Either way the refusal is sound:
    // the same request still in flight elsewhere is as low as this one, so it cannot be
    // accepted after the state that refused this one.
    const BidBoard::Verdict verdict = m_board.judge(auctionId, bidderId, amount, maxAmount, requestId);
    if (verdict.kind == BidBoard::Verdict::Kind::Unknown)
        return std::nullopt;
    return tooLow(std::max(minimum, verdict.minimum));
}

BidResult BiddingService::placeBidInTransaction(pqxx::transaction_base& tx, LaneNews& news, qint64 bidderId,
                                                qint64 auctionId, Won amount, std::optional<Won> maxAmount,
                                                const QString& requestId, const QString& params)
{
    // One round trip claims the request_id, reads the bidder's name, takes the auction's row lock
    // and draws the ids of the bids it may record: on a hot auction, what a bid does before it
    // holds the lock is time the lock is idle.
    const sa::BidOpening opening = sa::openBid(tx, auctionId, bidderId, requestId, QStringLiteral("bid"),
                                               params, BidDecision::kMaxSteps);
    if (const auto replay = answerOfClaim(opening.claim, requestId))
        return fromJson<BidResult>(*replay).value();
    const QString& bidderName = opening.bidderName;
    const sa::AuctionRow before = requireBiddable(opening.auction, bidderId);
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

    // The decision is made: every write from here on needs no answer, so all of them reach the
    // database in one round trip (writes.send()) while the bid holds the auction's lock.
    storage::StatementBatch writes(tx);
    if (toLock > 0)
        wallets[bidderId] =
            sw::apply(writes, bidderId, wallets[bidderId], LedgerKind::Lock, toLock, auctionId);
    const bool leaderChanged = previousLeader && *previousLeader != decision.leaderId;
    if (leaderChanged)
        wallets[*previousLeader] = sw::apply(writes, *previousLeader, wallets[*previousLeader],
                                             LedgerKind::Unlock, previousHold, auctionId);
    sa::AuctionRow after = before;
    const qint64 bidderBidId = recordSteps(writes, before, decision, PartyRef{bidderId, bidderName},
                                           maxAmount, opening.bidIds, after, news.events);
    sa::updateAfterBid(writes, after); // and the leader's hold

    pushWallet(writes, bidderId, wallets[bidderId]);
    if (leaderChanged)
        pushWallet(writes, *previousLeader, wallets[*previousLeader]);
    notifyBidParties(writes, before, after, bidderId, decision.bidderLeads,
                     leaderChanged ? previousLeader : std::nullopt);

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
    storage::idempotency::complete(writes, bidderId, requestId, toJson(result));
    writes.send();
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
