#include "server/transport/ws/WsMessages.h"

#include "server/services/ServiceError.h"
#include "server/transport/JsonBytes.h"
#include "shared/TimeFormat.h"
#include "shared/protocol/Json.h"

#include <QDateTime>
#include <QLoggingCategory>

namespace nb::transport::ws {

Q_LOGGING_CATEGORY(lcWsMessages, "neighborbid.ws")

namespace {

QJsonObject typed(const char* type, const QJsonValue& requestId)
{
    QJsonObject message{{QStringLiteral("type"), QLatin1String(type)}};
    if (!requestId.isUndefined())
        message.insert(QStringLiteral("request_id"), requestId);
    return message;
}

QString now()
{
    return toWireTime(QDateTime::currentDateTimeUtc());
}

} // namespace

WsTextFrame errorMessage(const ApiError& error, const QJsonValue& requestId)
{
    // ApiError::toJson's object, its keys in QJsonObject's sorted order.
    JsonBytes out(160 + error.message.size());
    out.raw("{\"error\":{\"code\":");
    out.string(errorCodeName(error.code));
    if (!error.details.isEmpty()) {
        out.raw(",\"details\":");
        out.object(error.details);
    }
    out.raw(",\"message\":");
    out.string(error.message);
    out.raw('}');
    if (!requestId.isUndefined()) {
        out.raw(",\"request_id\":");
        out.value(requestId);
    }
    out.raw(",\"type\":\"error\"}");
    return WsTextFrame(out.take());
}

QJsonObject welcomeMessage(const std::optional<User>& user, const QJsonValue& requestId)
{
    QJsonObject message = typed("welcome", requestId);
    message.insert(QStringLiteral("v"), 1);
    message.insert(QStringLiteral("user"), user ? QJsonValue(toJson(*user)) : QJsonValue(QJsonValue::Null));
    message.insert(QStringLiteral("server_time"), now());
    return message;
}

QJsonObject pongMessage(const QJsonValue& requestId)
{
    QJsonObject message = typed("pong", requestId);
    message.insert(QStringLiteral("server_time"), now());
    return message;
}

QJsonObject snapshotMessage(const AuctionDetail& auction, const QJsonValue& requestId)
{
    QJsonObject message = typed("snapshot", requestId);
    message.insert(QStringLiteral("auction"), toJson(auction));
    return message;
}

QJsonObject subscribedMessage(qint64 auctionId, qint64 seq, const QJsonValue& requestId)
{
    QJsonObject message = typed("subscribed", requestId);
    message.insert(QStringLiteral("auction_id"), auctionId);
    message.insert(QStringLiteral("seq"), seq);
    return message;
}

QJsonObject unsubscribedMessage(qint64 auctionId, const QJsonValue& requestId)
{
    QJsonObject message = typed("unsubscribed", requestId);
    message.insert(QStringLiteral("auction_id"), auctionId);
    return message;
}

QJsonObject bidResultMessage(const BidResult& result, const QJsonValue& requestId)
{
    QJsonObject message = toJson(result);
    const QJsonObject head = typed("bid_result", requestId);
    for (auto it = head.begin(); it != head.end(); ++it)
        message.insert(it.key(), it.value());
    return message;
}

QJsonObject buyNowResultMessage(const AuctionDetail& auction, const QJsonValue& requestId)
{
    QJsonObject message = typed("buy_now_result", requestId);
    message.insert(QStringLiteral("auction"), toJson(auction));
    return message;
}

ApiError badRequest(const QString& message, const QString& field)
{
    ApiError error{ErrorCode::BadRequest, message, {}};
    if (!field.isEmpty())
        error.details.insert(QStringLiteral("field"), field);
    return error;
}

ApiError errorFrom(const std::exception_ptr& error, const char* operation)
{
    try {
        std::rethrow_exception(error);
    } catch (const services::ServiceError& e) {
        return e.error();
    } catch (const std::exception& e) {
        qCWarning(lcWsMessages, "%s failed: %s", operation, e.what());
    } catch (...) {
        qCWarning(lcWsMessages, "%s failed with an unknown exception", operation);
    }
    return ApiError{
        ErrorCode::Internal, QStringLiteral("Something went wrong on the server; please try again."), {}};
}

} // namespace nb::transport::ws
