#pragma once

#include "server/services/AuctionService.h"
#include "server/services/AuthService.h"
#include "server/services/BiddingService.h"
#include "server/services/LedgerAudit.h"
#include "server/services/SettlementService.h"
#include "server/services/WalletService.h"
#include "server/storage/ConnectionPool.h"
#include "tests/support/TestDatabase.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace nb::test {

/// What a call raised: the wire name of its error code ("none" when it returned normally), its
/// message and details. Other exceptions show as "exception: …" so that a test prints them.
struct Outcome {
    QString code;
    QString message;
    QJsonObject details;
};

/// The real service layer on the executable's test database, with the helpers the rule tests
/// share: users with money, auctions ending at given offsets, wallets, ledger rows and the audit.
class ServiceFixture {
    // Declared first: the services below keep a reference to the pool.
    TestDatabase& m_db;
    storage::ConnectionPool m_pool;

public:
    ServiceFixture();

    /// Empties every table but the reference data (call it from init()).
    void reset();

    storage::ConnectionPool& pool() { return m_pool; }
    TestDatabase& db() { return m_db; }

    services::AuthService auth;
    services::WalletService wallets;
    services::AuctionService auctions;
    services::BiddingService bidding;
    services::SettlementService settlement;
    services::LedgerAudit audit;

    /// Registers a user in region 11 and deposits money (when positive); returns the user id.
    qint64 makeUser(const QString& username, Won money = 0);
    /// Deposits with a fresh request_id.
    Wallet deposit(qint64 userId, Won amount);

    /// A valid listing that starts now and ends endsInSeconds from now (start price 10,000).
    static NewAuction auctionSpec(qint64 endsInSeconds = 3600);
    /// Creates auctionSpec(endsInSeconds), adjusted by adjust when given; returns its id.
    qint64 makeAuction(qint64 sellerId, qint64 endsInSeconds = 3600,
                       const std::function<void(NewAuction&)>& adjust = {});

    /// Places a bid with a fresh request_id.
    BidResult bid(qint64 bidderId, qint64 auctionId, Won amount, std::optional<Won> maxAmount = std::nullopt);

    /// Moves the auction's end one second into the past (and its start an hour back, so that
    /// the start stays before the end): due for settlement, no longer biddable.
    void makeOverdue(qint64 auctionId);
    /// Moves a scheduled auction's start into the past: due to start.
    void makeStartDue(qint64 auctionId);

    Wallet wallet(qint64 userId) { return wallets.wallet(userId); }
    /// The user's ledger as "kind amount" strings, oldest first.
    QStringList ledger(qint64 userId);
    /// The user's ledger entries for one auction, as ledger() shows them.
    QStringList ledgerFor(qint64 userId, qint64 auctionId);
    /// The auction's recorded bids as "bidder amount" or "bidder amount proxy", oldest first.
    QStringList bids(qint64 auctionId);
    /// The hold on an auction as "user amount", or an empty string.
    QString hold(qint64 auctionId);
    /// The types of the auction's replay log in seq order, e.g. "1 auction.bid".
    QStringList auctionEvents(qint64 auctionId);
    /// The kinds of the user's notifications, oldest first.
    QStringList notifications(qint64 userId);
    /// The first column of the first row of sql, as an integer.
    qint64 scalar(const QString& sql) { return m_db.scalar(sql); }

    /// The audit's violations, one line each (empty when every invariant holds).
    QStringList ledgerViolations();

    /// Runs call and reports what it raised.
    static Outcome outcomeOf(const std::function<void()>& call);
    /// Just the error code of outcomeOf(call).
    static QString codeOf(const std::function<void()>& call) { return outcomeOf(call).code; }

    /// A request_id that was not used before in this process.
    static QString newRequestId();

private:
    QStringList column(const QString& sql);
};

} // namespace nb::test

/// Fails the current test function when any money invariant of RULES.md is broken.
#define NB_VERIFY_LEDGER(fixture)                                                                            \
    do {                                                                                                     \
        const QStringList nbViolations = (fixture).ledgerViolations();                                       \
        QVERIFY2(nbViolations.isEmpty(), qPrintable(nbViolations.join(QStringLiteral("\n"))));               \
    } while (false)
