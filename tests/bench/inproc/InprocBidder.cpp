#include "tests/bench/inproc/InprocBidder.h"

#include "server/services/ServiceError.h"
#include "shared/BidIncrement.h"

#include <algorithm>
#include <exception>

namespace nb::bench {

namespace {

double millisecondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

std::optional<Won> sellerIncrement(const BidAuction& auction)
{
    return auction.increment > 0 ? std::optional<Won>(auction.increment) : std::nullopt;
}

} // namespace

InprocBidder::InprocBidder(services::BiddingService& bidding, LeaderBoard& board,
                           const QList<BidAuction>& auctions, Setup setup)
    : m_bidding(bidding)
    , m_board(board)
    , m_auctions(auctions)
    , m_setup(std::move(setup))
    , m_random(m_setup.seed)
{}

void InprocBidder::run(std::chrono::steady_clock::time_point deadline)
{
    const qint64 me = m_setup.bidder.userId;
    while (std::chrono::steady_clock::now() < deadline) {
        const BidAuction& auction = chooseAuction();
        Knowledge& known = knowledgeOf(auction);
        const LeaderBoard::State now = m_board.current(auction.id);
        if (now.leaderId == me) {
            // Spread: another auction is a draw away. Hot (or a single auction): wait until
            // someone else's accepted bid takes the lead.
            if (m_setup.hot || m_auctions.size() == 1)
                m_board.waitWhileLeader(auction.id, me, deadline);
            continue;
        }
        if (known.leads) {
            // Outbid: whoever did it paid at least our known minimum, so one step above it.
            known.leads = false;
            known.minimum += bidIncrementFor(known.minimum, sellerIncrement(auction));
        }
        if (m_setup.watch)
            observe(known, now);
        bid(auction, known);
    }
}

const BidAuction& InprocBidder::chooseAuction()
{
    if (m_setup.hot)
        return m_auctions.first();
    std::uniform_int_distribution<qsizetype> pick(0, m_auctions.size() - 1);
    return m_auctions.at(pick(m_random));
}

InprocBidder::Knowledge& InprocBidder::knowledgeOf(const BidAuction& auction)
{
    auto it = m_known.find(auction.id);
    if (it == m_known.end()) {
        Knowledge primed;
        primed.minimum = auction.startPrice;
        observe(primed, m_board.initial(auction.id));
        it = m_known.insert(auction.id, primed);
    }
    return it.value();
}

void InprocBidder::observe(Knowledge& known, const LeaderBoard::State& state) const
{
    known.minimum = std::max(known.minimum, state.minNextBid);
    if (state.seq > known.seq) {
        known.seq = state.seq;
        known.leads = state.leaderId == m_setup.bidder.userId;
    }
}

void InprocBidder::bid(const BidAuction& auction, Knowledge& known)
{
    const QString requestId = m_setup.requestPrefix + QString::number(++m_requests);
    const auto sent = std::chrono::steady_clock::now();
    try {
        const BidResult result =
            m_bidding.placeBid(m_setup.bidder.userId, auction.id, known.minimum, std::nullopt, requestId);
        m_tally.ackMs.add(millisecondsSince(sent));
        ++m_tally.accepted;
        const Won next = minimumNextBid(auction.startPrice, result.currentPrice, 1, sellerIncrement(auction));
        known.minimum = std::max(known.minimum, next);
        if (result.seq >= known.seq) {
            known.seq = result.seq;
            known.leads = result.leading;
        }
        m_board.record(auction.id, LeaderBoard::State{result.seq, result.highBidderId.value_or(0), next});
    } catch (const services::ServiceError& e) {
        m_tally.ackMs.add(millisecondsSince(sent));
        ++m_tally.refused;
        m_tally.errors.add(errorCodeName(e.code()));
        if (e.code() == ErrorCode::BidTooLow)
            known.minimum =
                std::max(known.minimum, e.error().details.value(QStringLiteral("min_amount")).toInteger());
        else
            ++m_tally.unexpected;
    } catch (const std::exception&) {
        m_tally.ackMs.add(millisecondsSince(sent));
        ++m_tally.refused;
        ++m_tally.unexpected;
        m_tally.errors.add(QStringLiteral("exception"));
    }
}

} // namespace nb::bench
