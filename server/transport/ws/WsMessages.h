#pragma once

#include "server/transport/ws/WsTextFrame.h"
#include "shared/ApiError.h"
#include "shared/protocol/Objects.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <exception>
#include <optional>

namespace nb::transport::ws {

/// The server's WebSocket messages (PROTOCOL.md, "WebSocket"). Each builder takes the request_id
/// value of the message it answers, exactly as the client sent it (undefined when it sent none),
/// and echoes it back, so that every request is matched by its answer.

/// {"type":"error","request_id"?,"error":{code,message,details}}, framed. Written straight to
/// bytes (the same bytes as QJsonDocument would write): on a hot auction most bids are refused,
/// thousands a second.
WsTextFrame errorMessage(const ApiError& error, const QJsonValue& requestId);
/// {"type":"welcome","v":1,"user":User|null,"server_time"}
QJsonObject welcomeMessage(const std::optional<User>& user, const QJsonValue& requestId);
/// {"type":"pong","server_time"}
QJsonObject pongMessage(const QJsonValue& requestId);
/// {"type":"snapshot","auction":AuctionDetail}
QJsonObject snapshotMessage(const AuctionDetail& auction, const QJsonValue& requestId);
/// {"type":"subscribed","auction_id","seq"}: closes a replay when the subscribe carried a
/// request_id (the replayed events themselves are ordinary pushes).
QJsonObject subscribedMessage(qint64 auctionId, qint64 seq, const QJsonValue& requestId);
/// {"type":"unsubscribed","auction_id"}: sent only when the unsubscribe carried a request_id.
QJsonObject unsubscribedMessage(qint64 auctionId, const QJsonValue& requestId);
/// {"type":"bid_result", …BidResult}
QJsonObject bidResultMessage(const BidResult& result, const QJsonValue& requestId);
/// {"type":"buy_now_result","auction":AuctionDetail}
QJsonObject buyNowResultMessage(const AuctionDetail& auction, const QJsonValue& requestId);

/// A bad_request error with details.field when a field is named.
ApiError badRequest(const QString& message, const QString& field = QString());
/// What a failed worker call answers: a ServiceError's own error; anything else is logged and
/// becomes `internal` with a message that reveals nothing of the server.
ApiError errorFrom(const std::exception_ptr& error, const char* operation);

} // namespace nb::transport::ws
