#include "tests/bench/load/EventScan.h"

#include "tests/bench/load/JsonText.h"

namespace nb::bench::load {

namespace {

/// The plain non-negative integer after the only occurrence of `key`; nothing if absent,
/// repeated or not a plain integer (readPlainInteger).
std::optional<qint64> integerAfter(QStringView text, QStringView key)
{
    const qsizetype at = text.indexOf(key);
    if (at < 0 || text.indexOf(key, at + key.size()) >= 0)
        return std::nullopt;
    qsizetype i = at + key.size();
    qint64 value = 0;
    if (!readPlainInteger(text, i, value))
        return std::nullopt;
    return value;
}

/// Whether `text` holds `"type":"auction.`. Every message goes through this test first, most of
/// them answers to bids: a message has few dots and the search for one character is vectorised,
/// where the search for the whole string costs several times more.
bool hasAuctionType(QStringView text)
{
    constexpr QStringView before = u"\"type\":\"auction";
    for (qsizetype dot = text.indexOf(u'.', before.size()); dot >= 0; dot = text.indexOf(u'.', dot + 1)) {
        if (text.sliced(dot - before.size(), before.size()) == before)
            return true;
    }
    return false;
}

} // namespace

std::optional<ScannedEvent> scanAuctionEvent(QStringView text)
{
    if (!hasAuctionType(text))
        return std::nullopt;
    const std::optional<qint64> auctionId = integerAfter(text, u"\"auction_id\":");
    const std::optional<qint64> seq = integerAfter(text, u"\"seq\":");
    if (!auctionId || !seq)
        return std::nullopt;
    return ScannedEvent{*auctionId, *seq};
}

} // namespace nb::bench::load
