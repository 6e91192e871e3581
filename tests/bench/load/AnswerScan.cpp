#include "tests/bench/load/AnswerScan.h"

#include "tests/bench/load/JsonText.h"

namespace nb::bench::load {

namespace {

/// Which object or array the walk is in: the answer's own object, its `error`, that error's
/// `details`, or anything else (whose keys are skipped).
enum class Scope : quint8 { Root, Error, Details, Other, Array };

/// The keys read, one bit each in the walk's `seen` mask.
enum class Field : quint8 {
    None,
    Type,
    RequestId,
    Seq,
    CurrentPrice,
    Leading,
    Error,
    Code,
    Details,
    MinAmount,
    RetryAfterMs,
};

constexpr int kMaxDepth = 16;

constexpr unsigned bit(Field field)
{
    return 1u << static_cast<unsigned>(field);
}

Field fieldOf(Scope scope, QStringView key)
{
    switch (scope) {
    case Scope::Root:
        if (key == u"type")
            return Field::Type;
        if (key == u"request_id")
            return Field::RequestId;
        if (key == u"seq")
            return Field::Seq;
        if (key == u"current_price")
            return Field::CurrentPrice;
        if (key == u"leading")
            return Field::Leading;
        if (key == u"error")
            return Field::Error;
        return Field::None;
    case Scope::Error:
        if (key == u"code")
            return Field::Code;
        if (key == u"details")
            return Field::Details;
        return Field::None;
    case Scope::Details:
        if (key == u"min_amount")
            return Field::MinAmount;
        if (key == u"retry_after_ms")
            return Field::RetryAfterMs;
        return Field::None;
    case Scope::Other:
    case Scope::Array:
        break;
    }
    return Field::None;
}

/// A string at `at` (the text has no backslash, so the next quote closes it); moves `at` past it.
bool readString(QStringView text, qsizetype& at, QStringView& value)
{
    if (at >= text.size() || text[at] != u'"')
        return false;
    const qsizetype close = text.indexOf(u'"', at + 1);
    if (close < 0 || !endsValue(text, close + 1))
        return false;
    value = text.sliced(at + 1, close - at - 1);
    at = close + 1;
    return true;
}

bool readBool(QStringView text, qsizetype& at, bool& value)
{
    const QStringView rest = text.sliced(at);
    if (rest.startsWith(u"true") && endsValue(text, at + 4)) {
        value = true;
        at += 4;
        return true;
    }
    if (rest.startsWith(u"false") && endsValue(text, at + 5)) {
        value = false;
        at += 5;
        return true;
    }
    return false;
}

} // namespace

std::optional<ScannedAnswer> scanBidAnswer(QStringView text)
{
    const qsizetype n = text.size();
    // Without a backslash, every quote opens or closes a string: a key is a string followed by
    // a colon, and nothing inside a string can pass for structure.
    if (n < 2 || text[0] != u'{' || text.contains(u'\\'))
        return std::nullopt;
    ScannedAnswer answer;
    QStringView type;
    unsigned seen = 0;
    Scope scopes[kMaxDepth];
    int depth = 0;
    qsizetype i = 0;
    while (i < n) {
        const char16_t c = text[i].unicode();
        switch (c) {
        case u'{':
        case u'[':
            if (depth == kMaxDepth)
                return std::nullopt;
            scopes[depth] = c == u'[' ? Scope::Array : depth == 0 ? Scope::Root : Scope::Other;
            ++depth;
            ++i;
            break;
        case u'}':
        case u']':
            if (depth == 0 || (scopes[depth - 1] == Scope::Array) != (c == u']'))
                return std::nullopt;
            --depth;
            ++i;
            if (depth == 0 && i != n)
                return std::nullopt;
            break;
        case u'"': {
            const qsizetype close = text.indexOf(u'"', i + 1);
            if (close < 0)
                return std::nullopt;
            if (close + 1 == n || text[close + 1] != u':') { // a string value
                i = close + 1;
                break;
            }
            if (depth == 0 || scopes[depth - 1] == Scope::Array)
                return std::nullopt;
            const Field field = fieldOf(scopes[depth - 1], text.sliced(i + 1, close - i - 1));
            i = close + 2;
            if (field == Field::None)
                break;
            if (seen & bit(field))
                return std::nullopt;
            seen |= bit(field);
            bool read = false;
            switch (field) {
            case Field::Type:
                // Any other message is not an answer to a bid: stop here.
                read = readString(text, i, type) && (type == u"bid_result" || type == u"error");
                break;
            case Field::RequestId:
                read = readString(text, i, answer.requestId);
                break;
            case Field::Seq:
                read = readPlainInteger(text, i, answer.seq);
                break;
            case Field::CurrentPrice:
                read = readPlainInteger(text, i, answer.currentPrice);
                break;
            case Field::Leading:
                read = readBool(text, i, answer.leading);
                break;
            case Field::Code:
                read = readString(text, i, answer.code);
                break;
            case Field::MinAmount:
                read = readPlainInteger(text, i, answer.minAmount);
                break;
            case Field::RetryAfterMs:
                read = readPlainInteger(text, i, answer.retryAfterMs);
                break;
            case Field::Error:
            case Field::Details:
                read = i < n && text[i] == u'{' && depth < kMaxDepth;
                if (read) {
                    scopes[depth] = field == Field::Error ? Scope::Error : Scope::Details;
                    ++depth;
                    ++i;
                }
                break;
            case Field::None:
                break;
            }
            if (!read)
                return std::nullopt;
            break;
        }
        case u' ':
        case u'\t':
        case u'\n':
        case u'\r':
            return std::nullopt;
        default:
            ++i;
            break;
        }
    }
    if (depth != 0 || !(seen & bit(Field::Type)) || !(seen & bit(Field::RequestId)))
        return std::nullopt;
    if (type == u"bid_result") {
        constexpr unsigned needed = bit(Field::Seq) | bit(Field::CurrentPrice) | bit(Field::Leading);
        if ((seen & needed) != needed)
            return std::nullopt;
        answer.kind = ScannedAnswer::Kind::BidResult;
        return answer;
    }
    if (!(seen & bit(Field::Code)) || (answer.code == u"bid_too_low" && !(seen & bit(Field::MinAmount))))
        return std::nullopt;
    answer.kind = ScannedAnswer::Kind::Error;
    return answer;
}

} // namespace nb::bench::load
