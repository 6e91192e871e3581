#include "shared/protocol/Json.h"
#include "shared/protocol/JsonEncoding.h"

namespace nb {

using jsonencoding::timeValue;
using jsonencoding::valueOrNull;

namespace {

// Every event starts {"type", "auction_id", "seq"}.
QJsonObject eventHeader(const char* type, qint64 auctionId, qint64 seq)
{
    return QJsonObject{{"type", QString::fromLatin1(type)}, {"auction_id", auctionId}, {"seq", seq}};
}

void readHeader(JsonReader& in, const char* type, qint64& auctionId, qint64& seq)
{
    const QString actual = in.string("type");
    if (in.ok() && actual != QLatin1String(type))
        in.fail("type", QStringLiteral("must be \"%1\"").arg(QLatin1String(type)));
    auctionId = in.id("auction_id");
    seq = in.integer("seq", 0, kMaxJsonInteger);
}

} // namespace

QJsonObject toJson(const AuctionBidEvent& event)
{
    QJsonObject json = eventHeader(AuctionBidEvent::kType, event.auctionId, event.seq);
    json.insert("amount", event.amount);
    json.insert("current_price", event.currentPrice);
    json.insert("bid_count", event.bidCount);
    json.insert("high_bidder", toJson(event.highBidder));
    json.insert("min_next_bid", event.minNextBid);
    json.insert("ends_at", timeValue(event.endsAt));
    json.insert("at", timeValue(event.at));
    return json;
}

QJsonObject toJson(const AuctionExtendedEvent& event)
{
    QJsonObject json = eventHeader(AuctionExtendedEvent::kType, event.auctionId, event.seq);
    json.insert("ends_at", timeValue(event.endsAt));
    return json;
}

QJsonObject toJson(const AuctionEndedEvent& event)
{
    QJsonObject json = eventHeader(AuctionEndedEvent::kType, event.auctionId, event.seq);
    json.insert("reason", toWire(event.reason));
    json.insert("winner", event.winner ? QJsonValue(toJson(*event.winner)) : QJsonValue(QJsonValue::Null));
    json.insert("final_price", valueOrNull(event.finalPrice));
    json.insert("reserve_met", event.reserveMet);
    return json;
}

QJsonObject toJson(const AuctionStartedEvent& event)
{
    return eventHeader(AuctionStartedEvent::kType, event.auctionId, event.seq);
}

template <>
Decoded<AuctionBidEvent> fromJson<AuctionBidEvent>(const QJsonObject& json)
{
    JsonReader in(json);
    AuctionBidEvent event;
    readHeader(in, AuctionBidEvent::kType, event.auctionId, event.seq);
    event.amount = in.won("amount");
    event.currentPrice = in.won("current_price");
    event.bidCount = in.count("bid_count");
    event.highBidder = in.nested(fromJson<PartyRef>(in.objectField("high_bidder")), "high_bidder");
    event.minNextBid = in.won("min_next_bid");
    event.endsAt = in.time("ends_at");
    event.at = in.time("at");
    return in.result(std::move(event));
}

template <>
Decoded<AuctionExtendedEvent> fromJson<AuctionExtendedEvent>(const QJsonObject& json)
{
    JsonReader in(json);
    AuctionExtendedEvent event;
    readHeader(in, AuctionExtendedEvent::kType, event.auctionId, event.seq);
    event.endsAt = in.time("ends_at");
    return in.result(std::move(event));
}

template <>
Decoded<AuctionEndedEvent> fromJson<AuctionEndedEvent>(const QJsonObject& json)
{
    JsonReader in(json);
    AuctionEndedEvent event;
    readHeader(in, AuctionEndedEvent::kType, event.auctionId, event.seq);
    event.reason = in.enumValue("reason", EndReason::Time);
    if (const std::optional<QJsonObject> winner = in.optionalObjectField("winner"))
        event.winner = in.nested(fromJson<PartyRef>(*winner), "winner");
    event.finalPrice = in.optionalWon("final_price");
    event.reserveMet = in.boolean("reserve_met");
    return in.result(std::move(event));
}

template <>
Decoded<AuctionStartedEvent> fromJson<AuctionStartedEvent>(const QJsonObject& json)
{
    JsonReader in(json);
    AuctionStartedEvent event;
    readHeader(in, AuctionStartedEvent::kType, event.auctionId, event.seq);
    return in.result(event);
}

} // namespace nb
