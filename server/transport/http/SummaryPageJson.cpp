#include "server/transport/http/SummaryPageJson.h"

#include "server/transport/JsonBytes.h"
#include "shared/TimeFormat.h"
#include "shared/protocol/Json.h"
#include "shared/protocol/WireEnums.h"

namespace nb::transport::http {

namespace {

/// The fields in QJsonObject's order (sorted by key), the optional ones only when present.
void writeSummary(JsonBytes& out, const AuctionSummary& s)
{
    out.raw('{');
    out.key("bid_count");
    out.integer(s.bidCount);
    if (s.buyNowPrice) {
        out.raw(",\"buy_now_price\":");
        out.integer(*s.buyNowPrice);
    }
    out.raw(",\"category\":");
    out.string(s.category);
    out.raw(",\"current_price\":");
    out.integer(s.currentPrice);
    out.raw(",\"ends_at\":");
    out.time(s.endsAt);
    if (s.highBidderId) {
        out.raw(",\"high_bidder_id\":");
        out.integer(*s.highBidderId);
    }
    out.raw(",\"id\":");
    out.integer(s.id);
    out.raw(",\"is_national\":");
    out.boolean(s.isNational);
    if (s.leading) {
        out.raw(",\"leading\":");
        out.boolean(*s.leading);
    }
    if (s.myMax) {
        out.raw(",\"my_max\":");
        out.integer(*s.myMax);
    }
    out.raw(",\"region\":{\"id\":");
    out.integer(s.region.id);
    out.raw(",\"name\":");
    out.string(s.region.name);
    out.raw("},\"seller\":{\"display_name\":");
    out.string(s.seller.displayName);
    out.raw(",\"id\":");
    out.integer(s.seller.id);
    out.raw(",\"reputation\":");
    out.number(roundedReputation(s.seller.reputation));
    out.raw(",\"review_count\":");
    out.integer(s.seller.reviewCount);
    out.raw("},\"start_price\":");
    out.integer(s.startPrice);
    out.raw(",\"starts_at\":");
    out.time(s.startsAt);
    out.raw(",\"status\":");
    out.string(toWire(s.status));
    if (!s.thumbnailUrl.isEmpty()) {
        out.raw(",\"thumbnail_url\":");
        out.string(s.thumbnailUrl);
    }
    out.raw(",\"title\":");
    out.string(s.title);
    out.raw(",\"watchers\":");
    out.integer(s.watchers);
    out.raw('}');
}

} // namespace

QByteArray summaryPageJson(const Page<AuctionSummary>& page)
{
    JsonBytes out(512 + 640 * page.items.size());
    out.raw("{\"items\":[");
    for (qsizetype i = 0; i < page.items.size(); ++i) {
        if (i > 0)
            out.raw(',');
        writeSummary(out, page.items.at(i));
    }
    out.raw("],\"page\":");
    out.integer(page.page);
    out.raw(",\"page_size\":");
    out.integer(page.pageSize);
    out.raw(",\"total\":");
    out.integer(page.total);
    out.raw('}');
    return out.take();
}

} // namespace nb::transport::http
