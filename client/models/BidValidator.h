#pragma once

#include "shared/ErrorCode.h"
#include "shared/Money.h"
#include "shared/protocol/Objects.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

#include <optional>

namespace nb::client {

/// What the bid box knows about the auction and the bidder when the user presses "Bid".
struct BidContext {
    AuctionStatus status = AuctionStatus::Active;
    QDateTime startsAt;
    QDateTime endsAt;
    Won startPrice = 0;
    Won currentPrice = 0;
    int bidCount = 0;
    /// The server's min_next_bid for the state above (detail or latest auction.bid), when known:
    /// it accounts for an increment the seller chose.
    std::optional<Won> serverMinimum;
    qint64 sellerId = 0;
    std::optional<qint64> highBidderId;
    std::optional<qint64> userId; // nullopt: not signed in
    std::optional<Won> available; // the wallet's balance, when known
    std::optional<Won> myHold;    // what the user already holds on this auction while leading
    bool online = true;

    /// Filled from a detail and the session's user and wallet.
    static BidContext from(const AuctionDetail& auction, const std::optional<User>& user,
                           const std::optional<Wallet>& wallet, bool online);
};

/// The outcome of a pre-check: ok, or the error code and sentence the server would answer.
struct BidCheck {
    bool ok = true;
    std::optional<ErrorCode> code;
    QString message;
    Won minimumBid = 0;
};

/// Refuses in the bid box what the server would refuse, with the same words (RULES.md order:
/// not active, own item, maximum below the bid, below the minimum, not enough money), so the user
/// learns before sending. The server still decides; this only spares a round trip.
class BidValidator {
    Q_DECLARE_TR_FUNCTIONS(BidValidator)

public:
    /// The smallest acceptable bid: pre-fills the bid box (shared/BidIncrement.h minimumNextBid,
    /// or the server's min_next_bid when the context has it).
    static Won minimumBid(const BidContext& context);
    static BidCheck check(const BidContext& context, Won amount, std::optional<Won> maxAmount = std::nullopt,
                          const QDateTime& now = QDateTime::currentDateTimeUtc());
    /// Buy now at price: the same checks without the minimum.
    static BidCheck checkBuyNow(const BidContext& context, Won price,
                                const QDateTime& now = QDateTime::currentDateTimeUtc());

private:
    static std::optional<BidCheck> checkCommon(const BidContext& context, const QDateTime& now);
    static BidCheck refuse(ErrorCode code, const QString& message, Won minimum);
};

} // namespace nb::client
