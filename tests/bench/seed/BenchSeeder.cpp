#include "tests/bench/seed/BenchSeeder.h"

#include "server/services/AuthService.h"
#include "server/services/PasswordHasher.h"
#include "server/services/WalletService.h"
#include "server/storage/AuctionStore.h"
#include "server/storage/Transaction.h"
#include "server/storage/UserStore.h"
#include "server/storage/WalletStore.h"
#include "shared/protocol/Json.h"
#include "tests/bench/seed/ListingCatalog.h"
#include "tests/bench/seed/ReferenceData.h"

#include <QElapsedTimer>

#include <stdexcept>

namespace nb::bench {

namespace {

// Bench users sign in with this, should anyone want to look around in the client.
const QString kPassword = QStringLiteral("bench-password");

double secondsSince(const QElapsedTimer& timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1e9;
}

[[noreturn]] void refuse(const QString& why)
{
    throw std::runtime_error(why.toStdString());
}

// The rules AuctionService::create applies to a listing: the protocol's decoder (every field
// rule) and the schedule rules that need the clock.
NewAuction validated(const NewAuction& spec, const QDateTime& now)
{
    Decoded<NewAuction> checked = fromJson<NewAuction>(toJson(spec));
    if (!checked)
        refuse(QStringLiteral("generated auction \"%1\" breaks a rule: %2")
                   .arg(spec.title, checked.error().message()));
    if (const auto scheduleError = checkNewAuctionSchedule(checked.value(), now))
        refuse(QStringLiteral("generated auction \"%1\" breaks a rule: %2")
                   .arg(spec.title, scheduleError->message()));
    return std::move(checked).value();
}

qint64 insertUser(pqxx::work& tx, const QString& username, const std::string& hash,
                  const QString& displayName, qint64 regionId)
{
    const auto id = storage::users::insert(tx, username, hash, displayName, regionId, false);
    if (!id)
        refuse(QStringLiteral("the username %1 is taken: seed a fresh database or pass another "
                              "--prefix")
                   .arg(username));
    storage::wallets::create(tx, *id);
    return *id;
}

// A live session stored the way AuthService::openSession stores it.
Credential openSession(pqxx::work& tx, qint64 userId)
{
    Credential credential{userId, services::crypto::newToken()};
    storage::users::insertSession(tx, services::crypto::tokenHash(credential.token), userId,
                                  services::AuthService::kSessionDays);
    return credential;
}

// The tools draw bidders and auctions from id ranges (pgbench's random(min, max)), so the ids
// must be consecutive; they are unless something else inserted rows at the same time.
template <typename T>
void requireConsecutive(const QList<T>& items, qint64 (*idOf)(const T&), const char* what)
{
    for (qsizetype i = 1; i < items.size(); ++i) {
        if (idOf(items[i]) != idOf(items[0]) + i)
            refuse(QStringLiteral("the %1 ids are not consecutive (something else wrote to the "
                                  "database while seeding): seed a database nobody else uses")
                       .arg(QLatin1String(what)));
    }
}

} // namespace

BenchSeeder::BenchSeeder(storage::ConnectionPool& pool, SeedOptions options)
    : m_pool(pool)
    , m_options(std::move(options))
{}

SeedReport BenchSeeder::run()
{
    refuseExisting();
    const ReferenceData reference =
        storage::inTransaction(m_pool, [](pqxx::work& tx) { return ReferenceData::read(tx); });
    ListingCatalog catalog(reference, QDateTime::currentDateTimeUtc());
    SeedReport report;

    QElapsedTimer stage;
    stage.start();
    const Users users = createUsers(catalog);
    report.bidders = users.bidders;
    report.idle = users.idle;
    report.usersSeconds = secondsSince(stage);

    stage.restart();
    deposit(users.bidders);
    report.depositSeconds = secondsSince(stage);

    stage.restart();
    report.bidAuctions = createAuctions(users, reference, catalog, &report.listingAuctions);
    report.auctionSeconds = secondsSince(stage);
    return report;
}

void BenchSeeder::refuseExisting()
{
    const QString seller = m_options.prefix + QStringLiteral("-seller");
    const auto existing = storage::inTransaction(
        m_pool, [&](pqxx::work& tx) { return storage::users::idByUsername(tx, seller); });
    if (existing)
        refuse(QStringLiteral("this database already holds a bench seed with prefix \"%1\" (user %2): "
                              "seed a freshly migrated database or pass another --prefix")
                   .arg(m_options.prefix, seller));
}

BenchSeeder::Users BenchSeeder::createUsers(ListingCatalog& catalog)
{
    // Hashing is deliberately slow (argon2id): once, shared by every bench user.
    const std::string hash = services::crypto::hashPassword(kPassword);
    const QString& prefix = m_options.prefix;
    return storage::inTransaction(m_pool, [&](pqxx::work& tx) {
        Users users;
        users.sellerRegion = catalog.randomNeighbourhood();
        users.sellerId = insertUser(tx, prefix + QStringLiteral("-seller"), hash,
                                    QStringLiteral("Bench seller"), users.sellerRegion);
        for (int i = 1; i <= kShops; ++i) {
            users.shopIds.append(
                insertUser(tx, QStringLiteral("%1-shop%2").arg(prefix).arg(i, 2, 10, QLatin1Char('0')), hash,
                           QStringLiteral("Bench shop %1").arg(i), catalog.randomNeighbourhood()));
        }
        for (int i = 1; i <= m_options.bidders; ++i) {
            const qint64 id =
                insertUser(tx, QStringLiteral("%1-b%2").arg(prefix).arg(i, 7, 10, QLatin1Char('0')), hash,
                           QStringLiteral("Bidder %1").arg(i), catalog.randomNeighbourhood());
            users.bidders.append(openSession(tx, id));
        }
        for (int i = 1; i <= m_options.idle; ++i) {
            const qint64 id =
                insertUser(tx, QStringLiteral("%1-i%2").arg(prefix).arg(i, 7, 10, QLatin1Char('0')), hash,
                           QStringLiteral("Watcher %1").arg(i), catalog.randomNeighbourhood());
            users.idle.append(openSession(tx, id));
        }
        requireConsecutive<Credential>(
            users.bidders, [](const Credential& c) { return c.userId; }, "bidder");
        return users;
    });
}

void BenchSeeder::deposit(const QList<Credential>& bidders)
{
    // Through the service, one ledgered deposit per bidder, as a user's own deposit would be.
    services::WalletService wallets(m_pool);
    for (const Credential& bidder : bidders)
        wallets.deposit(bidder.userId, kBidderDeposit, QStringLiteral("bench-deposit-%1").arg(bidder.userId));
}

QList<BidAuction> BenchSeeder::createAuctions(const Users& users, const ReferenceData& reference,
                                              ListingCatalog& catalog, int* listingCount)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const int listings = std::max(0, m_options.listing - m_options.auctions);
    auto insert = [&](pqxx::work& tx, qint64 sellerId, const NewAuction& spec) {
        storage::auctions::NewAuctionRow row;
        row.sellerId = sellerId;
        row.spec = validated(spec, now);
        row.categoryId = reference.categoryIds.value(spec.category);
        row.regionId = *spec.regionId;
        return storage::auctions::insert(tx, row);
    };
    // Generated outside the transaction so that a retried transaction inserts the same catalogue.
    QList<NewAuction> bidSpecs;
    for (int i = 1; i <= m_options.auctions; ++i)
        bidSpecs.append(catalog.bidAuction(i, users.sellerRegion));
    QList<NewAuction> listingSpecs;
    for (int i = 1; i <= listings; ++i)
        listingSpecs.append(catalog.nextListing(i));

    QList<BidAuction> bidAuctions = storage::inTransaction(m_pool, [&](pqxx::work& tx) {
        QList<BidAuction> created;
        for (const NewAuction& spec : bidSpecs) {
            // No seller increment, the product's default: the table of RULES.md applies as the
            // price rises, which the file says with 0.
            created.append(
                BidAuction{insert(tx, users.sellerId, spec), spec.startPrice, spec.bidIncrement.value_or(0)});
        }
        for (qsizetype i = 0; i < listingSpecs.size(); ++i)
            insert(tx, users.shopIds.at(i % users.shopIds.size()), listingSpecs.at(i));
        return created;
    });
    requireConsecutive<BidAuction>(
        bidAuctions, [](const BidAuction& a) { return a.id; }, "bid auction");
    *listingCount = listings;
    return bidAuctions;
}

} // namespace nb::bench
