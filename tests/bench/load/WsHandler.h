#pragma once

#include "tests/bench/load/AnswerScan.h"
#include "tests/bench/load/EventScan.h"

#include <QJsonObject>
#include <QString>

namespace nb::bench::load {

class WsConnection;

/// The owner of a WsConnection: bidder, subscriber or idle holder. Calls arrive on the
/// connection's thread; none may delete the connection.
class WsHandler {
public:
    virtual ~WsHandler() = default;

    /// The welcome arrived: the connection is usable.
    virtual void onWelcome(WsConnection& connection, const QJsonObject& welcome) = 0;
    /// Any other message, parsed.
    virtual void onMessage(WsConnection& connection, const QJsonObject& message) = 0;
    /// An auction event, read by scanAuctionEvent(); `text` is there for handlers needing more.
    /// `arrivalNs` here and in onBidAnswer() is when the message reached the socket (steady
    /// clock), which is before now when the thread was busy with its other connections.
    virtual void onAuctionEvent(WsConnection& connection, const ScannedEvent& event, const QString& text,
                                qint64 arrivalNs) = 0;
    /// The answer to a bid, read by scanBidAnswer(); `answer` points into the message's text.
    /// Returns false to have the message parsed in full and given to onMessage() instead.
    virtual bool onBidAnswer(WsConnection& /*connection*/, const ScannedAnswer& /*answer*/,
                             qint64 /*arrivalNs*/)
    {
        return false;
    }
    /// The connection failed or was closed by the other side (not by close()); it is dead.
    /// `code` names the failure for the error tally; `detail` is for people.
    virtual void onFailure(WsConnection& connection, const QString& code, const QString& detail) = 0;
};

} // namespace nb::bench::load
