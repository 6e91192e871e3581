#include "server/console/DemoSeeder.h"

#include "server/services/AuctionService.h"
#include "server/services/AuthService.h"
#include "server/services/BiddingService.h"
#include "server/services/PasswordHasher.h"
#include "server/services/ServiceError.h"
#include "server/services/TransactionScope.h"
#include "server/services/WalletService.h"

#include <QDateTime>

namespace nb::console {

namespace {

QString text(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

NewAuction toNewAuction(const demo::DemoAuction& a, const QDateTime& now)
{
    NewAuction spec;
    spec.title = text(a.title);
    spec.description = text(a.description);
    spec.category = text(a.category);
    spec.regionId = a.regionId;
    spec.condition = a.condition;
    spec.shippingPayer = a.isNational ? ShippingPayer::Buyer : ShippingPayer::Seller;
    spec.isNational = a.isNational;
    spec.startPrice = a.startPrice;
    if (a.buyNowPrice > 0)
        spec.buyNowPrice = a.buyNowPrice;
    if (a.startsInMinutes > 0)
        spec.startsAt = now.addSecs(a.startsInMinutes * 60LL);
    spec.endsAt = now.addSecs((a.startsInMinutes + a.endsInMinutes) * 60LL);
    return spec;
}

} // namespace

DemoSeeder::DemoSeeder(storage::ConnectionPool& pool)
    : m_pool(pool)
{}

bool DemoSeeder::alreadySeeded()
{
    try {
        services::AuthService(m_pool).userIdByName(text(demo::kShopUsername));
        return true;
    } catch (const services::ServiceError& e) {
        if (e.code() != ErrorCode::NotFound)
            throw;
        return false;
    }
}

DemoReport DemoSeeder::seed()
{
    DemoReport report;
    QHash<QString, qint64> userIds;
    services::WalletService wallets(m_pool);
    for (const demo::DemoUser& user : demo::users()) {
        const qint64 id = ensureUser(user, &report);
        userIds.insert(text(user.username), id);
        if (user.bidder) {
            const QString requestId = QStringLiteral("demo-deposit-") + text(user.username);
            wallets.deposit(id, demo::kDepositPerBidder, requestId);
            ++report.deposits;
        }
    }
    const auto auctionIds = createAuctions(userIds.value(text(demo::kShopUsername)), &report);
    placeBids(auctionIds, userIds, &report);
    return report;
}

qint64 DemoSeeder::ensureUser(const demo::DemoUser& user, DemoReport* report)
{
    services::AuthService auth(m_pool);
    services::Registration registration;
    registration.username = text(user.username);
    registration.password = text(demo::kPassword);
    registration.displayName = text(user.displayName);
    registration.regionId = user.regionId;
    try {
        const services::Session session = auth.registerUser(registration);
        auth.logout(session.token);
        ++report->usersCreated;
        return session.user.id;
    } catch (const services::ServiceError& e) {
        if (e.code() != ErrorCode::UsernameTaken)
            throw;
        return auth.userIdByName(registration.username);
    }
}

std::vector<qint64> DemoSeeder::createAuctions(qint64 sellerId, DemoReport* report)
{
    services::AuctionService auctions(m_pool);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    std::vector<qint64> ids;
    for (const demo::DemoAuction& a : demo::auctions()) {
        const AuctionDetail created = auctions.create(sellerId, toNewAuction(a, now));
        ids.push_back(created.summary.id);
        ++report->auctions;
        if (created.summary.status == AuctionStatus::Scheduled)
            ++report->scheduled;
    }
    return ids;
}

void DemoSeeder::placeBids(const std::vector<qint64>& auctionIds, const QHash<QString, qint64>& userIds,
                           DemoReport* report)
{
    services::BiddingService bidding(m_pool);
    int number = 0;
    for (const demo::DemoBid& bid : demo::bids()) {
        const std::optional<Won> maxAmount =
            bid.maxAmount > 0 ? std::optional<Won>(bid.maxAmount) : std::nullopt;
        const QString requestId = QStringLiteral("demo-bid-%1").arg(++number);
        bidding.placeBid(userIds.value(text(bid.bidder)),
                         auctionIds.at(static_cast<std::size_t>(bid.auction)), bid.amount, maxAmount,
                         requestId);
        ++report->bids;
    }
}

int DemoSeeder::resetPasswords()
{
    int reset = 0;
    for (const demo::DemoUser& user : demo::users()) {
        // No service changes a password yet; the hash is the one AuthService would store, made
        // outside the transaction because it is deliberately slow.
        const std::string hash = services::crypto::hashPassword(text(demo::kPassword));
        const std::string username = user.username;
        reset += services::transact(m_pool, "reset demo password", [&](pqxx::work& tx) {
            return static_cast<int>(
                tx.exec_params("UPDATE users SET password_hash = $1 WHERE username = $2", hash, username)
                    .affected_rows());
        });
    }
    return reset;
}

} // namespace nb::console
