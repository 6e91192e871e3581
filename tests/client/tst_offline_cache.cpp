#include "client/cache/OfflineCache.h"
#include "client/net/ListingQuery.h"

#include <QTemporaryDir>
#include <QTest>

using namespace nb;
using namespace nb::client;

namespace {

AuctionSummary summary(qint64 id, Won price)
{
    AuctionSummary a;
    a.id = id;
    a.title = QStringLiteral("중고 자전거 %1").arg(id);
    a.seller = SellerRef{100, QStringLiteral("판매자"), 4.0, 3};
    a.category = QStringLiteral("sports");
    a.region = RegionRef{11680, QStringLiteral("강남구")};
    a.status = AuctionStatus::Active;
    a.startPrice = price;
    a.currentPrice = price;
    a.bidCount = 2;
    a.highBidderId = 7;
    a.startsAt = QDateTime::fromMSecsSinceEpoch(1'700'000'000'000, Qt::UTC);
    a.endsAt = QDateTime::fromMSecsSinceEpoch(1'700'003'600'000, Qt::UTC);
    return a;
}

Page<AuctionSummary> page(QList<AuctionSummary> items, int number = 1)
{
    Page<AuctionSummary> p;
    p.items = std::move(items);
    p.total = 41;
    p.page = number;
    p.pageSize = 20;
    return p;
}

} // namespace

class TestOfflineCache : public QObject {
    Q_OBJECT

private slots:
    void storesAndLoadsListingsByQuery();
    void marksCachedPagesStaleWithFetchTime();
    void survivesRestart();
    void keepsOnlyRecentListingPages();
    void storesNationalAndReferenceData();
    void clearForgetsEverything();
    void serversHaveSeparateEntries();
    void unusableFolderDegradesToNoCache();
};

void TestOfflineCache::storesAndLoadsListingsByQuery()
{
    QTemporaryDir dir;
    OfflineCache cache(dir.path());
    QVERIFY(cache.isOpen());
    ListingQuery gangnam;
    gangnam.regionId = 11680;
    ListingQuery seoul;
    seoul.regionId = 11;
    QVERIFY(gangnam.cacheKey() != seoul.cacheKey());

    cache.storeListing(gangnam.cacheKey(), page({summary(1, 10'000), summary(2, 20'000)}));
    cache.storeListing(seoul.cacheKey(), page({summary(3, 30'000)}));
    const std::optional<CachedAuctions> loaded = cache.listing(gangnam.cacheKey());
    QVERIFY(loaded);
    QCOMPARE(loaded->page.items.size(), 2);
    QCOMPARE(loaded->page.items.at(1).currentPrice, 20'000);
    QCOMPARE(loaded->page.items.at(0).title, QStringLiteral("중고 자전거 1"));
    QCOMPARE(loaded->page.items.at(0).highBidderId, std::optional<qint64>(7));
    QCOMPARE(loaded->page.total, 41);
    QCOMPARE(cache.listing(seoul.cacheKey())->page.items.at(0).id, 3);

    // Storing again under the same query replaces the page.
    cache.storeListing(gangnam.cacheKey(), page({summary(9, 90'000)}));
    QCOMPARE(cache.listing(gangnam.cacheKey())->page.items.size(), 1);
    ListingQuery other = gangnam;
    other.page = 2;
    QVERIFY(!cache.listing(other.cacheKey()));
}

void TestOfflineCache::marksCachedPagesStaleWithFetchTime()
{
    QTemporaryDir dir;
    OfflineCache cache(dir.path());
    const QDateTime fetched = QDateTime::fromMSecsSinceEpoch(1'750'000'000'123, Qt::UTC);
    cache.storeListing(QStringLiteral("q"), page({summary(1, 10'000)}), fetched);
    const std::optional<CachedAuctions> loaded = cache.listing(QStringLiteral("q"));
    QVERIFY(loaded);
    QVERIFY(loaded->stale);
    QCOMPARE(loaded->fetchedAt, fetched);
}

void TestOfflineCache::survivesRestart()
{
    QTemporaryDir dir;
    {
        OfflineCache cache(dir.path());
        cache.storeListing(QStringLiteral("q"), page({summary(1, 10'000)}));
    }
    OfflineCache reopened(dir.path());
    QVERIFY(reopened.listing(QStringLiteral("q")));
    // Two caches on one file (two windows) do not clash.
    OfflineCache second(dir.path());
    QVERIFY(second.listing(QStringLiteral("q")));
}

void TestOfflineCache::keepsOnlyRecentListingPages()
{
    QTemporaryDir dir;
    OfflineCache cache(dir.path());
    const QDateTime start = QDateTime::currentDateTimeUtc();
    const int stored = OfflineCache::kMaxListingPages + 5;
    for (int i = 0; i < stored; ++i)
        cache.storeListing(QStringLiteral("q%1").arg(i), page({summary(i + 1, 1000)}), start.addSecs(i));
    QVERIFY(!cache.listing(QStringLiteral("q0")));
    QVERIFY(!cache.listing(QStringLiteral("q4")));
    QVERIFY(cache.listing(QStringLiteral("q5")));
    QVERIFY(cache.listing(QStringLiteral("q%1").arg(stored - 1)));
}

void TestOfflineCache::storesNationalAndReferenceData()
{
    QTemporaryDir dir;
    OfflineCache cache(dir.path());
    QVERIFY(!cache.national());
    QVERIFY(!cache.regions());
    const QDateTime fetched = QDateTime::fromMSecsSinceEpoch(1'750'000'000'000, Qt::UTC);
    cache.storeNational({summary(1, 10'000), summary(2, 20'000), summary(3, 30'000)}, fetched);
    const std::optional<CachedAuctions> national = cache.national();
    QVERIFY(national);
    QCOMPARE(national->page.items.size(), 3);
    QVERIFY(national->stale);
    QCOMPARE(national->fetchedAt, fetched);

    cache.storeRegions({Region{11, QStringLiteral("서울특별시"), std::nullopt, 1},
                        Region{11680, QStringLiteral("강남구"), 11, 2}});
    QCOMPARE(cache.regions()->size(), 2);
    QCOMPARE(cache.regions()->at(1).parentId, std::optional<qint64>(11));
    cache.storeCategories(
        {Category{1, QStringLiteral("books"), QStringLiteral("Books"), QStringLiteral("도서")}});
    QCOMPARE(cache.categories()->at(0).nameKo, QStringLiteral("도서"));
}

void TestOfflineCache::clearForgetsEverything()
{
    QTemporaryDir dir;
    OfflineCache cache(dir.path());
    cache.storeListing(QStringLiteral("q"), page({summary(1, 10'000)}));
    cache.storeNational({summary(1, 10'000)});
    cache.clear();
    QVERIFY(!cache.listing(QStringLiteral("q")));
    QVERIFY(!cache.national());
}

void TestOfflineCache::serversHaveSeparateEntries()
{
    QTemporaryDir dir;
    OfflineCache cache(dir.path());
    cache.setScope(QStringLiteral("a.example:8080"));
    cache.storeListing(QStringLiteral("q"), page({summary(1, 10'000)}));
    cache.setScope(QStringLiteral("b.example:8080"));
    QVERIFY(!cache.listing(QStringLiteral("q")));
    cache.storeListing(QStringLiteral("q"), page({summary(2, 20'000)}));
    cache.setScope(QStringLiteral("a.example:8080"));
    QCOMPARE(cache.listing(QStringLiteral("q"))->page.items.at(0).id, 1);
}

void TestOfflineCache::unusableFolderDegradesToNoCache()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("not-a-folder"));
    QFile blocker(file);
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    OfflineCache cache(file + QStringLiteral("/sub"));
    QVERIFY(!cache.isOpen());
    cache.storeListing(QStringLiteral("q"), page({summary(1, 10'000)}));
    QVERIFY(!cache.listing(QStringLiteral("q")));
}

QTEST_GUILESS_MAIN(TestOfflineCache)
#include "tst_offline_cache.moc"
