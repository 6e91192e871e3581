#include "server/services/Services.h"
#include "server/transport/http/HttpReplies.h"
#include "server/transport/http/RouteTable.h"
#include "server/transport/http/Routes.h"
#include "shared/protocol/CommunityJson.h"

namespace nb::transport::http {

namespace {

using Method = QHttpServerRequest::Method;

QHttpServerResponse upload(const RouteContext& context, HttpCall& call, qint64 auctionId)
{
    const ImageRef image = context.services.images.add(call.userId(), auctionId,
                                                       QString::fromLatin1(call.contentType), call.body);
    QHttpServerResponse response = createdReply(toJson(image));
    response.setHeader(QByteArrayLiteral("Location"), image.url.toUtf8());
    return response;
}

QHttpServerResponse image(const RouteContext& context, HttpCall&, qint64 auctionId, qint64 index)
{
    // An index past int is no image either; keep it out of the narrowing.
    const bool plausible = index >= 0 && index < services::ImageService::kMaxImages;
    const services::StoredImage stored = context.services.images.get(auctionId, plausible ? int(index) : -1);
    QHttpServerResponse response = bytesReply(stored.contentType.toLatin1(), stored.bytes);
    // An uploaded image never changes under its URL.
    response.setHeader(QByteArrayLiteral("Cache-Control"),
                       QByteArrayLiteral("public, max-age=86400, immutable"));
    response.setHeader(QByteArrayLiteral("X-Content-Type-Options"), QByteArrayLiteral("nosniff"));
    return response;
}

} // namespace

void addImageRoutes(RouteTable& routes)
{
    routes.add(
        Route{Method::Post, QStringLiteral("/api/v1/auctions/<arg>/images"), Access::User, BodyKind::Image},
        IdHandler(upload));
    routes.add(Route{Method::Get, QStringLiteral("/api/v1/auctions/<arg>/images/<arg>")}, IdIdHandler(image));
}

} // namespace nb::transport::http
