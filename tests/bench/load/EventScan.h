#pragma once

#include <QStringView>

#include <optional>

namespace nb::bench::load {

/// What a subscriber needs of an auction event: which auction and which seq.
struct ScannedEvent {
    qint64 auctionId = 0;
    qint64 seq = 0;
};

/// Reads auction_id and seq of an `auction.*` event straight from its text, without building a
/// JSON document: a thousand subscribers receive a hundred events a second each, and the tool
/// must not become the bottleneck it measures. Inside JSON strings every quote is escaped, so a
/// bare `"seq":` can only be a key; events carry no nested object with these keys. Anything that
/// is not an auction event, or does not read cleanly, gives nothing: parse it in full instead.
std::optional<ScannedEvent> scanAuctionEvent(QStringView text);

} // namespace nb::bench::load
