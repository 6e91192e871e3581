#include "server/storage/OutboxStore.h"

#include "server/storage/RowReading.h"
#include "server/storage/Transaction.h"

#include <QJsonDocument>

#include <algorithm>

namespace nb::storage::outbox {

namespace {

QJsonObject parse(const pqxx::field& f)
{
    const std::string text = f.as<std::string>();
    return QJsonDocument::fromJson(QByteArray::fromStdString(text)).object();
}

} // namespace

void appendAuctionEvent(pqxx::work& tx, qint64 auctionId, qint64 seq, const QJsonObject& payload)
{
    const std::string json = fields::jsonText(payload);
    tx.exec_prepared0("auction_event_insert", auctionId, seq, json);
    detail::noteOutboxWrite();
}

void appendAuctionEvent(StatementBatch& writes, qint64 auctionId, qint64 seq, const QJsonObject& payload)
{
    writes.add("auction_event_insert", auctionId, seq, fields::jsonText(payload));
    detail::noteOutboxWrite();
}

void appendUserEvent(pqxx::work& tx, qint64 userId, const QJsonObject& payload)
{
    tx.exec_prepared0("user_event_insert", userId, fields::jsonText(payload));
    detail::noteOutboxWrite();
}

void appendUserEvent(StatementBatch& writes, qint64 userId, const QJsonObject& payload)
{
    writes.add("user_event_insert", userId, fields::jsonText(payload));
    detail::noteOutboxWrite();
}

std::optional<std::vector<OutboxEvent>> takeBatch(pqxx::work& tx, int limit)
{
    if (!tx.exec_prepared1("outbox_try_lock")[0].as<bool>())
        return std::nullopt;
    std::vector<OutboxEvent> events;
    for (const auto& row : tx.exec_prepared("outbox_take", limit)) {
        OutboxEvent e;
        e.id = row[0].as<qint64>();
        if (!row[1].is_null())
            e.auctionId = row[1].as<qint64>();
        if (!row[2].is_null())
            e.userId = row[2].as<qint64>();
        e.payload = parse(row[3]);
        events.push_back(std::move(e));
    }
    // DELETE … RETURNING promises no order; the hand-off must follow the ids.
    std::sort(events.begin(), events.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    return events;
}

std::vector<QJsonObject> auctionEventsSince(pqxx::work& tx, qint64 auctionId, qint64 sinceSeq, int limit)
{
    std::vector<QJsonObject> events;
    for (const auto& row : tx.exec_prepared("auction_events_since", auctionId, sinceSeq, limit))
        events.push_back(parse(row[0]));
    return events;
}

} // namespace nb::storage::outbox
