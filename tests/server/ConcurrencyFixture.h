#pragma once

#include "server/services/ServiceError.h"
#include "server/storage/ConnectionPool.h"
#include "shared/protocol/Objects.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <exception>
#include <optional>
#include <string>
#include <vector>

namespace nb::test {

/// People, money and auctions for the concurrency and outbox tests, on the executable's test
/// database (emptied when the fixture is made, so make one at the top of every test function),
/// plus the consistency checks those tests run after a concurrent burst.
///
/// Users: registerUser() goes through AuthService (argon2id, ~70 ms); cloneUsers() inserts many
/// more users and wallets with SQL, copying an already registered user's password hash, so that
/// a hundred bidders cost one hash. Money always enters through WalletService::deposit.
class ConcurrencyFixture {
public:
    static constexpr qint64 kRegion = 11680; // 강남구
    static constexpr const char* kPassword = "correct horse battery";

    ConcurrencyFixture();

    const std::string& connectionString() const { return m_connectionString; }
    storage::ConnectionPool& pool() { return m_pool; }

    qint64 registerUser(const QString& username);
    /// count users "<prefix>NNN" with template's password hash and an empty wallet each.
    std::vector<qint64> cloneUsers(qint64 templateUserId, const QString& prefix, int count);
    void deposit(qint64 userId, Won amount);
    /// An active national auction ending in an hour (no reserve, no buy-now, no proxy).
    qint64 createAuction(qint64 sellerId, Won startPrice, const QString& title = QStringLiteral("Hot item"));
    Wallet wallet(qint64 userId);

    /// A request_id never used before in this process.
    static QString newRequestId();

    /// LedgerAudit::verify(), one line per broken invariant.
    QStringList auditViolations();
    /// Auctions whose seq differs from their recorded events, or whose events are not exactly
    /// 1..seq (each event's payload carrying its own seq).
    QStringList sequenceViolations();
    /// Active auctions whose hold is not their leader's: the hold must belong to the high bidder
    /// and equal their highest bid, which is the current price (no proxy bids in these tests).
    QStringList holdViolations();
    /// Sum of balance + locked over all wallets, and of all deposits.
    Won sumOfWalletTotals();
    Won sumOfDeposits();

    /// Number of rows of table (a fixed name from the test).
    qint64 count(const QString& table);

private:
    std::string m_connectionString;
    storage::ConnectionPool m_pool;
    static std::atomic<int> s_requestCounter;
};

/// Runs call and returns the ServiceError's code, or nothing when it succeeded. Any other
/// exception propagates.
template <typename Call>
std::optional<ErrorCode> errorOf(Call&& call)
{
    try {
        call();
        return std::nullopt;
    } catch (const services::ServiceError& e) {
        return e.code();
    }
}

/// "bid_too_low: Your bid is below …" for messages.
QString describe(const services::ServiceError& error);

} // namespace nb::test
