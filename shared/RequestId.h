#pragma once

#include <QString>

namespace nb {

/// A request_id is 1..64 characters of [A-Za-z0-9_-] (PROTOCOL.md, Conventions).
bool isValidRequestId(const QString& requestId);

} // namespace nb
