#pragma once

namespace nb::transport::http {

class RouteTable;

// The API by area (PROTOCOL.md, "HTTP"); each adds its routes to the table.

/// GET /api/v1/health, /metrics, /api/v1/regions, /api/v1/categories.
void addSystemRoutes(RouteTable& routes);
/// POST /api/v1/auth/register, /login, /logout.
void addAuthRoutes(RouteTable& routes);
/// GET/POST /api/v1/auctions, GET /auctions/{id}, POST /auctions/{id}/cancel.
void addAuctionRoutes(RouteTable& routes);
/// POST /api/v1/auctions/{id}/images, GET /auctions/{id}/images/{n}.
void addImageRoutes(RouteTable& routes);
/// GET/POST /api/v1/auctions/{id}/bids, POST /auctions/{id}/buy-now.
void addBidRoutes(RouteTable& routes);
/// Watching, questions and answers, the seller-winner messages, the review.
void addCommunityRoutes(RouteTable& routes);
/// GET /api/v1/me, /me/bids, /me/auctions, /me/watchlist, /me/notifications, POST /me/notifications/read.
void addMeRoutes(RouteTable& routes);
/// GET /api/v1/me/wallet, /me/ledger, POST /me/wallet/deposit, /me/wallet/withdraw.
void addWalletRoutes(RouteTable& routes);

} // namespace nb::transport::http
