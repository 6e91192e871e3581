#include "tests/bench/load/BidText.h"

#include <algorithm>
#include <charconv>

namespace nb::bench::load {

namespace {

void appendNumber(QByteArray& out, qint64 value)
{
    char digits[24];
    const std::to_chars_result end = std::to_chars(digits, digits + sizeof digits, value);
    out.append(digits, end.ptr - digits);
}

} // namespace

bool isPlainRequestPrefix(QStringView prefix)
{
    return std::all_of(prefix.begin(), prefix.end(), [](QChar c) {
        const char16_t u = c.unicode();
        return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') ||
               u == u'-' || u == u'_';
    });
}

BidTextRequestId writeBidText(QByteArray& out, QByteArrayView plainPrefix, qint64 counter, qint64 auctionId,
                              qint64 amount)
{
    out.resize(0); // keeps the capacity
    out.append(R"({"type":"bid","request_id":")");
    BidTextRequestId id;
    id.start = out.size();
    out.append(plainPrefix);
    out.append('-');
    appendNumber(out, counter);
    id.size = out.size() - id.start;
    out.append(R"(","auction_id":)");
    appendNumber(out, auctionId);
    out.append(R"(,"amount":)");
    appendNumber(out, amount);
    out.append('}');
    return id;
}

} // namespace nb::bench::load
