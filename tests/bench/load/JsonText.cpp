#include "tests/bench/load/JsonText.h"

namespace nb::bench::load {

namespace {

/// More digits could overflow; no amount, id or seq comes near.
constexpr int kMaxDigits = 17;

} // namespace

bool endsValue(QStringView text, qsizetype at)
{
    return at < text.size() && (text[at] == u',' || text[at] == u'}');
}

bool readPlainInteger(QStringView text, qsizetype& at, qint64& value)
{
    qsizetype i = at;
    qint64 result = 0;
    for (; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c < u'0' || c > u'9')
            break;
        if (i - at == kMaxDigits)
            return false;
        result = result * 10 + (c - u'0');
    }
    if (i == at || (i - at > 1 && text[at] == u'0') || !endsValue(text, i))
        return false;
    value = result;
    at = i;
    return true;
}

} // namespace nb::bench::load
