#pragma once

#include "tests/bench/common/BenchFiles.h"
#include "tests/bench/load/Actor.h"
#include "tests/bench/load/AuctionKnowledge.h"
#include "tests/bench/load/Subscriptions.h"
#include "tests/bench/load/WsConnection.h"
#include "tests/bench/load/WsHandler.h"

#include <QHash>
#include <QUrl>

#include <memory>
#include <random>
#include <vector>

namespace nb::bench::load {

class AckRegistry;
class RunStats;

/// How one bidder is set up.
struct BidderSetup {
    Credential credential;
    QUrl url;
    QList<BidAuction> auctions; // hot: one; spread: many
    /// Subscribe to the auctions and learn prices from their events (at most 256 auctions).
    bool watch = false;
    /// Bid only when the shard's pacer says so (fanout), not as soon as possible.
    bool paced = false;
    /// Unique per run and bidder; request ids append a counter.
    QString requestPrefix;
    quint32 seed = 1;
};

/// An authenticated connection that keeps at most one bid in flight and bids the minimum next
/// bid as soon as it learns it: from its bid_result, from a bid_too_low's min_amount, and, while
/// it leads, only once it learns it was outbid (the `outbid` notification, or with --watch the
/// events of its subscriptions).
class Bidder final : public Actor, private WsHandler {
public:
    Bidder(BidderSetup setup, RunStats& stats, AckRegistry& acks);

    void open(qint64 nowNs) override;
    bool settled() const override;
    bool ready() const override;
    void tick(qint64 nowNs) override;
    void start(qint64 nowNs) override;
    void stop() override;
    bool quiet() const override;
    bool caughtUp(const AckRegistry& acks) const override;
    void report(RunStats& stats) const override;
    void close() override;
    void prime(const QHash<qint64, AuctionState>& states) override;
    bool wantsPacedBid(qint64 nowNs) const override;
    void pacedBid(qint64 nowNs) override;

private:
    void onWelcome(WsConnection& connection, const QJsonObject& welcome) override;
    void onMessage(WsConnection& connection, const QJsonObject& message) override;
    void onAuctionEvent(WsConnection& connection, const ScannedEvent& event, const QString& text,
                        qint64 arrivalNs) override;
    bool onBidAnswer(WsConnection& connection, const ScannedAnswer& answer, qint64 arrivalNs) override;
    void onFailure(WsConnection& connection, const QString& code, const QString& detail) override;

    void answered(const QJsonObject& message, qint64 nowNs);
    /// The bid in flight was answered: times the answer and frees the bidder to bid again.
    AuctionKnowledge& settle(qint64 nowNs);
    void bidAccepted(AuctionKnowledge& auction, qint64 seq, qint64 currentPrice, bool leading, qint64 nowNs);
    /// An error answer: `minAmount` counts for bid_too_low, `retryAfterMs` for the others.
    void bidRefused(AuctionKnowledge& auction, const QString& code, qint64 minAmount, qint64 retryAfterMs,
                    qint64 nowNs);
    void notified(const QJsonObject& notification);
    void learnFromSnapshot(const QJsonObject& auction);
    /// Bids at once unless paced, stopped, waiting for an answer or backing off.
    void bidIfFree(qint64 nowNs);
    AuctionKnowledge* chooseAuction();
    void sendBid(AuctionKnowledge& auction, qint64 nowNs);
    AuctionKnowledge* knowledgeOf(qint64 auctionId);

    const BidderSetup m_setup;
    RunStats& m_stats;
    AckRegistry& m_acks;
    WsConnection m_connection;
    std::unique_ptr<Subscriptions> m_subscriptions;
    std::vector<AuctionKnowledge> m_auctions;
    QHash<qint64, size_t> m_indexOf;
    std::mt19937 m_random;
    bool m_active = false;
    qint64 m_backoffUntilNs = 0;
    qint64 m_requests = 0;
    /// The request prefix when it is plain ASCII (letters, digits, '-' and '_'): the bids are then
    /// written as JSON text directly; otherwise through QJsonDocument.
    QByteArray m_plainPrefix;
    /// The text of the last bid; its buffer is reused by the next.
    QByteArray m_bidText;
    // The one bid in flight.
    QString m_pendingRequest;
    AuctionKnowledge* m_pendingAuction = nullptr;
    qint64 m_pendingSinceNs = 0;
};

} // namespace nb::bench::load
