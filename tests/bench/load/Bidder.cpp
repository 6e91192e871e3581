#include "tests/bench/load/Bidder.h"

#include "tests/bench/load/AckRegistry.h"
#include "tests/bench/load/BidText.h"
#include "tests/bench/load/RunStats.h"
#include "tests/bench/load/SteadyTime.h"

#include <QJsonDocument>

#include <algorithm>

namespace nb::bench::load {

namespace {

constexpr qint64 kNsPerMs = 1'000'000;
constexpr qint64 kOpenTimeoutNs = 20'000 * kNsPerMs;
constexpr qint64 kAnswerTimeoutNs = 10'000 * kNsPerMs;
/// After an unexpected refusal, so that a broken auction is not hammered in a tight loop.
constexpr qint64 kErrorBackoffNs = 100 * kNsPerMs;

QList<qint64> idsOf(const QList<BidAuction>& auctions)
{
    QList<qint64> ids;
    for (const BidAuction& a : auctions)
        ids.append(a.id);
    return ids;
}

} // namespace

Bidder::Bidder(BidderSetup setup, RunStats& stats, AckRegistry& acks)
    : m_setup(std::move(setup))
    , m_stats(stats)
    , m_acks(acks)
    , m_connection(m_setup.url, m_setup.credential.token, *this)
    , m_random(m_setup.seed)
{
    m_auctions.reserve(static_cast<size_t>(m_setup.auctions.size()));
    for (const BidAuction& a : m_setup.auctions) {
        m_indexOf.insert(a.id, m_auctions.size());
        m_auctions.emplace_back(a.id, a.startPrice, a.increment);
    }
    if (m_setup.watch)
        m_subscriptions = std::make_unique<Subscriptions>(idsOf(m_setup.auctions));
    if (!m_setup.requestPrefix.isEmpty() && isPlainRequestPrefix(m_setup.requestPrefix))
        m_plainPrefix = m_setup.requestPrefix.toLatin1();
}

void Bidder::open(qint64 nowNs)
{
    m_connection.open(nowNs);
}

bool Bidder::settled() const
{
    if (m_connection.state() == WsConnection::State::Opening)
        return false;
    return !m_connection.isReady() || !m_subscriptions || m_subscriptions->settled();
}

bool Bidder::ready() const
{
    return m_connection.isReady() &&
           (!m_subscriptions || (m_subscriptions->settled() && m_subscriptions->failures() == 0));
}

void Bidder::tick(qint64 nowNs)
{
    m_connection.checkOpenDeadline(nowNs, kOpenTimeoutNs);
    if (m_subscriptions && m_connection.isReady())
        m_subscriptions->tick(m_connection, nowNs);
    if (!m_pendingRequest.isEmpty() && nowNs - m_pendingSinceNs > kAnswerTimeoutNs) {
        m_stats.error(QStringLiteral("bid_timeout"));
        m_pendingAuction->failed();
        m_pendingRequest.clear();
    }
    bidIfFree(nowNs);
}

void Bidder::start(qint64 nowNs)
{
    m_active = true;
    bidIfFree(nowNs);
}

void Bidder::stop()
{
    m_active = false;
}

bool Bidder::quiet() const
{
    return m_pendingRequest.isEmpty() || !m_connection.isReady();
}

bool Bidder::caughtUp(const AckRegistry& acks) const
{
    return !m_subscriptions || !m_connection.isReady() ||
           m_subscriptions->caughtUp([&acks](qint64 id) { return acks.highestAcknowledged(id); });
}

void Bidder::report(RunStats& stats) const
{
    if (m_subscriptions)
        stats.streams.append(m_subscriptions->reports());
}

void Bidder::prime(const QHash<qint64, AuctionState>& states)
{
    for (AuctionKnowledge& known : m_auctions) {
        const auto it = states.constFind(known.auctionId());
        if (it != states.constEnd())
            known.observed(it->seq, it->minNextBid, it->highBidderId, m_connection.userId());
    }
}

void Bidder::close()
{
    m_connection.close();
}

bool Bidder::wantsPacedBid(qint64 nowNs) const
{
    if (!m_active || !m_connection.isReady() || !m_pendingRequest.isEmpty() || nowNs < m_backoffUntilNs)
        return false;
    return std::any_of(m_auctions.begin(), m_auctions.end(),
                       [](const AuctionKnowledge& a) { return a.canBid(); });
}

void Bidder::pacedBid(qint64 nowNs)
{
    if (!wantsPacedBid(nowNs))
        return;
    if (AuctionKnowledge* auction = chooseAuction())
        sendBid(*auction, nowNs);
}

void Bidder::bidIfFree(qint64 nowNs)
{
    if (m_setup.paced || !m_active || !m_connection.isReady() || !m_pendingRequest.isEmpty() ||
        nowNs < m_backoffUntilNs)
        return;
    if (AuctionKnowledge* auction = chooseAuction())
        sendBid(*auction, nowNs);
}

AuctionKnowledge* Bidder::chooseAuction()
{
    const size_t n = m_auctions.size();
    if (n == 0)
        return nullptr;
    // Mostly a random pick among the auctions it does not lead; a scan when the picks miss.
    for (int attempt = 0; attempt < 8; ++attempt) {
        AuctionKnowledge& a = m_auctions[m_random() % n];
        if (a.canBid())
            return &a;
    }
    const size_t first = m_random() % n;
    for (size_t i = 0; i < n; ++i) {
        AuctionKnowledge& a = m_auctions[(first + i) % n];
        if (a.canBid())
            return &a;
    }
    return nullptr;
}

void Bidder::sendBid(AuctionKnowledge& auction, qint64 nowNs)
{
    ++m_requests;
    m_pendingAuction = &auction;
    m_pendingSinceNs = nowNs;
    auction.sent();
    if (m_plainPrefix.isEmpty()) {
        m_pendingRequest = QStringLiteral("%1-%2").arg(m_setup.requestPrefix).arg(m_requests);
        m_connection.send(QJsonObject{{"type", "bid"},
                                      {"request_id", m_pendingRequest},
                                      {"auction_id", auction.auctionId()},
                                      {"amount", auction.nextBid()}});
        return;
    }
    const BidTextRequestId id =
        writeBidText(m_bidText, m_plainPrefix, m_requests, auction.auctionId(), auction.nextBid());
    m_pendingRequest = QString::fromLatin1(m_bidText.constData() + id.start, id.size);
    m_connection.sendText(m_bidText);
}

AuctionKnowledge* Bidder::knowledgeOf(qint64 auctionId)
{
    const auto it = m_indexOf.constFind(auctionId);
    return it == m_indexOf.constEnd() ? nullptr : &m_auctions[it.value()];
}

void Bidder::onWelcome(WsConnection& connection, const QJsonObject&)
{
    if (m_subscriptions)
        m_subscriptions->start(connection, steadyNowNs());
}

void Bidder::onMessage(WsConnection& connection, const QJsonObject& message)
{
    const qint64 nowNs = steadyNowNs();
    const QString type = message.value(QLatin1String("type")).toString();
    const QString requestId = message.value(QLatin1String("request_id")).toString();
    if (!requestId.isEmpty() && requestId == m_pendingRequest) {
        answered(message, nowNs);
        bidIfFree(nowNs);
        return;
    }
    QJsonObject snapshot;
    if (m_subscriptions && m_subscriptions->handle(connection, message, nowNs, m_stats, &snapshot)) {
        if (!snapshot.isEmpty())
            learnFromSnapshot(snapshot);
        return;
    }
    if (type == QLatin1String("notification")) {
        notified(message);
        bidIfFree(nowNs);
    } else if (type == QLatin1String("error")) {
        // An answer to a bid given up on (timed out), or an error without a request.
        if (requestId.startsWith(m_setup.requestPrefix))
            m_stats.note(QStringLiteral("late_answers"));
        else
            m_stats.error(
                message.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString());
    } else if (type == QLatin1String("bid_result")) {
        m_stats.note(QStringLiteral("late_answers"));
    }
}

void Bidder::answered(const QJsonObject& message, qint64 nowNs)
{
    AuctionKnowledge& auction = settle(nowNs);
    if (message.value(QLatin1String("type")).toString() == QLatin1String("bid_result")) {
        bidAccepted(auction, message.value(QLatin1String("seq")).toInteger(),
                    message.value(QLatin1String("current_price")).toInteger(),
                    message.value(QLatin1String("leading")).toBool(), nowNs);
        return;
    }
    const QJsonObject error = message.value(QLatin1String("error")).toObject();
    const QJsonObject details = error.value(QLatin1String("details")).toObject();
    bidRefused(auction, error.value(QLatin1String("code")).toString(QStringLiteral("unexpected_answer")),
               details.value(QLatin1String("min_amount")).toInteger(),
               details.value(QLatin1String("retry_after_ms")).toInteger(0), nowNs);
}

bool Bidder::onBidAnswer(WsConnection&, const ScannedAnswer& answer, qint64 arrivalNs)
{
    if (m_pendingRequest.isEmpty() || answer.requestId != m_pendingRequest)
        return false; // late, or not a bid's: the full parse has the rules for those
    AuctionKnowledge& auction = settle(arrivalNs);
    if (answer.kind == ScannedAnswer::Kind::BidResult) {
        bidAccepted(auction, answer.seq, answer.currentPrice, answer.leading, arrivalNs);
    } else {
        // The usual refusal's code without building a string.
        const QString code =
            answer.code == u"bid_too_low" ? QStringLiteral("bid_too_low") : answer.code.toString();
        bidRefused(auction, code, answer.minAmount, answer.retryAfterMs, arrivalNs);
    }
    bidIfFree(steadyNowNs()); // a new bid's latency counts from when it is sent
    return true;
}

AuctionKnowledge& Bidder::settle(qint64 nowNs)
{
    AuctionKnowledge& auction = *m_pendingAuction;
    m_pendingRequest.clear();
    m_stats.ackMs.add(nsToMs(nowNs - m_pendingSinceNs));
    m_stats.lastAnswerNs = std::max(m_stats.lastAnswerNs, nowNs);
    return auction;
}

void Bidder::bidAccepted(AuctionKnowledge& auction, qint64 seq, qint64 currentPrice, bool leading,
                         qint64 nowNs)
{
    ++m_stats.accepted;
    auction.accepted(seq, currentPrice, leading);
    m_acks.acknowledged(auction.auctionId(), seq, nowNs);
}

void Bidder::bidRefused(AuctionKnowledge& auction, const QString& code, qint64 minAmount, qint64 retryAfterMs,
                        qint64 nowNs)
{
    m_stats.error(code);
    if (code == QLatin1String("bid_too_low")) {
        ++m_stats.refused;
        auction.refused(minAmount);
        return;
    }
    auction.failed();
    m_backoffUntilNs = nowNs + std::max(kErrorBackoffNs, retryAfterMs * kNsPerMs);
}

void Bidder::notified(const QJsonObject& notification)
{
    // With subscriptions the events say who leads, in seq order; notifications would only add
    // a second, unordered source.
    if (m_subscriptions || notification.value(QLatin1String("kind")).toString() != QLatin1String("outbid"))
        return;
    if (AuctionKnowledge* auction = knowledgeOf(notification.value(QLatin1String("auction_id")).toInteger()))
        auction->outbid();
}

void Bidder::learnFromSnapshot(const QJsonObject& auction)
{
    AuctionKnowledge* known = knowledgeOf(auction.value(QLatin1String("id")).toInteger());
    const QJsonValue high = auction.value(QLatin1String("high_bidder_id"));
    if (known)
        known->observed(auction.value(QLatin1String("seq")).toInteger(),
                        auction.value(QLatin1String("min_next_bid")).toInteger(),
                        high.isDouble() ? std::optional<qint64>(high.toInteger()) : std::nullopt,
                        m_connection.userId());
}

void Bidder::onAuctionEvent(WsConnection&, const ScannedEvent& event, const QString& text, qint64)
{
    if (!m_subscriptions)
        return;
    const std::optional<SeqStream::Verdict> verdict = m_subscriptions->event(event.auctionId, event.seq);
    if (!verdict || *verdict == SeqStream::Verdict::Duplicate ||
        *verdict == SeqStream::Verdict::BeforeSnapshot)
        return;
    AuctionKnowledge* known = knowledgeOf(event.auctionId);
    const QJsonObject body = QJsonDocument::fromJson(text.toUtf8()).object();
    if (!known || body.value(QLatin1String("type")).toString() != QLatin1String("auction.bid"))
        return;
    const QJsonValue high = body.value(QLatin1String("high_bidder")).toObject().value(QLatin1String("id"));
    known->observed(event.seq, body.value(QLatin1String("min_next_bid")).toInteger(),
                    high.isDouble() ? std::optional<qint64>(high.toInteger()) : std::nullopt,
                    m_connection.userId());
    bidIfFree(steadyNowNs());
}

void Bidder::onFailure(WsConnection&, const QString& code, const QString&)
{
    m_stats.error(code);
    if (!m_pendingRequest.isEmpty()) {
        m_pendingAuction->failed();
        m_pendingRequest.clear();
    }
}

} // namespace nb::bench::load
