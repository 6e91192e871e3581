#include "server/services/Services.h"
#include "server/transport/http/HttpInput.h"
#include "server/transport/http/HttpReplies.h"
#include "server/transport/http/QueryReader.h"
#include "server/transport/http/RouteTable.h"
#include "server/transport/http/Routes.h"
#include "shared/protocol/CommunityJson.h"

#include <QJsonArray>

namespace nb::transport::http {

namespace {

using Method = QHttpServerRequest::Method;
using services::ListingService;

/// At most this many ids in one POST /me/notifications/read.
constexpr int kMaxReadIds = 1000;

QHttpServerResponse me(const RouteContext&, HttpCall& call)
{
    return jsonReply(toJson(*call.user));
}

/// GET /me/bids, /me/auctions, /me/watchlist: a page of one of ListingService's lists.
Handler pageOf(Page<AuctionSummary> (ListingService::*list)(qint64, int, int))
{
    return [list](const RouteContext& context, HttpCall& call) {
        const QueryReader query(call.query);
        return jsonReply(
            toJson((context.services.listings.*list)(call.userId(), query.page(), query.pageSize())));
    };
}

QHttpServerResponse notifications(const RouteContext& context, HttpCall& call)
{
    const bool unreadOnly = QueryReader(call.query).flag(QStringLiteral("unread"));
    return jsonReply(toJson(context.services.notifications.list(call.userId(), unreadOnly)));
}

QList<qint64> idsOf(const QJsonArray& array)
{
    if (array.size() > kMaxReadIds)
        throwBadRequest(
            DecodeError{QStringLiteral("ids"), QStringLiteral("may hold at most %1 ids").arg(kMaxReadIds)});
    QList<qint64> ids;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonObject holder{{"id", array.at(i)}};
        ids << valueOrThrow(readId(holder, QStringLiteral("id")));
    }
    return ids;
}

/// {"all": true} or {"ids": [...]}.
QHttpServerResponse markRead(const RouteContext& context, HttpCall& call)
{
    JsonReader in(jsonObjectBody(call.body));
    const std::optional<bool> all = in.optionalBool(QStringLiteral("all"));
    if (!in.ok())
        throwBadRequest(in.error());
    if (all.value_or(false)) {
        context.services.notifications.markAllRead(call.userId());
        return noContentReply();
    }
    const QJsonArray array = in.array(QStringLiteral("ids"));
    if (!in.ok())
        throwBadRequest(DecodeError{QStringLiteral("ids"),
                                    QStringLiteral("must be an array of ids, or send {\"all\": true}")});
    const QList<qint64> ids = idsOf(array);
    context.services.notifications.markRead(call.userId(), ids);
    return noContentReply();
}

} // namespace

void addMeRoutes(RouteTable& routes)
{
    routes.add(Route{Method::Get, QStringLiteral("/api/v1/me"), Access::User}, Handler(me));
    routes.add(Route{Method::Get, QStringLiteral("/api/v1/me/bids"), Access::User},
               pageOf(&ListingService::myBids));
    routes.add(Route{Method::Get, QStringLiteral("/api/v1/me/auctions"), Access::User},
               pageOf(&ListingService::myAuctions));
    routes.add(Route{Method::Get, QStringLiteral("/api/v1/me/watchlist"), Access::User},
               pageOf(&ListingService::watchlist));
    routes.add(Route{Method::Get, QStringLiteral("/api/v1/me/notifications"), Access::User},
               Handler(notifications));
    routes.add(
        Route{Method::Post, QStringLiteral("/api/v1/me/notifications/read"), Access::User, BodyKind::Json},
        Handler(markRead));
}

} // namespace nb::transport::http
