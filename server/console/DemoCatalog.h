#pragma once

#include "shared/protocol/Objects.h"

#include <vector>

namespace nb::console::demo {

/// The demo data `console demo` seeds: a few neighbours in 서울 and 부산, a shop selling a dozen
/// items across the categories, and some bids between the neighbours. Region ids are those of
/// server/storage/sql/0002_reference_data.sql.

constexpr const char* kPassword = "neighborbid";
/// Its existence means the demo data is already there.
constexpr const char* kShopUsername = "neighbor_shop";
constexpr Won kDepositPerBidder = 1'000'000;

struct DemoUser {
    const char* username;
    const char* displayName;
    qint64 regionId;
    const char* regionName;
    bool bidder; // gets the deposit and places bids
};

struct DemoAuction {
    const char* title;
    const char* description;
    const char* category;
    qint64 regionId;
    bool isNational;
    ItemCondition condition;
    Won startPrice;
    Won buyNowPrice;     // 0: none
    int startsInMinutes; // 0: now
    int endsInMinutes;
};

struct DemoBid {
    int auction; // index into auctions()
    const char* bidder;
    Won amount;
    Won maxAmount; // 0: none
};

/// The bidders first, the shop last.
const std::vector<DemoUser>& users();
const std::vector<DemoAuction>& auctions();
/// In the order they are placed; each is valid given the ones before.
const std::vector<DemoBid>& bids();

} // namespace nb::console::demo
