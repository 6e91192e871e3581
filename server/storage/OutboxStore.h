#pragma once

#include "server/storage/StatementBatch.h"

#include <QJsonObject>

#include <optional>
#include <pqxx/pqxx>
#include <vector>

namespace nb::storage::outbox {

/// The channel that wakes relays of other processes (LISTEN/NOTIFY). A transaction that queued
/// events does not notify inside itself (a notifying transaction holds a database-wide lock from
/// its commit until the commit is on disk, which would serialise every bid): after it committed,
/// inTransaction() tells its pool (ConnectionPool::outboxCommitted), and a server wakes its own
/// relay in-process while any other process (the console, a tool) sends this notification.
constexpr const char* kNotifyChannel = "neighborbid_outbox";

/// Records an auction event (payload carries its seq) in the replay log and in the outbox.
void appendAuctionEvent(pqxx::work& tx, qint64 auctionId, qint64 seq, const QJsonObject& payload);
void appendAuctionEvent(StatementBatch& writes, qint64 auctionId, qint64 seq, const QJsonObject& payload);
/// Records an event for all connections of one user (wallet, notification) in the outbox.
void appendUserEvent(pqxx::work& tx, qint64 userId, const QJsonObject& payload);
void appendUserEvent(StatementBatch& writes, qint64 userId, const QJsonObject& payload);

/// An outbox row as the relay reads it.
struct OutboxEvent {
    qint64 id = 0;
    std::optional<qint64> auctionId;
    std::optional<qint64> userId;
    QJsonObject payload;
};

/// Takes up to limit of the oldest committed events, in commit order of each auction and user,
/// and deletes them in the same transaction. Only one relay drains at a time (advisory lock);
/// returns nothing (rather than an empty batch) when another relay holds it.
///
/// The transaction commits asynchronously (synchronous_commit off, for it alone): delivery is
/// at least once already, since events are handed on before the deletion commits, and followers
/// skip an auction event whose seq they hold. Waiting for the disk here put a second flush into
/// every bid's round on a hot auction, one the next bid's commit queued behind. What a crash of
/// PostgreSQL can cost is that events handed on in its last moments are handed on again after it;
/// money and the events themselves are committed synchronously by the transactions that make them.
std::optional<std::vector<OutboxEvent>> takeBatch(pqxx::work& tx, int limit);

/// The auction's events with seq > sinceSeq, in seq order (for a reconnecting subscriber).
std::vector<QJsonObject> auctionEventsSince(pqxx::work& tx, qint64 auctionId, qint64 sinceSeq, int limit);

} // namespace nb::storage::outbox
