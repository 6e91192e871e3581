#pragma once

#include <QStringView>

#include <optional>

namespace nb::bench::load {

/// What a bidder needs of the answer to its bid, read by scanBidAnswer(). The views point into
/// the scanned text.
struct ScannedAnswer {
    enum class Kind { BidResult, Error };

    Kind kind = Kind::BidResult;
    QStringView requestId;
    // bid_result
    qint64 seq = 0;
    qint64 currentPrice = 0;
    bool leading = false;
    // error
    QStringView code;
    qint64 minAmount = 0;    // details.min_amount, always present for bid_too_low
    qint64 retryAfterMs = 0; // details.retry_after_ms, 0 when absent
};

/// Reads the answer to a bid, `{"type":"bid_result","request_id",…,"seq","current_price",
/// "leading",…}` or `{"type":"error","request_id",…,"error":{"code",…,"details":{"min_amount"
/// |"retry_after_ms",…}}}`, straight from its compact text, without building a JSON document:
/// a hundred bidders receive thousands of answers a second, and the tool must not cost as much
/// as the server it measures. One pass walks the text, knowing which object each key belongs to
/// (keys of nested objects, such as the wallet's, are skipped), in any key order. It gives
/// nothing, so that the message is parsed in full instead, for any other message, an answer
/// without a request_id, a text with a backslash anywhere (an escape in a string), whitespace
/// between tokens, a wanted field missing, repeated or of another type, or a number that is not
/// a plain non-negative integer.
std::optional<ScannedAnswer> scanBidAnswer(QStringView text);

} // namespace nb::bench::load
