#include "shared/RequestId.h"

namespace nb {

bool isValidRequestId(const QString& requestId)
{
    if (requestId.isEmpty() || requestId.size() > 64)
        return false;
    for (const QChar c : requestId) {
        const char16_t u = c.unicode();
        const bool ok = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
                        u == '_' || u == '-';
        if (!ok)
            return false;
    }
    return true;
}

} // namespace nb
