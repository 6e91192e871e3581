#pragma once

#include "shared/ErrorCode.h"

#include <QJsonObject>
#include <QString>

namespace nb {

/// A typed error as it travels on the wire: {"error": {"code", "message", "details"}}.
struct ApiError {
    ErrorCode code = ErrorCode::Internal;
    QString message;
    QJsonObject details;

    /// The inner object {"code", "message", "details"}.
    QJsonObject toJson() const;
    /// The envelope {"error": {...}}.
    QJsonObject toEnvelope() const;
    /// Reads an envelope or an inner object; unknown codes become Internal.
    static ApiError fromJson(const QJsonObject& json);
};

} // namespace nb
