#pragma once

#include "shared/Money.h"

#include <QtGlobal>

#include <optional>

namespace nb::bench::load {

/// What one bidder knows of one auction: the minimum next bid as far as it has learnt, whether
/// it leads, and whether a bid is in flight. Prices only rise, so every lesson can only raise
/// the known minimum; a lesson older (by seq) than what is known cannot change who leads.
class AuctionKnowledge {
public:
    AuctionKnowledge(qint64 auctionId, Won startPrice, Won increment);

    qint64 auctionId() const { return m_auctionId; }
    Won nextBid() const { return m_minimum; }
    bool leads() const { return m_leads; }
    bool inFlight() const { return m_inFlight; }
    bool canBid() const { return !m_leads && !m_inFlight; }

    void sent() { m_inFlight = true; }
    /// Our bid was accepted: the price is now `currentPrice` as of `seq`.
    void accepted(qint64 seq, Won currentPrice, bool leading);
    /// bid_too_low: the server told us the minimum.
    void refused(Won minAmount);
    /// Any other answer: the bid is over, nothing learnt.
    void failed();
    /// The `outbid` notification: someone bid at least our known minimum since we took the lead.
    void outbid();
    /// A subscription told us the state as of `seq` (snapshot or auction.bid event).
    void observed(qint64 seq, Won minNextBid, std::optional<qint64> highBidderId, qint64 me);

private:
    void raiseMinimum(Won minimum);

    const qint64 m_auctionId;
    const Won m_startPrice;
    const std::optional<Won> m_increment;
    Won m_minimum;
    qint64 m_seq = 0;
    bool m_leads = false;
    bool m_inFlight = false;
    int m_outbidsWhileInFlight = 0;
};

} // namespace nb::bench::load
