#include "tests/server/ConcurrencyFixture.h"

#include "server/services/AuctionService.h"
#include "server/services/AuthService.h"
#include "server/services/LedgerAudit.h"
#include "server/services/WalletService.h"
#include "tests/support/TestDatabase.h"

#include <QDateTime>

#include <algorithm>

namespace nb::test {

std::atomic<int> ConcurrencyFixture::s_requestCounter{0};

namespace {

QString field(const pqxx::field& f)
{
    return f.is_null() ? QStringLiteral("null") : QString::fromStdString(f.c_str());
}

} // namespace

ConcurrencyFixture::ConcurrencyFixture()
    : m_connectionString(TestDatabase::instance().connectionString())
    , m_pool(m_connectionString, 4)
{
    TestDatabase::instance().resetData();
}

qint64 ConcurrencyFixture::registerUser(const QString& username)
{
    services::Registration registration;
    registration.username = username;
    registration.password = QString::fromLatin1(kPassword);
    registration.regionId = kRegion;
    return services::AuthService(m_pool).registerUser(registration).user.id;
}

std::vector<qint64> ConcurrencyFixture::cloneUsers(qint64 templateUserId, const QString& prefix, int count)
{
    const pqxx::result rows = TestDatabase::instance().query(
        QStringLiteral("WITH u AS (INSERT INTO users (username, password_hash, display_name, region_id) "
                       "SELECT '%1' || lpad(g::text, 3, '0'), t.password_hash, '%1 ' || g, t.region_id "
                       "FROM users t, generate_series(1, %2) g WHERE t.id = %3 ORDER BY g RETURNING id) "
                       "INSERT INTO wallets (user_id) SELECT id FROM u RETURNING user_id")
            .arg(prefix)
            .arg(count)
            .arg(templateUserId));
    std::vector<qint64> ids;
    for (const auto& row : rows)
        ids.push_back(row[0].as<qint64>());
    std::sort(ids.begin(), ids.end());
    return ids;
}

void ConcurrencyFixture::deposit(qint64 userId, Won amount)
{
    services::WalletService(m_pool).deposit(userId, amount, newRequestId());
}

qint64 ConcurrencyFixture::createAuction(qint64 sellerId, Won startPrice, const QString& title)
{
    NewAuction spec;
    spec.title = title;
    spec.description = QStringLiteral("Listed by the concurrency tests.");
    spec.category = QStringLiteral("electronics");
    spec.isNational = true;
    spec.startPrice = startPrice;
    spec.endsAt = QDateTime::currentDateTimeUtc().addSecs(3600);
    return services::AuctionService(m_pool).create(sellerId, spec).summary.id;
}

Wallet ConcurrencyFixture::wallet(qint64 userId)
{
    return services::WalletService(m_pool).wallet(userId);
}

QString ConcurrencyFixture::newRequestId()
{
    return QStringLiteral("conc-%1").arg(++s_requestCounter);
}

QStringList ConcurrencyFixture::auditViolations()
{
    QStringList lines;
    for (const auto& v : services::LedgerAudit(m_pool).verify())
        lines << QStringLiteral("invariant %1, %2: %3").arg(v.invariant).arg(v.subject, v.detail);
    return lines;
}

QStringList ConcurrencyFixture::sequenceViolations()
{
    // The primary key (auction_id, seq) rules out duplicates, so count = seq, min = 1 and
    // max = seq together mean exactly 1..seq.
    const pqxx::result rows = TestDatabase::instance().query(QStringLiteral(
        "SELECT a.id, a.seq, count(e.seq), min(e.seq), max(e.seq), "
        "       count(*) FILTER (WHERE (e.payload->>'seq')::bigint IS DISTINCT FROM e.seq) "
        "FROM auctions a LEFT JOIN auction_events e ON e.auction_id = a.id GROUP BY a.id, a.seq "
        "HAVING count(e.seq) <> a.seq OR COALESCE(min(e.seq), 1) <> 1 OR COALESCE(max(e.seq), 0) <> a.seq "
        "    OR count(*) FILTER (WHERE (e.payload->>'seq')::bigint IS DISTINCT FROM e.seq) > 0 "
        "ORDER BY a.id"));
    QStringList lines;
    for (const auto& r : rows)
        lines << QStringLiteral(
                     "auction %1: seq %2, but %3 event(s) numbered %4..%5, %6 with a wrong payload seq")
                     .arg(field(r[0]), field(r[1]), field(r[2]), field(r[3]), field(r[4]), field(r[5]));
    return lines;
}

QStringList ConcurrencyFixture::holdViolations()
{
    const pqxx::result rows = TestDatabase::instance().query(QStringLiteral(
        "SELECT a.id, a.high_bidder_id, a.current_price, a.high_max, h.user_id, h.amount, l.top "
        "FROM auctions a LEFT JOIN holds h ON h.auction_id = a.id "
        "LEFT JOIN LATERAL (SELECT max(b.amount) AS top FROM bids b "
        "                   WHERE b.auction_id = a.id AND b.bidder_id = a.high_bidder_id) l ON true "
        "WHERE a.status = 'active' AND (h.user_id IS DISTINCT FROM a.high_bidder_id "
        "   OR (a.high_bidder_id IS NOT NULL AND (h.amount IS DISTINCT FROM l.top "
        "       OR h.amount IS DISTINCT FROM a.current_price OR h.amount IS DISTINCT FROM a.high_max))) "
        "ORDER BY a.id"));
    QStringList lines;
    for (const auto& r : rows)
        lines << QStringLiteral(
                     "auction %1: leader %2 at %3 (high_max %4, their top bid %7), hold by %5 of %6")
                     .arg(field(r[0]), field(r[1]), field(r[2]), field(r[3]), field(r[4]), field(r[5]),
                          field(r[6]));
    return lines;
}

Won ConcurrencyFixture::sumOfWalletTotals()
{
    return TestDatabase::instance().scalar<qint64>(
        QStringLiteral("SELECT COALESCE(sum(balance + locked), 0)::bigint FROM wallets"));
}

Won ConcurrencyFixture::sumOfDeposits()
{
    return TestDatabase::instance().scalar<qint64>(
        QStringLiteral("SELECT COALESCE(sum(amount), 0)::bigint FROM ledger_entries WHERE kind = 'deposit'"));
}

qint64 ConcurrencyFixture::count(const QString& table)
{
    return TestDatabase::instance().scalar<qint64>(QStringLiteral("SELECT count(*) FROM %1").arg(table));
}

QString describe(const services::ServiceError& error)
{
    return errorCodeName(error.code()) + QStringLiteral(": ") + error.error().message;
}

} // namespace nb::test
