#pragma once

#include "shared/Money.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace nb {

/// The protocol's objects (PROTOCOL.md, "Objects"), as plain values. JSON codecs live in
/// shared/protocol/Json.h so that both the server and the client read and write them one way.

/// Someone as others see them: {id, display_name}.
struct PartyRef {
    qint64 id = 0;
    QString displayName;
};

struct User {
    qint64 id = 0;
    QString username;
    QString displayName;
    std::optional<qint64> regionId;
    double reputation = 0.0; // the average review rating, 0 without reviews
    int reviewCount = 0;
    bool isAdmin = false;
    QDateTime createdAt;
};

struct Wallet {
    Won balance = 0;
    Won locked = 0;
    Won total() const { return balance + locked; }
};

enum class LedgerKind { Deposit, Withdraw, Lock, Unlock, SettlePay, SettleReceive, BuyNowPay };

struct LedgerEntry {
    qint64 id = 0;
    LedgerKind kind = LedgerKind::Deposit;
    Won amount = 0;
    Won balanceAfter = 0;
    Won lockedAfter = 0;
    std::optional<qint64> auctionId;
    QDateTime at;
};

enum class AuctionStatus { Scheduled, Active, Ended, Cancelled };
enum class ItemCondition { New, LikeNew, Good, Fair, Poor };
enum class ShippingPayer { Seller, Buyer };
enum class EndReason { Time, BuyNow, Cancelled };

struct SellerRef {
    qint64 id = 0;
    QString displayName;
    double reputation = 0.0;
    int reviewCount = 0;
};

struct RegionRef {
    qint64 id = 0;
    QString name;
};

struct AuctionSummary {
    qint64 id = 0;
    QString title;
    SellerRef seller;
    QString category; // slug
    RegionRef region;
    bool isNational = false;
    AuctionStatus status = AuctionStatus::Scheduled;
    Won startPrice = 0;
    Won currentPrice = 0;
    int bidCount = 0;
    int watchers = 0;
    std::optional<qint64> highBidderId;
    std::optional<Won> buyNowPrice;
    QDateTime endsAt;
    QDateTime startsAt;
    QString thumbnailUrl; // empty: none
    // Only on /me/bids: the caller's own committed maximum and whether they lead.
    std::optional<Won> myMax;
    std::optional<bool> leading;
};

struct AuctionDetail {
    AuctionSummary summary;
    QString description;
    ItemCondition condition = ItemCondition::Good;
    ShippingPayer shippingPayer = ShippingPayer::Buyer;
    Won bidIncrement = 0;
    Won minNextBid = 0;
    std::optional<bool> reserveMet;  // present only when the auction has a reserve
    std::optional<Won> reservePrice; // shown to the seller only
    int softCloseSeconds = 60;
    QList<QString> images;
    std::optional<PartyRef> winner;
    std::optional<Won> finalPrice;
    std::optional<EndReason> endReason;
    qint64 seq = 0;
};

struct NewAuction {
    QString title;
    QString description;
    QString category; // slug
    std::optional<qint64> regionId;
    ItemCondition condition = ItemCondition::Good;
    ShippingPayer shippingPayer = ShippingPayer::Buyer;
    bool isNational = false;
    Won startPrice = 0;
    std::optional<Won> bidIncrement;
    std::optional<Won> reservePrice;
    std::optional<Won> buyNowPrice;
    QDateTime startsAt; // invalid: now
    QDateTime endsAt;
    std::optional<int> softCloseSeconds;
};

struct Bid {
    qint64 id = 0;
    Won amount = 0;
    PartyRef bidder;
    QDateTime at;
};

struct BidResult {
    qint64 bidId = 0;
    qint64 auctionId = 0;
    Won acceptedAmount = 0;
    Won currentPrice = 0;
    bool leading = false;
    std::optional<qint64> highBidderId;
    QDateTime endsAt;
    qint64 seq = 0;
    Wallet wallet;
};

struct Notification {
    qint64 id = 0;
    QString kind; // outbid, won, sold, ended_unsold, new_bid, question, answer, message, …
    std::optional<qint64> auctionId;
    QString text;
    QDateTime at;
    bool read = false;
};

/// GET /api/v1/regions: depth 1 시/도 (no parent), 2 시/군/구, 3 읍/면/동.
struct Region {
    qint64 id = 0;
    QString name;
    std::optional<qint64> parentId;
    int depth = 1;
};

struct Category {
    qint64 id = 0;
    QString slug;
    QString name;        // English
    QString nameKo = {}; // Korean, for the Korean client; empty: not given (the initializer keeps
                         // three-field aggregate initialisation warning-free)
};

/// A paged list: {"items": [...], "total", "page", "page_size"}.
template <typename T>
struct Page {
    QList<T> items;
    qint64 total = 0;
    int page = 1;
    int pageSize = 20;
};

} // namespace nb
