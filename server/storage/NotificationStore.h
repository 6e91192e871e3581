#pragma once

#include "shared/protocol/Objects.h"

#include <pqxx/pqxx>

#include <optional>

namespace nb::storage::notifications {

/// Stores a notification for a user and returns it as stored (id, time).
Notification insert(pqxx::work& tx, qint64 userId, const QString& kind, std::optional<qint64> auctionId,
                    const QString& text);

} // namespace nb::storage::notifications
