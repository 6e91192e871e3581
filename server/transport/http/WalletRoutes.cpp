#include "server/services/Services.h"
#include "server/transport/http/HttpInput.h"
#include "server/transport/http/HttpReplies.h"
#include "server/transport/http/QueryReader.h"
#include "server/transport/http/RouteTable.h"
#include "server/transport/http/Routes.h"
#include "shared/protocol/Json.h"

namespace nb::transport::http {

namespace {

using Method = QHttpServerRequest::Method;
using services::WalletService;

QHttpServerResponse wallet(const RouteContext& context, HttpCall& call)
{
    return jsonReply(toJson(context.services.wallet.wallet(call.userId())));
}

QHttpServerResponse ledger(const RouteContext& context, HttpCall& call)
{
    const QueryReader query(call.query);
    const services::LedgerPage page =
        context.services.wallet.ledger(call.userId(), query.page(), query.pageSize());
    Page<LedgerEntry> out;
    out.items = QList<LedgerEntry>(page.items.begin(), page.items.end());
    out.total = page.total;
    out.page = page.page;
    out.pageSize = page.pageSize;
    return jsonReply(toJson(out));
}

/// POST /me/wallet/deposit and /withdraw: {amount, request_id} -> the wallet after the move.
Handler walletMove(Wallet (WalletService::*operation)(qint64, Won, const QString&))
{
    return [operation](const RouteContext& context, HttpCall& call) {
        JsonReader in(jsonObjectBody(call.body));
        const Won amount = in.won(QStringLiteral("amount"));
        const QString requestId = in.requestId();
        if (!in.ok())
            throwBadRequest(in.error());
        return jsonReply(toJson((context.services.wallet.*operation)(call.userId(), amount, requestId)));
    };
}

} // namespace

void addWalletRoutes(RouteTable& routes)
{
    routes.add(Route{Method::Get, QStringLiteral("/api/v1/me/wallet"), Access::User}, Handler(wallet));
    routes.add(Route{Method::Get, QStringLiteral("/api/v1/me/ledger"), Access::User}, Handler(ledger));
    routes.add(Route{Method::Post, QStringLiteral("/api/v1/me/wallet/deposit"), Access::User, BodyKind::Json},
               walletMove(&WalletService::deposit));
    routes.add(
        Route{Method::Post, QStringLiteral("/api/v1/me/wallet/withdraw"), Access::User, BodyKind::Json},
        walletMove(&WalletService::withdraw));
}

} // namespace nb::transport::http
