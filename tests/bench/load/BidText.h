#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QStringView>

namespace nb::bench::load {

/// Whether a request prefix can go into a bid's JSON text as it is: ASCII letters, digits, '-'
/// and '_' only (the protocol's request id characters), so nothing needs escaping.
bool isPlainRequestPrefix(QStringView prefix);

/// Where the request id sits in a written bid.
struct BidTextRequestId {
    qsizetype start = 0;
    qsizetype size = 0;
};

/// Writes `{"type":"bid","request_id":"<prefix>-<counter>","auction_id":…,"amount":…}` into
/// `out` as compact JSON text, without a JSON document: `out` is emptied first and keeps its
/// capacity, so a bidder reusing it allocates nothing. `plainPrefix` must have passed
/// isPlainRequestPrefix().
BidTextRequestId writeBidText(QByteArray& out, QByteArrayView plainPrefix, qint64 counter, qint64 auctionId,
                              qint64 amount);

} // namespace nb::bench::load
