#include "tests/bench/load/AuctionKnowledge.h"

#include "shared/BidIncrement.h"

#include <algorithm>

namespace nb::bench::load {

AuctionKnowledge::AuctionKnowledge(qint64 auctionId, Won startPrice, Won increment)
    : m_auctionId(auctionId)
    , m_startPrice(startPrice)
    , m_increment(increment > 0 ? std::optional<Won>(increment) : std::nullopt)
    , m_minimum(startPrice)
{}

void AuctionKnowledge::raiseMinimum(Won minimum)
{
    m_minimum = std::max(m_minimum, minimum);
}

void AuctionKnowledge::accepted(qint64 seq, Won currentPrice, bool leading)
{
    m_inFlight = false;
    raiseMinimum(minimumNextBid(m_startPrice, currentPrice, 1, m_increment));
    if (seq >= m_seq) {
        m_seq = seq;
        m_leads = leading;
    }
    // The outbid notice can overtake the answer of the bid that took the lead.
    if (m_leads && m_outbidsWhileInFlight > 0) {
        --m_outbidsWhileInFlight;
        outbid();
    }
    m_outbidsWhileInFlight = 0;
}

void AuctionKnowledge::refused(Won minAmount)
{
    m_inFlight = false;
    m_outbidsWhileInFlight = 0;
    raiseMinimum(minAmount);
}

void AuctionKnowledge::failed()
{
    m_inFlight = false;
    m_outbidsWhileInFlight = 0;
}

void AuctionKnowledge::outbid()
{
    if (!m_leads) {
        if (m_inFlight)
            ++m_outbidsWhileInFlight;
        return;
    }
    m_leads = false;
    // Whoever outbid us paid at least our known minimum, so the next one is one step above it.
    raiseMinimum(m_minimum + bidIncrementFor(m_minimum, m_increment));
}

void AuctionKnowledge::observed(qint64 seq, Won minNextBid, std::optional<qint64> highBidderId, qint64 me)
{
    raiseMinimum(minNextBid);
    if (seq > m_seq) {
        m_seq = seq;
        m_leads = highBidderId && *highBidderId == me;
    }
}

} // namespace nb::bench::load
