#include "server/services/Services.h"
#include "server/transport/Metrics.h"
#include "server/transport/http/HttpInput.h"
#include "server/transport/http/HttpReplies.h"
#include "server/transport/http/QueryReader.h"
#include "server/transport/http/RouteTable.h"
#include "server/transport/http/Routes.h"
#include "shared/protocol/Json.h"

namespace nb::transport::http {

namespace {

using Method = QHttpServerRequest::Method;

QHttpServerResponse bids(const RouteContext& context, HttpCall& call, qint64 auctionId)
{
    const QueryReader query(call.query);
    return jsonReply(toJson(context.services.listings.bids(auctionId, query.page(), query.pageSize())));
}

BidResult placeBid(const RouteContext& context, const HttpCall& call, qint64 auctionId)
{
    JsonReader in(jsonObjectBody(call.body));
    const Won amount = in.won(QStringLiteral("amount"));
    const std::optional<Won> maxAmount = in.optionalWon(QStringLiteral("max_amount"));
    const QString requestId = in.requestId();
    if (!in.ok())
        throwBadRequest(in.error());
    return context.services.bidding.placeBid(call.userId(), auctionId, amount, maxAmount, requestId);
}

QHttpServerResponse bid(const RouteContext& context, HttpCall& call, qint64 auctionId)
{
    try {
        const BidResult result = placeBid(context, call, auctionId);
        context.metrics.countBid(QStringLiteral("accepted"));
        return createdReply(toJson(result));
    } catch (const services::ServiceError& e) {
        context.metrics.countBid(errorCodeName(e.code()));
        throw;
    }
}

QHttpServerResponse buyNow(const RouteContext& context, HttpCall& call, qint64 auctionId)
{
    const QString requestId = valueOrThrow(readRequestId(jsonObjectBody(call.body)));
    return jsonReply(toJson(context.services.bidding.buyNow(call.userId(), auctionId, requestId)));
}

} // namespace

void addBidRoutes(RouteTable& routes)
{
    routes.add(Route{Method::Get, QStringLiteral("/api/v1/auctions/<arg>/bids")}, IdHandler(bids));
    routes.add(
        Route{Method::Post, QStringLiteral("/api/v1/auctions/<arg>/bids"), Access::User, BodyKind::Json},
        IdHandler(bid));
    routes.add(
        Route{Method::Post, QStringLiteral("/api/v1/auctions/<arg>/buy-now"), Access::User, BodyKind::Json},
        IdHandler(buyNow));
}

} // namespace nb::transport::http
