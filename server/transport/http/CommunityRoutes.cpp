#include "server/services/Services.h"
#include "server/transport/http/HttpInput.h"
#include "server/transport/http/HttpReplies.h"
#include "server/transport/http/RouteTable.h"
#include "server/transport/http/Routes.h"
#include "shared/protocol/CommunityJson.h"

namespace nb::transport::http {

namespace {

using Method = QHttpServerRequest::Method;

/// The body's "text": a string (its length is the service's rule).
QString textOf(const HttpCall& call)
{
    return valueOrThrow(readString(jsonObjectBody(call.body), QStringLiteral("text")));
}

template <typename T>
QJsonObject itemsOf(const QList<T>& items)
{
    return QJsonObject{{"items", toJsonArray(items)}};
}

QHttpServerResponse watch(const RouteContext& context, HttpCall& call, qint64 auctionId)
{
    context.services.community.watch(call.userId(), auctionId);
    return noContentReply();
}

QHttpServerResponse unwatch(const RouteContext& context, HttpCall& call, qint64 auctionId)
{
    context.services.community.unwatch(call.userId(), auctionId);
    return noContentReply();
}

QHttpServerResponse questions(const RouteContext& context, HttpCall&, qint64 auctionId)
{
    return jsonReply(itemsOf(context.services.community.questions(auctionId)));
}

QHttpServerResponse ask(const RouteContext& context, HttpCall& call, qint64 auctionId)
{
    return createdReply(toJson(context.services.community.ask(call.userId(), auctionId, textOf(call))));
}

QHttpServerResponse answer(const RouteContext& context, HttpCall& call, qint64 auctionId, qint64 questionId)
{
    return jsonReply(
        toJson(context.services.community.answer(call.userId(), auctionId, questionId, textOf(call))));
}

QHttpServerResponse messages(const RouteContext& context, HttpCall& call, qint64 auctionId)
{
    return jsonReply(itemsOf(context.services.community.messages(call.userId(), auctionId)));
}

QHttpServerResponse sendMessage(const RouteContext& context, HttpCall& call, qint64 auctionId)
{
    return createdReply(
        toJson(context.services.community.sendMessage(call.userId(), auctionId, textOf(call))));
}

QHttpServerResponse review(const RouteContext& context, HttpCall& call, qint64 auctionId)
{
    JsonReader in(jsonObjectBody(call.body));
    const qint64 rating = in.integer(QStringLiteral("rating"), kMinRating, kMaxRating);
    const QString text = in.optionalString(QStringLiteral("text"));
    if (!in.ok())
        throwBadRequest(in.error());
    return createdReply(
        toJson(context.services.community.review(call.userId(), auctionId, static_cast<int>(rating), text)));
}

} // namespace

void addCommunityRoutes(RouteTable& routes)
{
    const QString auction = QStringLiteral("/api/v1/auctions/<arg>");
    routes.add(Route{Method::Put, auction + QStringLiteral("/watch"), Access::User}, IdHandler(watch));
    routes.add(Route{Method::Delete, auction + QStringLiteral("/watch"), Access::User}, IdHandler(unwatch));
    routes.add(Route{Method::Get, auction + QStringLiteral("/questions")}, IdHandler(questions));
    routes.add(Route{Method::Post, auction + QStringLiteral("/questions"), Access::User, BodyKind::Json},
               IdHandler(ask));
    routes.add(Route{Method::Post, auction + QStringLiteral("/questions/<arg>/answer"), Access::User,
                     BodyKind::Json},
               IdIdHandler(answer));
    routes.add(Route{Method::Get, auction + QStringLiteral("/messages"), Access::User}, IdHandler(messages));
    routes.add(Route{Method::Post, auction + QStringLiteral("/messages"), Access::User, BodyKind::Json},
               IdHandler(sendMessage));
    routes.add(Route{Method::Post, auction + QStringLiteral("/review"), Access::User, BodyKind::Json},
               IdHandler(review));
}

} // namespace nb::transport::http
