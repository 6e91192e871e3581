#include "server/transport/http/RouteTable.h"

#include "server/transport/Metrics.h"
#include "server/transport/Workers.h"
#include "server/transport/http/HttpReplies.h"

#include <QHttpServer>
#include <QJsonArray>
#include <QPointer>
#include <QTcpSocket>

namespace nb::transport::http {

RouteTable::RouteTable(QHttpServer& server, Workers& workers, std::shared_ptr<const RouteContext> context)
    : m_server(server)
    , m_workers(workers)
    , m_context(std::move(context))
{}

void RouteTable::add(const Route& route, Handler handler)
{
    remember(route);
    m_server.route(route.pattern, route.method,
                   [this, route, handler = std::move(handler)](const QHttpServerRequest& request,
                                                               QHttpServerResponder&& responder) {
                       dispatch(route, request, std::move(responder), handler);
                   });
}

void RouteTable::add(const Route& route, IdHandler handler)
{
    remember(route);
    m_server.route(route.pattern, route.method,
                   [this, route, handler = std::move(handler)](qint64 id, const QHttpServerRequest& request,
                                                               QHttpServerResponder&& responder) {
                       dispatch(route, request, std::move(responder),
                                [handler, id](const RouteContext& context, HttpCall& call) {
                                    return handler(context, call, id);
                                });
                   });
}

void RouteTable::add(const Route& route, IdIdHandler handler)
{
    remember(route);
    m_server.route(route.pattern, route.method,
                   [this, route, handler = std::move(handler)](qint64 first, qint64 second,
                                                               const QHttpServerRequest& request,
                                                               QHttpServerResponder&& responder) {
                       dispatch(route, request, std::move(responder),
                                [handler, first, second](const RouteContext& context, HttpCall& call) {
                                    return handler(context, call, first, second);
                                });
                   });
}

void RouteTable::dispatch(const Route& route, const QHttpServerRequest& request,
                          QHttpServerResponder&& responder, Handler handler) const
{
    HttpCall call = HttpCall::from(request, route.pattern);
    if (std::optional<QHttpServerResponse> refusal = pipeline::screen(*m_context, route, call)) {
        pipeline::finish(*m_context, call, std::move(*refusal)).write(std::move(responder));
        return;
    }
    // Qt 6.4 deletes a connection's socket (and its request) as soon as the peer hangs up, and
    // its own QFuture route support then writes through the dangling pointers. So the answer is
    // written here, and only to a socket that still exists and is still connected. It comes back
    // through a queued call on the server's thread: a QFuture continuation with a context object
    // crashed in Qt 6.4 at a few thousand requests per second (QFutureInterfaceBase::reportStarted).
    QPointer<QTcpSocket> socket(responder.socket());
    auto pending = std::make_shared<QHttpServerResponder>(std::move(responder));
    // The context is shared, not borrowed: the task may outlive this table.
    m_workers.run(
        &m_server,
        [context = m_context, route, call = std::move(call), handler = std::move(handler)]() mutable {
            return std::make_shared<QHttpServerResponse>(
                pipeline::finish(*context, call, pipeline::run(*context, route, call, handler)));
        },
        [socket, pending](const std::exception_ptr& error, std::shared_ptr<QHttpServerResponse> response) {
            if (!socket || socket->state() != QAbstractSocket::ConnectedState)
                return;
            if (error || !response)
                internalErrorReply().write(std::move(*pending)); // finish() itself failed
            else
                response->write(std::move(*pending));
        });
}

void RouteTable::remember(const Route& route)
{
    QString pattern = QRegularExpression::escape(route.pattern);
    pattern.replace(QLatin1String("\\<arg\\>"), QLatin1String("[^/]+"));
    m_entries.push_back({route, QRegularExpression(QLatin1Char('^') + pattern + QLatin1Char('$'))});
}

const Route* RouteTable::match(const QByteArray& method, const QString& path, QStringList* allowed) const
{
    for (const Entry& entry : m_entries) {
        if (!entry.path.match(path).hasMatch())
            continue;
        if (httpMethodName(entry.route.method) == method)
            return &entry.route;
        if (allowed)
            *allowed << QString::fromLatin1(httpMethodName(entry.route.method));
    }
    return nullptr;
}

void RouteTable::answerUnmatched(const QHttpServerRequest& request, QHttpServerResponder&& responder) const
{
    HttpCall call = HttpCall::from(request, QStringLiteral("(unmatched)"));
    QStringList allowed;
    match(call.method, call.path, &allowed);
    QHttpServerResponse response =
        allowed.isEmpty()
            ? errorReply(ErrorCode::NotFound, QStringLiteral("There is no %1 here.").arg(call.path))
            : errorReply(
                  ErrorCode::NotFound,
                  QStringLiteral("%1 does not take %2; it takes %3.")
                      .arg(call.path, QString::fromLatin1(call.method), allowed.join(QStringLiteral(", "))),
                  QJsonObject{{"allowed", QJsonArray::fromStringList(allowed)}});
    pipeline::finish(*m_context, call, std::move(response)).write(std::move(responder));
}

} // namespace nb::transport::http
