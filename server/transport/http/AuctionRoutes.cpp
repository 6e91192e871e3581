#include "server/services/Services.h"
#include "server/transport/http/HttpInput.h"
#include "server/transport/http/HttpReplies.h"
#include "server/transport/http/QueryReader.h"
#include "server/transport/http/RouteTable.h"
#include "server/transport/http/Routes.h"
#include "server/transport/http/SummaryPageJson.h"
#include "shared/protocol/Json.h"

namespace nb::transport::http {

namespace {

using Method = QHttpServerRequest::Method;
using services::ListingQuery;

/// status=all lists every status; absent means active (PROTOCOL.md).
std::optional<AuctionStatus> statusFilter(const QueryReader& query)
{
    if (query.text(QStringLiteral("status")) == QLatin1String("all"))
        return std::nullopt;
    return query
        .choice<AuctionStatus>(QStringLiteral("status"),
                               {{QStringLiteral("scheduled"), AuctionStatus::Scheduled},
                                {QStringLiteral("active"), AuctionStatus::Active},
                                {QStringLiteral("ended"), AuctionStatus::Ended},
                                {QStringLiteral("cancelled"), AuctionStatus::Cancelled}})
        .value_or(AuctionStatus::Active);
}

ListingQuery listingQuery(const HttpCall& call)
{
    const QueryReader query(call.query);
    ListingQuery listing;
    listing.scope =
        query
            .choice<ListingQuery::Scope>(QStringLiteral("scope"),
                                         {{QStringLiteral("local"), ListingQuery::Scope::Local},
                                          {QStringLiteral("national"), ListingQuery::Scope::National},
                                          {QStringLiteral("all"), ListingQuery::Scope::All}})
            .value_or(ListingQuery::Scope::All);
    listing.regionId = query.id(QStringLiteral("region"));
    // "Local" without a region means the signed-in user's own neighbourhood.
    if (listing.scope == ListingQuery::Scope::Local && !listing.regionId && call.user)
        listing.regionId = call.user->regionId;
    listing.category = query.text(QStringLiteral("category"));
    listing.text = query.text(QStringLiteral("q"));
    listing.minPrice = query.amount(QStringLiteral("min_price"));
    listing.maxPrice = query.amount(QStringLiteral("max_price"));
    listing.status = statusFilter(query);
    listing.sort =
        query
            .choice<ListingQuery::Sort>(QStringLiteral("sort"),
                                        {{QStringLiteral("ending"), ListingQuery::Sort::Ending},
                                         {QStringLiteral("newest"), ListingQuery::Sort::Newest},
                                         {QStringLiteral("price_asc"), ListingQuery::Sort::PriceAsc},
                                         {QStringLiteral("price_desc"), ListingQuery::Sort::PriceDesc}})
            .value_or(ListingQuery::Sort::Ending);
    listing.page = query.page();
    listing.pageSize = query.pageSize();
    return listing;
}

QHttpServerResponse list(const RouteContext& context, HttpCall& call)
{
    return bytesReply(QByteArrayLiteral("application/json"),
                      summaryPageJson(context.services.listings.search(listingQuery(call))));
}

QHttpServerResponse detail(const RouteContext& context, HttpCall& call, qint64 auctionId)
{
    return jsonReply(toJson(context.services.auctions.detail(auctionId, call.viewerId())));
}

QHttpServerResponse create(const RouteContext& context, HttpCall& call)
{
    const NewAuction spec = valueOrThrow(fromJson<NewAuction>(jsonObjectBody(call.body)));
    return createdReply(toJson(context.services.auctions.create(call.userId(), spec)));
}

QHttpServerResponse cancel(const RouteContext& context, HttpCall& call, qint64 auctionId)
{
    context.services.settlement.cancel(auctionId, call.userId(), false);
    return jsonReply(toJson(context.services.auctions.detail(auctionId, call.userId())));
}

} // namespace

void addAuctionRoutes(RouteTable& routes)
{
    routes.add(Route{Method::Get, QStringLiteral("/api/v1/auctions"), Access::OptionalUser}, Handler(list));
    routes.add(Route{Method::Post, QStringLiteral("/api/v1/auctions"), Access::User, BodyKind::Json},
               Handler(create));
    routes.add(Route{Method::Get, QStringLiteral("/api/v1/auctions/<arg>"), Access::OptionalUser},
               IdHandler(detail));
    routes.add(Route{Method::Post, QStringLiteral("/api/v1/auctions/<arg>/cancel"), Access::User},
               IdHandler(cancel));
}

} // namespace nb::transport::http
