#pragma once

#include <QString>

#include <optional>

namespace nb {

/// The error codes of PROTOCOL.md, each with its HTTP status.
enum class ErrorCode {
    BadRequest,
    Unauthorized,
    Forbidden,
    NotFound,
    Conflict,
    IdempotencyMismatch,
    AuctionNotActive,
    BidTooLow,
    InsufficientFunds,
    SellerCannotBid,
    BuyNowUnavailable,
    UsernameTaken,
    PayloadTooLarge,
    UnsupportedMediaType,
    RateLimited,
    Unavailable,
    Internal,
};

/// The wire name, e.g. "bid_too_low".
QString errorCodeName(ErrorCode code);
std::optional<ErrorCode> errorCodeFromName(const QString& name);
int httpStatusFor(ErrorCode code);

} // namespace nb
