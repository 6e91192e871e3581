#include "client/dialogs/ListingCheck.h"

#include "shared/protocol/Json.h"

namespace nb::client {

std::optional<ListingCheck::Problem> ListingCheck::check(const NewAuction& listing, const QDateTime& now)
{
    // Re-reading the listing through the protocol's decoder applies every field rule the server has.
    const Decoded<NewAuction> decoded = fromJson<NewAuction>(toJson(listing));
    if (!decoded)
        return Problem{decoded.error().field, sentenceFor(decoded.error().field, decoded.error().problem)};
    if (const std::optional<DecodeError> schedule = checkNewAuctionSchedule(decoded.value(), now))
        return Problem{schedule->field, sentenceFor(schedule->field, schedule->problem)};
    return std::nullopt;
}

QString ListingCheck::sentenceFor(const QString& field, const QString& problem)
{
    if (field == "title")
        return tr("Give the item a title of 1 to %1 characters.").arg(kMaxTitleLength);
    if (field == "description")
        return tr("The description can have at most %1 characters.").arg(kMaxDescriptionLength);
    if (field == "category")
        return tr("Choose a category.");
    if (field == "start_price")
        return tr("Enter a start price: a whole number of won, at least 1.");
    if (field == "bid_increment")
        return tr("The bid step must be a whole number of won, at least 1.");
    if (field == "reserve_price")
        return tr("The reserve price must be at least the start price.");
    if (field == "buy_now_price") {
        if (problem.contains("reserve_price"))
            return tr("The buy-now price must be at least the reserve price.");
        return tr("The buy-now price must be higher than the start price.");
    }
    if (field == "ends_at") {
        if (problem.contains("30 days"))
            return tr("An auction can run at most 30 days.");
        return tr("The end must be in the future and after the start.");
    }
    if (field == "soft_close_seconds")
        return tr("The soft close is 0 to %1 seconds.").arg(kMaxSoftCloseSeconds);
    if (field == "region_id")
        return tr("Choose the region where the item is.");
    return problem;
}

} // namespace nb::client
