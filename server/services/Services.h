#pragma once

#include "server/services/AuctionService.h"
#include "server/services/AuthService.h"
#include "server/services/BiddingService.h"
#include "server/services/CommunityService.h"
#include "server/services/ImageService.h"
#include "server/services/LedgerAudit.h"
#include "server/services/ListingService.h"
#include "server/services/NotificationService.h"
#include "server/services/SettlementService.h"
#include "server/services/WalletService.h"

namespace nb::services {

/// Every service over one connection pool: what the transports (HTTP routes, WebSocket
/// handlers) call. The services hold no state of their own beyond the pool (and the bidding
/// service's thread-safe auction lanes), so one instance is shared by all worker threads.
/// With a listing cache, the listings are answered from it and every service that changes what
/// they show reports its commits to it; the cache must outlive the services.
struct Services {
    explicit Services(storage::ConnectionPool& connectionPool, ListingCache* listingCache = nullptr)
        : pool(connectionPool)
        , auth(connectionPool)
        , wallet(connectionPool)
        , auctions(connectionPool, ListingChanges(listingCache))
        , bidding(connectionPool, ListingChanges(listingCache))
        , settlement(connectionPool, ListingChanges(listingCache))
        , listings(connectionPool)
        , community(connectionPool, ListingChanges(listingCache))
        , notifications(connectionPool)
        , images(connectionPool, ListingChanges(listingCache))
        , audit(connectionPool)
    {
        listings.useCache(listingCache);
    }

    storage::ConnectionPool& pool;
    AuthService auth;
    WalletService wallet;
    AuctionService auctions;
    BiddingService bidding;
    SettlementService settlement;
    ListingService listings;
    CommunityService community;
    NotificationService notifications;
    ImageService images;
    LedgerAudit audit;
};

} // namespace nb::services
