#include "tests/server/ServiceFixture.h"

#include "server/services/ServiceError.h"

#include <QUuid>

namespace nb::test {

namespace {

constexpr int kPoolSize = 4;

} // namespace

ServiceFixture::ServiceFixture()
    : m_db(TestDatabase::instance())
    , m_pool(m_db.connectionString(), kPoolSize)
    , auth(m_pool)
    , wallets(m_pool)
    , auctions(m_pool)
    , bidding(m_pool)
    , settlement(m_pool)
    , audit(m_pool)
{}

void ServiceFixture::reset()
{
    m_pool.setBeforeCommitHook({});
    m_db.resetData();
    bidding.databaseReplaced();
}

qint64 ServiceFixture::makeUser(const QString& username, Won money)
{
    services::Registration registration;
    registration.username = username;
    registration.password = QStringLiteral("correct horse battery");
    registration.regionId = 11;
    const qint64 id = auth.registerUser(registration).user.id;
    if (money > 0)
        deposit(id, money);
    return id;
}

Wallet ServiceFixture::deposit(qint64 userId, Won amount)
{
    return wallets.deposit(userId, amount, newRequestId());
}

NewAuction ServiceFixture::auctionSpec(qint64 endsInSeconds)
{
    NewAuction spec;
    spec.title = QStringLiteral("Camera");
    spec.description = QStringLiteral("A used camera in good order.");
    spec.category = QStringLiteral("electronics");
    spec.condition = ItemCondition::Good;
    spec.shippingPayer = ShippingPayer::Buyer;
    spec.startPrice = 10'000;
    spec.endsAt = QDateTime::currentDateTimeUtc().addSecs(endsInSeconds);
    return spec;
}

qint64 ServiceFixture::makeAuction(qint64 sellerId, qint64 endsInSeconds,
                                   const std::function<void(NewAuction&)>& adjust)
{
    NewAuction spec = auctionSpec(endsInSeconds);
    if (adjust)
        adjust(spec);
    return auctions.create(sellerId, spec).summary.id;
}

BidResult ServiceFixture::bid(qint64 bidderId, qint64 auctionId, Won amount, std::optional<Won> maxAmount)
{
    return bidding.placeBid(bidderId, auctionId, amount, maxAmount, newRequestId());
}

void ServiceFixture::makeOverdue(qint64 auctionId)
{
    m_db.exec(QStringLiteral("UPDATE auctions SET starts_at = LEAST(starts_at, now() - interval '1 hour'), "
                             "ends_at = now() - interval '1 second' WHERE id = %1")
                  .arg(auctionId));
}

void ServiceFixture::makeStartDue(qint64 auctionId)
{
    m_db.exec(QStringLiteral("UPDATE auctions SET starts_at = now() - interval '1 second' WHERE id = %1")
                  .arg(auctionId));
}

QStringList ServiceFixture::column(const QString& sql)
{
    QStringList out;
    for (const auto& row : m_db.query(sql))
        out << QString::fromStdString(row[0].c_str());
    return out;
}

QStringList ServiceFixture::ledger(qint64 userId)
{
    return column(
        QStringLiteral("SELECT kind || ' ' || amount FROM ledger_entries WHERE user_id = %1 ORDER BY id")
            .arg(userId));
}

QStringList ServiceFixture::ledgerFor(qint64 userId, qint64 auctionId)
{
    return column(QStringLiteral("SELECT kind || ' ' || amount FROM ledger_entries "
                                 "WHERE user_id = %1 AND auction_id = %2 ORDER BY id")
                      .arg(userId)
                      .arg(auctionId));
}

QStringList ServiceFixture::bids(qint64 auctionId)
{
    return column(
        QStringLiteral("SELECT bidder_id || ' ' || amount || CASE WHEN is_proxy THEN ' proxy' ELSE '' END "
                       "FROM bids WHERE auction_id = %1 ORDER BY id")
            .arg(auctionId));
}

QString ServiceFixture::hold(qint64 auctionId)
{
    const QStringList rows = column(
        QStringLiteral("SELECT user_id || ' ' || amount FROM holds WHERE auction_id = %1").arg(auctionId));
    return rows.isEmpty() ? QString() : rows.first();
}

QStringList ServiceFixture::auctionEvents(qint64 auctionId)
{
    return column(QStringLiteral("SELECT seq || ' ' || (payload->>'type') FROM auction_events "
                                 "WHERE auction_id = %1 ORDER BY seq")
                      .arg(auctionId));
}

QStringList ServiceFixture::notifications(qint64 userId)
{
    return column(
        QStringLiteral("SELECT kind FROM notifications WHERE user_id = %1 ORDER BY id").arg(userId));
}

QStringList ServiceFixture::ledgerViolations()
{
    QStringList out;
    for (const auto& v : audit.verify())
        out << QStringLiteral("invariant %1, %2: %3").arg(v.invariant).arg(v.subject, v.detail);
    return out;
}

Outcome ServiceFixture::outcomeOf(const std::function<void()>& call)
{
    try {
        call();
    } catch (const services::ServiceError& e) {
        return Outcome{errorCodeName(e.code()), e.error().message, e.error().details};
    } catch (const std::exception& e) {
        return Outcome{QStringLiteral("exception: %1").arg(QString::fromUtf8(e.what())), QString(), {}};
    }
    return Outcome{QStringLiteral("none"), QString(), {}};
}

QString ServiceFixture::newRequestId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace nb::test
