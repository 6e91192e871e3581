#pragma once

#include <QString>

#include <pqxx/pqxx>
#include <vector>

namespace nb::storage::audit {

/// One broken invariant of RULES.md, as found in the database.
struct Violation {
    int invariant = 0; // 1..4 as numbered in RULES.md "Invariants"; 5 for hold/auction consistency
    QString subject;   // "wallet 12", "auction 7", "all wallets"
    QString detail;    // what differs, with the amounts
};

/// Each query returns the rows that break one invariant (none when it holds). They read a
/// consistent snapshot: run them in one REPEATABLE READ transaction.
std::vector<Violation> walletsMatchLedger(pqxx::transaction_base& tx);   // invariant 1
std::vector<Violation> lockedMatchesHolds(pqxx::transaction_base& tx);   // invariant 2
std::vector<Violation> moneyIsConserved(pqxx::transaction_base& tx);     // invariant 3
std::vector<Violation> endedAuctionsSettled(pqxx::transaction_base& tx); // invariant 4
std::vector<Violation> holdsFollowLeaders(pqxx::transaction_base& tx);   // holds belong to leaders

/// Figures for `console stats`.
struct Totals {
    qint64 users = 0;
    qint64 auctionsByStatus[4] = {0, 0, 0, 0}; // scheduled, active, ended, cancelled
    qint64 bids = 0;
    qint64 balance = 0;
    qint64 locked = 0;
    qint64 deposits = 0;
    qint64 withdrawals = 0;
    qint64 settledVolume = 0;
    qint64 pendingOutbox = 0;
};
Totals totals(pqxx::transaction_base& tx);

} // namespace nb::storage::audit
