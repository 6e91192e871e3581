#pragma once

#include "server/storage/ConnectionPool.h"
#include "tests/bench/common/BenchFiles.h"
#include "tests/bench/seed/SeedOptions.h"

#include <QList>

namespace nb::bench {

class ListingCatalog;
struct ReferenceData;

/// What a seeding run created, with the time each stage took.
struct SeedReport {
    QList<Credential> bidders;
    QList<Credential> idle;
    QList<BidAuction> bidAuctions;
    int listingAuctions = 0;
    double usersSeconds = 0;
    double depositSeconds = 0;
    double auctionSeconds = 0;
};

/// Creates the benchmark's data exactly as the product would: users with an argon2id password
/// hash and a wallet, sessions stored as AuthService stores them (hash of a fresh token, 30
/// days), money only through WalletService deposits (ledgered), auctions validated by the
/// protocol's rules and inserted by the product's statement. Speed comes from batching, not
/// from shortcuts: one password hash shared by every bench user, and one transaction for all
/// users and one for all auctions.
class BenchSeeder {
public:
    /// Every bidder gets this much (contract: 10^11 won), enough for hours of rising prices.
    static constexpr Won kBidderDeposit = 100'000'000'000LL;
    static constexpr int kShops = 20;

    BenchSeeder(storage::ConnectionPool& pool, SeedOptions options);

    /// Throws std::runtime_error (or a ServiceError) when the database cannot be seeded,
    /// including when it already holds a seed with the same prefix.
    SeedReport run();

private:
    struct Users {
        qint64 sellerId = 0;
        qint64 sellerRegion = 0;
        QList<qint64> shopIds;
        QList<Credential> bidders;
        QList<Credential> idle;
    };

    void refuseExisting();
    Users createUsers(ListingCatalog& catalog);
    void deposit(const QList<Credential>& bidders);
    QList<BidAuction> createAuctions(const Users& users, const ReferenceData& reference,
                                     ListingCatalog& catalog, int* listingCount);

    storage::ConnectionPool& m_pool;
    const SeedOptions m_options;
};

} // namespace nb::bench
