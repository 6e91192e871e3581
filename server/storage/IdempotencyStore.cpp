#include "server/storage/IdempotencyStore.h"

#include "server/storage/RowReading.h"

#include <QJsonDocument>

namespace nb::storage::idempotency {

Claim claim(pqxx::work& tx, qint64 userId, const QString& requestId, const QString& operation,
            const QString& params)
{
    try {
        if (!tx.exec_prepared("idempotency_claim", userId, requestId.toStdString(), operation.toStdString(),
                              params.toStdString())
                 .empty())
            return Claim{Claim::State::New, {}};
    } catch (const pqxx::foreign_key_violation&) {
        return Claim{Claim::State::NoSuchUser, {}};
    }
    return stored(tx, userId, requestId, operation, params);
}

Claim stored(pqxx::transaction_base& tx, qint64 userId, const QString& requestId, const QString& operation,
             const QString& params)
{
    const auto row = tx.exec_prepared1("idempotency_get", userId, requestId.toStdString());
    const QString storedOperation = QString::fromStdString(row[0].as<std::string>());
    const QString storedParams = QString::fromStdString(row[1].as<std::string>());
    if (storedOperation != operation || storedParams != params || row[2].is_null())
        return Claim{Claim::State::Mismatch, {}};
    return Claim{Claim::State::Replay,
                 QJsonDocument::fromJson(QByteArray::fromStdString(row[2].as<std::string>())).object()};
}

void complete(pqxx::work& tx, qint64 userId, const QString& requestId, const QJsonObject& response)
{
    tx.exec_prepared0("idempotency_complete", userId, requestId.toStdString(), fields::jsonText(response));
}

void complete(StatementBatch& writes, qint64 userId, const QString& requestId, const QJsonObject& response)
{
    writes.add("idempotency_complete", userId, requestId.toStdString(), fields::jsonText(response));
}

} // namespace nb::storage::idempotency
