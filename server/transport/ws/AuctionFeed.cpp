#include "server/transport/ws/AuctionFeed.h"

#include "server/services/Services.h"
#include "server/storage/OutboxStore.h"
#include "server/storage/Transaction.h"
#include "server/transport/Metrics.h"
#include "server/transport/Workers.h"
#include "server/transport/ws/ClientSession.h"
#include "server/transport/ws/WsMessages.h"

#include <QLoggingCategory>

#include <algorithm>

namespace nb::transport {

Q_LOGGING_CATEGORY(lcWsFeed, "neighborbid.ws.feed")

namespace {

/// Events read from the replay log per catch-up round.
constexpr int kCatchUpBatch = 500;

qint64 seqOf(const QJsonObject& event)
{
    return event.value(QStringLiteral("seq")).toInteger(0);
}

std::vector<QJsonObject> eventsSince(storage::ConnectionPool& pool, qint64 auctionId, qint64 sinceSeq,
                                     int limit)
{
    return storage::inTransaction(pool, [&](pqxx::work& tx) {
        return storage::outbox::auctionEventsSince(tx, auctionId, sinceSeq, limit);
    });
}

} // namespace

AuctionFeed::AuctionFeed(services::Services& services, Workers& workers, Metrics& metrics,
                         SubscriptionIndex& index, QObject* parent)
    : QObject(parent)
    , m_services(services)
    , m_workers(workers)
    , m_metrics(metrics)
    , m_index(index)
{}

void AuctionFeed::subscribe(ClientSession& session, qint64 auctionId, std::optional<qint64> sinceSeq,
                            const QJsonValue& requestId)
{
    const quint64 generation = session.beginSubscription(auctionId, sinceSeq.value_or(0)).generation;
    m_index.subscribe(auctionId, &session);
    const std::optional<qint64> viewer = session.userId();
    services::Services& services = m_services;
    m_workers.run(
        &session,
        [&services, auctionId, viewer, sinceSeq] { return open(services, auctionId, viewer, sinceSeq); },
        [this, &session, auctionId, generation, requestId](const std::exception_ptr& error,
                                                           const Opening& opening) {
            opened(session, auctionId, generation, requestId, error, opening);
        });
}

void AuctionFeed::unsubscribe(ClientSession& session, qint64 auctionId)
{
    session.endSubscription(auctionId);
    m_index.unsubscribe(auctionId, &session);
}

void AuctionFeed::dropSession(ClientSession& session)
{
    for (const qint64 auctionId : session.subscribedAuctions())
        unsubscribe(session, auctionId);
}

AuctionFeed::Opening AuctionFeed::open(services::Services& services, qint64 auctionId,
                                       std::optional<qint64> viewerId, std::optional<qint64> sinceSeq)
{
    Opening opening;
    opening.detail = services.auctions.detail(auctionId, viewerId);
    if (!sinceSeq || *sinceSeq > opening.detail.seq)
        return opening; // a seq the server never issued: only a snapshot is safe
    try {
        std::vector<QJsonObject> events =
            eventsSince(services.pool, auctionId, *sinceSeq, kMaxReplayEvents + 1);
        if (static_cast<int>(events.size()) > kMaxReplayEvents)
            return opening;
        qint64 expected = *sinceSeq + 1;
        for (const QJsonObject& event : events) {
            if (seqOf(event) != expected)
                return opening;
            ++expected;
        }
        if (expected - 1 < opening.detail.seq)
            return opening; // the log lacks what the snapshot already shows
        opening.events = std::move(events);
        opening.replay = true;
    } catch (const std::exception& e) {
        qCWarning(lcWsFeed, "cannot read the replay log of auction %lld, sending a snapshot: %s", auctionId,
                  e.what());
    }
    return opening;
}

void AuctionFeed::opened(ClientSession& session, qint64 auctionId, quint64 generation,
                         const QJsonValue& requestId, const std::exception_ptr& error, const Opening& opening)
{
    ClientSession::Subscription* sub = session.subscription(auctionId);
    const bool current = sub && sub->generation == generation;
    if (error) {
        session.send(ws::errorMessage(ws::errorFrom(error, "subscribe"), requestId));
        if (current)
            unsubscribe(session, auctionId);
        return;
    }
    if (!current) {
        // Unsubscribed or subscribed again meanwhile: the request still gets its one answer.
        if (!requestId.isUndefined())
            session.send(ws::snapshotMessage(opening.detail, requestId));
        return;
    }
    int sent = 0;
    if (opening.replay) {
        for (const QJsonObject& event : opening.events) {
            const qint64 seq = seqOf(event);
            if (seq <= sub->lastSeq)
                continue;
            sub->lastSeq = seq;
            session.send(event);
            ++sent;
        }
        if (!requestId.isUndefined())
            session.send(ws::subscribedMessage(auctionId, sub->lastSeq, requestId));
    } else {
        session.send(ws::snapshotMessage(opening.detail, requestId));
        sub->lastSeq = opening.detail.seq;
    }
    sub->pending = false;
    if (sub->overflowed) {
        // Too much arrived meanwhile to hold: fetch what was missed from the log instead.
        subscribe(session, auctionId, sub->lastSeq, QJsonValue(QJsonValue::Undefined));
    } else {
        sent += session.releaseHeld(*sub);
    }
    m_metrics.countEventsDelivered(sent);
}

void AuctionFeed::publish(qint64 auctionId, const QJsonObject& event)
{
    Channel* ch = m_index.channel(auctionId);
    if (!ch)
        return; // nobody here follows it
    const qint64 seq = seqOf(event);
    if (seq <= 0) {
        qCWarning(lcWsFeed, "dropping an event of auction %lld without a seq", auctionId);
        return;
    }
    if (ch->lastSeq && seq <= *ch->lastSeq)
        return; // delivered already
    if (ch->catchingUp) {
        ch->held.try_emplace(seq, event);
        return;
    }
    const std::optional<qint64> baseline = gapBaseline(auctionId, *ch);
    if (baseline && seq > *baseline + 1) {
        ch->held.try_emplace(seq, event);
        catchUp(auctionId, *baseline);
        return;
    }
    deliver(auctionId, *ch, seq, event);
}

void AuctionFeed::resynchronise()
{
    for (const qint64 auctionId : m_index.auctions()) {
        Channel* ch = m_index.channel(auctionId);
        if (!ch || ch->catchingUp)
            continue;
        if (const std::optional<qint64> baseline = gapBaseline(auctionId, *ch))
            catchUp(auctionId, *baseline);
    }
}

void AuctionFeed::deliver(qint64 auctionId, Channel& ch, qint64 seq, const QJsonObject& event)
{
    ch.lastSeq = seq;
    // Framed once: every follower's socket is given the same bytes.
    const WsTextFrame frame = WsTextFrame::fromJson(event);
    // A copy: sending may cut a follower off (its removal is queued, but stay safe).
    const std::vector<ClientSession*> followers(ch.subscribers.begin(), ch.subscribers.end());
    int sent = 0;
    for (ClientSession* session : followers) {
        if (session->deliverAuctionEvent(auctionId, seq, frame))
            ++sent;
    }
    m_metrics.countEventsDelivered(sent);
}

void AuctionFeed::catchUp(qint64 auctionId, qint64 fromSeq)
{
    Channel* ch = m_index.channel(auctionId);
    if (!ch)
        return;
    ch->catchingUp = true;
    storage::ConnectionPool& pool = m_services.pool;
    m_workers.run(
        this, [&pool, auctionId, fromSeq] { return eventsSince(pool, auctionId, fromSeq, kCatchUpBatch); },
        [this, auctionId](const std::exception_ptr& error, std::vector<QJsonObject> events) {
            caughtUp(auctionId, error, std::move(events));
        });
}

void AuctionFeed::caughtUp(qint64 auctionId, const std::exception_ptr& error, std::vector<QJsonObject> events)
{
    Channel* ch = m_index.channel(auctionId);
    if (!ch)
        return; // everyone left meanwhile
    ch->catchingUp = false;
    if (error) {
        try {
            std::rethrow_exception(error);
        } catch (const std::exception& e) {
            qCWarning(lcWsFeed, "cannot read the replay log of auction %lld: %s", auctionId, e.what());
        }
    }
    for (QJsonObject& event : events) {
        const qint64 seq = seqOf(event);
        if (!ch->lastSeq || seq > *ch->lastSeq)
            ch->held.try_emplace(seq, std::move(event));
    }
    drainHeld(auctionId, *ch, !error && static_cast<int>(events.size()) == kCatchUpBatch);
}

void AuctionFeed::drainHeld(qint64 auctionId, Channel& ch, bool moreInLog)
{
    while (!ch.held.empty()) {
        auto first = ch.held.begin();
        const qint64 seq = first->first;
        if (ch.lastSeq && seq <= *ch.lastSeq) {
            ch.held.erase(first);
            continue;
        }
        if (ch.lastSeq && seq > *ch.lastSeq + 1) {
            if (moreInLog) {
                catchUp(auctionId, *ch.lastSeq);
                return;
            }
            // The log does not have it (or could not be read): followers see the gap and
            // subscribe again with their last seq, as PROTOCOL.md asks of them.
            qCWarning(lcWsFeed, "auction %lld: events %lld..%lld are missing", auctionId, *ch.lastSeq + 1,
                      seq - 1);
        }
        const QJsonObject event = std::move(first->second);
        ch.held.erase(first);
        deliver(auctionId, ch, seq, event);
    }
    if (moreInLog && ch.lastSeq)
        catchUp(auctionId, *ch.lastSeq);
}

std::optional<qint64> AuctionFeed::gapBaseline(qint64 auctionId, const Channel& ch) const
{
    if (ch.lastSeq)
        return ch.lastSeq;
    std::optional<qint64> oldest;
    for (ClientSession* session : ch.subscribers) {
        const ClientSession::Subscription* sub = session->subscription(auctionId);
        if (!sub || sub->pending)
            return std::nullopt;
        oldest = oldest ? std::min(*oldest, sub->lastSeq) : sub->lastSeq;
    }
    return oldest;
}

} // namespace nb::transport
