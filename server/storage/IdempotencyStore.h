#pragma once

#include "server/storage/StatementBatch.h"

#include <QJsonObject>
#include <QString>

#include <optional>
#include <pqxx/pqxx>

namespace nb::storage::idempotency {

/// What a request_id has been used for before.
struct Claim {
    enum class State {
        New,        // first use: perform the operation, then complete() before committing
        Replay,     // used before for the same request: answer `response` again
        Mismatch,   // used before for a different request
        NoSuchUser, // the user does not exist (the transaction is aborted: roll it back)
    };
    State state = State::New;
    QJsonObject response;
};

/// Claims (userId, requestId) for this transaction. A concurrent first use of the same key makes
/// this call wait until that transaction ends (and then see its outcome).
Claim claim(pqxx::work& tx, qint64 userId, const QString& requestId, const QString& operation,
            const QString& params);
/// What the key (userId, requestId), which this transaction could not claim, was used for: a
/// Replay or a Mismatch.
Claim stored(pqxx::transaction_base& tx, qint64 userId, const QString& requestId, const QString& operation,
             const QString& params);

void complete(pqxx::work& tx, qint64 userId, const QString& requestId, const QJsonObject& response);
void complete(StatementBatch& writes, qint64 userId, const QString& requestId, const QJsonObject& response);

} // namespace nb::storage::idempotency
