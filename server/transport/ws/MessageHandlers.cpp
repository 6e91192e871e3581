#include "server/transport/ws/MessageHandlers.h"

#include "server/services/Services.h"
#include "server/transport/Metrics.h"
#include "server/transport/RateLimiter.h"
#include "server/transport/Workers.h"
#include "server/transport/ws/AuctionFeed.h"
#include "server/transport/ws/ClientSession.h"
#include "server/transport/ws/SubscriptionIndex.h"
#include "server/transport/ws/WsMessages.h"
#include "shared/protocol/Json.h"

#include <QElapsedTimer>
#include <QJsonDocument>

#include <utility>

namespace nb::transport {

namespace {

/// Messages held while hello authenticates; a client has no reason to send more meanwhile.
constexpr int kMaxDeferred = 64;
constexpr int kDeferredRetryMs = 100;
constexpr int kMaxTokenLength = 256;

double secondsSince(const QElapsedTimer& timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1e9;
}

} // namespace

MessageHandlers::MessageHandlers(services::Services& services, Workers& workers, Metrics& metrics,
                                 RateLimiter& limiter, AuctionFeed& feed, SubscriptionIndex& index,
                                 const WsOptions& options, QObject* parent)
    : QObject(parent)
    , m_services(services)
    , m_workers(workers)
    , m_metrics(metrics)
    , m_limiter(limiter)
    , m_feed(feed)
    , m_index(index)
    , m_options(options)
{}

const QHash<QString, MessageHandlers::Handler>& MessageHandlers::handlers()
{
    static const QHash<QString, Handler> table{
        {QStringLiteral("hello"), &MessageHandlers::hello},
        {QStringLiteral("subscribe"), &MessageHandlers::subscribe},
        {QStringLiteral("unsubscribe"), &MessageHandlers::unsubscribe},
        {QStringLiteral("bid"), &MessageHandlers::bid},
        {QStringLiteral("buy_now"), &MessageHandlers::buyNow},
        {QStringLiteral("ping"), &MessageHandlers::ping},
    };
    return table;
}

void MessageHandlers::handleText(ClientSession& session, const QString& text)
{
    if (!session.isOpen())
        return;
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        if (admit(session, QJsonValue::Undefined))
            session.send(ws::errorMessage(
                ws::badRequest(QStringLiteral("A message must be one JSON object.")), QJsonValue::Undefined));
        return;
    }
    const QJsonObject message = document.object();
    const QJsonValue requestId = message.value(QStringLiteral("request_id"));
    // Until hello has settled who this is, a bid would be judged as anonymous: it waits.
    if (session.isAuthenticating() &&
        message.value(QStringLiteral("type")).toString() != QLatin1String("ping")) {
        if (session.deferredCount() >= kMaxDeferred) {
            const ApiError busy{ErrorCode::RateLimited,
                                QStringLiteral("Wait for the welcome before sending more."),
                                QJsonObject{{QStringLiteral("retry_after_ms"), kDeferredRetryMs}}};
            session.send(ws::errorMessage(busy, requestId));
            return;
        }
        session.defer(text);
        return;
    }
    if (admit(session, requestId))
        dispatch(session, message, requestId);
}

void MessageHandlers::handleBinary(ClientSession& session)
{
    if (session.isOpen() && admit(session, QJsonValue::Undefined))
        session.send(
            ws::errorMessage(ws::badRequest(QStringLiteral("Binary messages are not supported; send JSON "
                                                           "text.")),
                             QJsonValue::Undefined));
}

bool MessageHandlers::admit(ClientSession& session, const QJsonValue& requestId)
{
    const std::optional<int> retryAfterMs = m_limiter.admit(session.rateLimitKey());
    if (!retryAfterMs)
        return true;
    if (session.noteRateLimited(m_options.floodRejections, m_options.floodWindowMs)) {
        session.close(QWebSocketProtocol::CloseCodePolicyViolated,
                      QStringLiteral("rate limit exceeded repeatedly"));
        return false;
    }
    const ApiError error{ErrorCode::RateLimited, QStringLiteral("Too many messages; please slow down."),
                         QJsonObject{{QStringLiteral("retry_after_ms"), *retryAfterMs}}};
    session.send(ws::errorMessage(error, requestId));
    return false;
}

void MessageHandlers::dispatch(ClientSession& session, const QJsonObject& message,
                               const QJsonValue& requestId)
{
    const QJsonValue type = message.value(QStringLiteral("type"));
    if (!type.isString()) {
        session.send(ws::errorMessage(
            ws::badRequest(QStringLiteral("field 'type' must be a string"), QStringLiteral("type")),
            requestId));
        return;
    }
    const Handler handler = handlers().value(type.toString());
    if (!handler) {
        session.send(ws::errorMessage(
            ws::badRequest(QStringLiteral("unknown message type '%1'").arg(type.toString().left(64)),
                           QStringLiteral("type")),
            requestId));
        return;
    }
    (this->*handler)(session, message, requestId);
}

void MessageHandlers::hello(ClientSession& session, const QJsonObject& message, const QJsonValue& requestId)
{
    JsonReader in(message);
    in.optionalInteger(QStringLiteral("v"), 1, 1);
    const QString token = in.optionalString(QStringLiteral("token"), 0, kMaxTokenLength);
    if (!in.ok()) {
        session.send(ws::errorMessage(in.error().toApiError(), requestId));
        return;
    }
    if (token.isEmpty()) {
        signIn(session, std::nullopt);
        session.send(ws::welcomeMessage(std::nullopt, requestId));
        return;
    }
    session.setAuthenticating(true);
    services::AuthService& auth = m_services.auth;
    m_workers.run(
        &session, [&auth, token] { return auth.authenticate(token); },
        [this, &session, requestId](const std::exception_ptr& error, std::optional<User> user) {
            session.setAuthenticating(false);
            if (error) {
                session.send(ws::errorMessage(ws::errorFrom(error, "hello"), requestId));
            } else if (!user) {
                signIn(session, std::nullopt);
                const ApiError expired{ErrorCode::Unauthorized,
                                       QStringLiteral("This session has ended; please sign in again."),
                                       {}};
                session.send(ws::errorMessage(expired, requestId));
            } else {
                signIn(session, user);
                session.send(ws::welcomeMessage(user, requestId));
            }
            runDeferred(session);
        });
}

void MessageHandlers::subscribe(ClientSession& session, const QJsonObject& message,
                                const QJsonValue& requestId)
{
    JsonReader in(message);
    const qint64 auctionId = in.id(QStringLiteral("auction_id"));
    const std::optional<qint64> sinceSeq =
        in.optionalInteger(QStringLiteral("since_seq"), 0, kMaxJsonInteger);
    if (!in.ok()) {
        session.send(ws::errorMessage(in.error().toApiError(), requestId));
        return;
    }
    if (!session.subscription(auctionId) && session.subscriptionCount() >= m_options.maxSubscriptions) {
        ApiError error = ws::badRequest(QStringLiteral("This connection follows too many auctions at once."));
        error.details.insert(QStringLiteral("limit"), m_options.maxSubscriptions);
        session.send(ws::errorMessage(error, requestId));
        return;
    }
    m_feed.subscribe(session, auctionId, sinceSeq, requestId);
}

void MessageHandlers::unsubscribe(ClientSession& session, const QJsonObject& message,
                                  const QJsonValue& requestId)
{
    JsonReader in(message);
    const qint64 auctionId = in.id(QStringLiteral("auction_id"));
    if (!in.ok()) {
        session.send(ws::errorMessage(in.error().toApiError(), requestId));
        return;
    }
    m_feed.unsubscribe(session, auctionId);
    if (!requestId.isUndefined())
        session.send(ws::unsubscribedMessage(auctionId, requestId));
}

void MessageHandlers::bid(ClientSession& session, const QJsonObject& message, const QJsonValue& requestId)
{
    BidCall call;
    call.timer.start();
    call.session = &session;
    call.requestId = requestId;
    if (!session.user()) {
        answerBid(call, ApiError{ErrorCode::Unauthorized, QStringLiteral("Sign in to bid."), {}});
        return;
    }
    JsonReader in(message);
    call.requestKey = in.requestId();
    call.auctionId = in.id(QStringLiteral("auction_id"));
    call.amount = in.won(QStringLiteral("amount"));
    call.maxAmount = in.optionalWon(QStringLiteral("max_amount"));
    if (!in.ok()) {
        answerBid(call, in.error().toApiError());
        return;
    }
    call.bidderId = session.user()->id;
    call.to = m_workers.recipient(&session);
    // Most bids on a hot auction are certainly too low, or wait for the bid ahead of them in
    // the auction's lane: the service decides those here and in the lane, without a worker, so
    // that the workers serve the bids that can win.
    const auto admitted =
        m_services.bidding.admit(call.bidderId, call.auctionId, call.amount, call.maxAmount, call.requestKey,
                                 [this, call](services::BiddingService::Admission admission) {
                                     placeBid(call, std::move(admission));
                                 });
    if (!admitted)
        return; // waiting in the lane
    if (admitted->refusal)
        answerBid(call, *admitted->refusal);
    else
        placeBid(call, std::move(*admitted));
}

void MessageHandlers::placeBid(const BidCall& call, services::BiddingService::Admission admission)
{
    if (admission.refusal) {
        m_workers.answer(call.to, [this, call, refusal = *admission.refusal] { answerBid(call, refusal); });
        return;
    }
    services::BiddingService& bidding = m_services.bidding;
    const bool holdsTurn = admission.turn != nullptr;
    // The turn passes on when this task ends, right after it queued the bid's answer: the
    // bidder hears first, then this instance's followers get the bid's events (without waiting
    // for the outbox relay), and then come the bids its lane refuses (Workers answer in order),
    // each refusal leaving in one write with its bidder's copy of the events.
    auto events = std::make_shared<std::vector<QJsonObject>>();
    auto work = [&bidding, call, turn = std::move(admission.turn), events] {
        return bidding.placeBid(call.bidderId, call.auctionId, call.amount, call.maxAmount, call.requestKey,
                                turn, events.get());
    };
    auto done = [this, call, events](const std::exception_ptr& error, const BidResult& result) {
        if (error) {
            answerBid(call, ws::errorFrom(error, "bid"));
            return;
        }
        answerBid(call, result);
        for (const QJsonObject& event : *events)
            m_feed.publish(call.auctionId, event);
    };
    if (holdsTurn)
        m_workers.runHoldingTurn(call.to, std::move(work), std::move(done));
    else
        m_workers.run(call.to, std::move(work), std::move(done));
}

void MessageHandlers::answerBid(const BidCall& call, const ApiError& refusal)
{
    m_metrics.countBid(errorCodeName(refusal.code));
    call.session->send(ws::errorMessage(refusal, call.requestId));
    m_metrics.observeLatency(QStringLiteral("ws_bid"), secondsSince(call.timer));
}

void MessageHandlers::answerBid(const BidCall& call, const BidResult& result)
{
    m_metrics.countBid(QStringLiteral("accepted"));
    call.session->send(ws::bidResultMessage(result, call.requestId));
    m_metrics.observeLatency(QStringLiteral("ws_bid"), secondsSince(call.timer));
}

void MessageHandlers::buyNow(ClientSession& session, const QJsonObject& message, const QJsonValue& requestId)
{
    QElapsedTimer timer;
    timer.start();
    if (!session.user()) {
        session.send(ws::errorMessage(
            ApiError{ErrorCode::Unauthorized, QStringLiteral("Sign in to buy."), {}}, requestId));
        return;
    }
    JsonReader in(message);
    const QString requestKey = in.requestId();
    const qint64 auctionId = in.id(QStringLiteral("auction_id"));
    if (!in.ok()) {
        session.send(ws::errorMessage(in.error().toApiError(), requestId));
        return;
    }
    const qint64 buyerId = session.user()->id;
    services::BiddingService& bidding = m_services.bidding;
    m_workers.run(
        &session,
        [&bidding, buyerId, auctionId, requestKey] { return bidding.buyNow(buyerId, auctionId, requestKey); },
        [this, &session, requestId, timer](const std::exception_ptr& error, const AuctionDetail& auction) {
            if (error)
                session.send(ws::errorMessage(ws::errorFrom(error, "buy_now"), requestId));
            else
                session.send(ws::buyNowResultMessage(auction, requestId));
            m_metrics.observeLatency(QStringLiteral("ws_buy_now"), secondsSince(timer));
        });
}

void MessageHandlers::ping(ClientSession& session, const QJsonObject&, const QJsonValue& requestId)
{
    session.send(ws::pongMessage(requestId));
}

void MessageHandlers::signIn(ClientSession& session, std::optional<User> user)
{
    if (const std::optional<qint64> previous = session.userId())
        m_index.removeUserSession(*previous, &session);
    session.setUser(std::move(user));
    if (const std::optional<qint64> current = session.userId())
        m_index.addUserSession(*current, &session);
}

void MessageHandlers::runDeferred(ClientSession& session)
{
    const QStringList waiting = session.takeDeferred();
    for (int i = 0; i < waiting.size(); ++i) {
        if (session.isAuthenticating()) {
            // A deferred hello started authenticating again: the rest waits for it.
            for (int j = i; j < waiting.size(); ++j)
                session.defer(waiting[j]);
            return;
        }
        handleText(session, waiting[i]);
    }
}

} // namespace nb::transport
