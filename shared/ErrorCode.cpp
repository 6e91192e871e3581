#include "shared/ErrorCode.h"

#include <array>

namespace nb {

namespace {

struct CodeInfo {
    ErrorCode code;
    const char* name;
    int httpStatus;
};

// Listed once: the wire name and the HTTP status of every code.
constexpr std::array<CodeInfo, 17> kCodes{{
    {ErrorCode::BadRequest, "bad_request", 400},
    {ErrorCode::Unauthorized, "unauthorized", 401},
    {ErrorCode::Forbidden, "forbidden", 403},
    {ErrorCode::NotFound, "not_found", 404},
    {ErrorCode::Conflict, "conflict", 409},
    {ErrorCode::IdempotencyMismatch, "idempotency_mismatch", 409},
    {ErrorCode::AuctionNotActive, "auction_not_active", 409},
    {ErrorCode::BidTooLow, "bid_too_low", 409},
    {ErrorCode::InsufficientFunds, "insufficient_funds", 409},
    {ErrorCode::SellerCannotBid, "seller_cannot_bid", 403},
    {ErrorCode::BuyNowUnavailable, "buy_now_unavailable", 409},
    {ErrorCode::UsernameTaken, "username_taken", 409},
    {ErrorCode::PayloadTooLarge, "payload_too_large", 413},
    {ErrorCode::UnsupportedMediaType, "unsupported_media_type", 415},
    {ErrorCode::RateLimited, "rate_limited", 429},
    {ErrorCode::Unavailable, "unavailable", 503},
    {ErrorCode::Internal, "internal", 500},
}};

const CodeInfo& infoFor(ErrorCode code)
{
    for (const auto& info : kCodes) {
        if (info.code == code)
            return info;
    }
    return kCodes.back();
}

} // namespace

QString errorCodeName(ErrorCode code)
{
    return QString::fromLatin1(infoFor(code).name);
}

std::optional<ErrorCode> errorCodeFromName(const QString& name)
{
    for (const auto& info : kCodes) {
        if (name == QLatin1String(info.name))
            return info.code;
    }
    return std::nullopt;
}

int httpStatusFor(ErrorCode code)
{
    return infoFor(code).httpStatus;
}

} // namespace nb
