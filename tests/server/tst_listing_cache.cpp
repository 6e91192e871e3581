// The cached listing: ListingCache on its own (what it serves, for how long, who refreshes it),
// then ListingService with a cache against the real database: the same answers as the uncached
// search, nothing held longer than maxAge, and what this process reports dropped at once.
#include "server/scheduler/AuctionScheduler.h"
#include "server/services/ListingCache.h"
#include "server/services/ListingService.h"
#include "server/services/Services.h"
#include "shared/protocol/Json.h"
#include "tests/server/ServiceFixture.h"

#include <QJsonDocument>
#include <QTemporaryFile>
#include <QTest>

#include <cstdio>
#include <functional>
#include <memory>

using nb::AuctionStatus;
using nb::NewAuction;
using nb::services::ListingCache;
using nb::services::ListingQuery;
using nb::storage::listings::ActiveGroup;
using nb::test::ServiceFixture;

namespace {

constexpr qint64 kMaxAgeMs = 1000;

/// A page as the client reads it.
QByteArray wire(const nb::Page<nb::AuctionSummary>& page)
{
    return QJsonDocument(nb::toJson(page)).toJson(QJsonDocument::Compact);
}

/// The statements and transactions a call sends on the pool's only connection, read from libpq's
/// protocol trace: each statement is one "Execute" (extended protocol) or one "Query" (simple).
struct Sent {
    int statements = 0;
    int transactions = 0;
    int settings = 0; // SET LOCAL
};

Sent sentBy(nb::storage::ConnectionPool& pool, const std::function<void()>& call)
{
    QTemporaryFile file;
    if (!file.open())
        qFatal("cannot create a trace file");
    std::FILE* trace = std::fopen(QFile::encodeName(file.fileName()).constData(), "w");
    if (!trace)
        qFatal("cannot open the trace file");
    pool.acquire()->trace(trace);
    call();
    pool.acquire()->trace(nullptr);
    std::fclose(trace);
    Sent sent;
    for (const QByteArray& line : file.readAll().split('\n')) {
        const QList<QByteArray> parts = line.split('\t');
        const qsizetype direction = parts.indexOf("F");
        if (direction < 0 || direction + 2 >= parts.size())
            continue;
        const QByteArray message = parts.at(direction + 2);
        if (message == "Execute")
            ++sent.statements;
        else if (message == "Query" && line.contains("\"BEGIN"))
            ++sent.transactions;
        else if (message == "Query" && line.contains("\"SET LOCAL"))
            ++sent.settings;
        else if (message == "Query" && !line.contains("\"COMMIT\""))
            ++sent.statements;
    }
    return sent;
}

/// Just the number of a held total.
std::optional<qint64> held(const std::optional<ListingCache::HeldTotal>& total)
{
    return total ? std::optional<qint64>(total->total) : std::nullopt;
}

std::optional<qint64> heldActive(const ListingCache& cache, std::optional<bool> national,
                                 const QList<qint64>& regions, std::optional<qint64> categoryId)
{
    return held(cache.activeTotal(national, regions, categoryId));
}

} // namespace

class TstListingCache : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void groupsAddUpEveryScopeRegionAndCategory();
    void nothingIsServedAfterAReportedChangeOrPastMaxAge();
    void whatWasReadBeforeAChangeIsNotServed();
    void oneCallerAtATimeRefreshesTheGroupsAndEarly();

    void cachedSearchAnswersExactlyAsTheDatabase();
    void reportedChangesShowAtOnceOthersWithinMaxAge();
    void heldTitleSearchTotalsFollowTheSameRules();
    void priceRangesAreCountedEveryTime();
    void unknownRegionOrCategoryIsStillBadRequest();
    void heldPagesShowReportedChangesAtOnce();
    void aHeldPageIsNoOlderThanItsOldestPart();
    void pagesCostTwoStatementsInOneTransactionAndHeldOnesNone();
    void aWarmedUpCacheAnswersTheFirstListing();
    void servicesReportEveryChangeTheyCommitToTheirCache();

private:
    qint64 makeAuction(const std::function<void(NewAuction&)>& adjust = {}, qint64 endsInSeconds = 3600);
    static ListingQuery query(const std::function<void(ListingQuery&)>& adjust = {});
    /// Has the cached service read the regions, categories and catalogue.
    void warmUp();

    std::unique_ptr<ServiceFixture> m_fx;
    qint64 m_nowMs = 0;
    std::unique_ptr<ListingCache> m_cache;
    std::unique_ptr<nb::services::ListingService> m_cached;
    std::unique_ptr<nb::services::ListingService> m_exact;
    qint64 m_seller = 0;
};

void TstListingCache::initTestCase()
{
    m_fx = std::make_unique<ServiceFixture>();
}

void TstListingCache::init()
{
    m_fx->reset();
    m_seller = m_fx->makeUser(QStringLiteral("seller"));
    m_nowMs = 1'000'000;
    m_cached.reset();
    m_cache = std::make_unique<ListingCache>(kMaxAgeMs, [this] { return m_nowMs; });
    m_cached = std::make_unique<nb::services::ListingService>(m_fx->pool());
    m_cached->useCache(m_cache.get());
    m_exact = std::make_unique<nb::services::ListingService>(m_fx->pool());
}

void TstListingCache::cleanupTestCase()
{
    m_cached.reset();
    m_exact.reset();
    m_cache.reset();
    m_fx.reset();
}

qint64 TstListingCache::makeAuction(const std::function<void(NewAuction&)>& adjust, qint64 endsInSeconds)
{
    return m_fx->makeAuction(m_seller, endsInSeconds, adjust);
}

void TstListingCache::warmUp()
{
    m_cached->search(query());
    m_cached->search(query());
}

ListingQuery TstListingCache::query(const std::function<void(ListingQuery&)>& adjust)
{
    ListingQuery q;
    if (adjust)
        adjust(q);
    return q;
}

void TstListingCache::groupsAddUpEveryScopeRegionAndCategory()
{
    ListingCache totals(kMaxAgeMs, [this] { return m_nowMs; });
    QCOMPARE(heldActive(totals, std::nullopt, {}, std::nullopt), std::nullopt);
    QVERIFY(totals.claimActiveGroups());
    totals.storeActiveGroups(totals.stamp(), {ActiveGroup{true, 1, 10, 2}, ActiveGroup{false, 1, 11, 3},
                                              ActiveGroup{false, 2, 10, 5}});
    QCOMPARE(heldActive(totals, std::nullopt, {}, std::nullopt), qint64(10));
    QCOMPARE(heldActive(totals, true, {}, std::nullopt), qint64(2));
    QCOMPARE(heldActive(totals, false, {}, std::nullopt), qint64(8));
    QCOMPARE(heldActive(totals, std::nullopt, {1}, std::nullopt), qint64(5));
    QCOMPARE(heldActive(totals, std::nullopt, {1, 2}, qint64(10)), qint64(7));
    QCOMPARE(heldActive(totals, false, {1, 2}, qint64(10)), qint64(5));
    QCOMPARE(heldActive(totals, std::nullopt, {3}, std::nullopt), qint64(0));
    QCOMPARE(heldActive(totals, std::nullopt, {}, qint64(12)), qint64(0));
}

void TstListingCache::nothingIsServedAfterAReportedChangeOrPastMaxAge()
{
    ListingCache totals(kMaxAgeMs, [this] { return m_nowMs; });
    const QString key = QStringLiteral("key");
    QVERIFY(totals.claimActiveGroups());
    totals.storeActiveGroups(totals.stamp(), {ActiveGroup{true, 1, 10, 2}});
    totals.storeTotal(totals.stamp(), key, 7);
    QCOMPARE(held(totals.total(key)), qint64(7));
    QCOMPARE(held(totals.total(QStringLiteral("other"))), std::nullopt);

    totals.auctionsChanged();
    QCOMPARE(heldActive(totals, std::nullopt, {}, std::nullopt), std::nullopt);
    QCOMPARE(held(totals.total(key)), std::nullopt);

    m_nowMs += kMaxAgeMs / 10;
    QVERIFY(totals.claimActiveGroups());
    totals.storeActiveGroups(totals.stamp(), {ActiveGroup{true, 1, 10, 3}});
    totals.storeTotal(totals.stamp(), key, 8);
    m_nowMs += kMaxAgeMs - 1;
    QCOMPARE(heldActive(totals, std::nullopt, {}, std::nullopt), qint64(3));
    QCOMPARE(held(totals.total(key)), qint64(8));
    m_nowMs += 1;
    QCOMPARE(heldActive(totals, std::nullopt, {}, std::nullopt), std::nullopt);
    QCOMPARE(held(totals.total(key)), std::nullopt);
}

void TstListingCache::whatWasReadBeforeAChangeIsNotServed()
{
    ListingCache totals(kMaxAgeMs, [this] { return m_nowMs; });
    const QString key = QStringLiteral("key");
    QVERIFY(totals.claimActiveGroups());
    const ListingCache::Stamp before = totals.stamp();
    totals.auctionsChanged(); // committed while the database was being read
    totals.storeActiveGroups(before, {ActiveGroup{true, 1, 10, 2}});
    totals.storeTotal(before, key, 7);
    QCOMPARE(heldActive(totals, std::nullopt, {}, std::nullopt), std::nullopt);
    QCOMPARE(held(totals.total(key)), std::nullopt);
}

void TstListingCache::oneCallerAtATimeRefreshesTheGroupsAndEarly()
{
    ListingCache totals(kMaxAgeMs, [this] { return m_nowMs; });
    QVERIFY(totals.claimActiveGroups());
    QVERIFY(!totals.claimActiveGroups()); // the first caller is counting
    totals.abandonActiveGroups();         // it failed: the next caller counts
    QVERIFY(totals.claimActiveGroups());
    totals.storeActiveGroups(totals.stamp(), {});

    // Fresh groups are recounted once they are three quarters of maxAge old, by one caller.
    m_nowMs += kMaxAgeMs * 3 / 4 - 1;
    QVERIFY(!totals.claimActiveGroups());
    m_nowMs += 1;
    QVERIFY(totals.claimActiveGroups());
    QVERIFY(!totals.claimActiveGroups());
    QCOMPARE(heldActive(totals, std::nullopt, {}, std::nullopt), qint64(0)); // still served meanwhile
    totals.storeActiveGroups(totals.stamp(), {});

    // While changes keep invalidating them, they are recounted at most every tenth of maxAge.
    totals.auctionsChanged();
    m_nowMs += kMaxAgeMs / 10 - 1;
    QVERIFY(!totals.claimActiveGroups());
    m_nowMs += 1;
    QVERIFY(totals.claimActiveGroups());
    totals.storeActiveGroups(totals.stamp(), {});
}

void TstListingCache::cachedSearchAnswersExactlyAsTheDatabase()
{
    const qint64 buyer = m_fx->makeUser(QStringLiteral("buyer"), 10'000'000);
    const QList<qint64> regions{11680, 1168010100, 11110, 26350};
    const QStringList categories{QStringLiteral("electronics"), QStringLiteral("books"),
                                 QStringLiteral("home")};
    const QStringList titles{QStringLiteral("Camera"), QStringLiteral("Bike"), QStringLiteral("Camera bag")};
    for (int i = 0; i < 36; ++i) {
        const qint64 id = makeAuction(
            [&](NewAuction& a) {
                a.regionId = regions.at(i % regions.size());
                a.category = categories.at(i % categories.size());
                a.title = titles.at(i % titles.size()) + QStringLiteral(" %1").arg(i);
                a.isNational = i % 5 == 0;
            },
            600 + 60 * (i % 7));
        if (i % 4 == 0)
            m_fx->bid(buyer, id, 10'000 + 1'000 * (i % 3));
        if (i % 9 == 1) {
            m_fx->makeOverdue(id);
            m_fx->settlement.settleDue(10);
        } else if (i % 9 == 2 && i % 4 != 0) {
            m_fx->settlement.cancel(id, m_seller, false);
        }
    }

    const QList<std::optional<qint64>> regionFilters{std::nullopt, 11, 11680, 1168010100, 26, 11110};
    const QList<std::optional<AuctionStatus>> statuses{AuctionStatus::Active, std::nullopt,
                                                       AuctionStatus::Ended};
    const QList<ListingQuery::Scope> scopes{ListingQuery::Scope::All, ListingQuery::Scope::National,
                                            ListingQuery::Scope::Local};
    const QList<ListingQuery::Sort> sorts{ListingQuery::Sort::Ending, ListingQuery::Sort::Newest,
                                          ListingQuery::Sort::PriceAsc, ListingQuery::Sort::PriceDesc};
    int compared = 0;
    for (const auto& status : statuses) {
        for (const auto scope : scopes) {
            for (const auto& region : regionFilters) {
                for (const QString& category :
                     {QString(), QStringLiteral("electronics"), QStringLiteral("books")}) {
                    for (const QString& text :
                         {QString(), QStringLiteral("camera"), QStringLiteral("AMERA B")}) {
                        for (const int page : {1, 2}) {
                            const ListingQuery q = query([&](ListingQuery& lq) {
                                lq.status = status;
                                lq.scope = scope;
                                lq.regionId = region;
                                lq.category = category;
                                lq.text = text;
                                lq.sort = sorts.at(compared % sorts.size());
                                lq.page = page;
                                lq.pageSize = 3;
                                if (compared % 11 == 0)
                                    lq.minPrice = 10'500;
                            });
                            const QByteArray expected = wire(m_exact->search(q));
                            QCOMPARE(wire(m_cached->search(q)), expected);
                            ++compared;
                        }
                    }
                }
            }
        }
    }
    QCOMPARE(compared, 972);
}

void TstListingCache::reportedChangesShowAtOnceOthersWithinMaxAge()
{
    const qint64 first = makeAuction();
    warmUp();

    // Committed without a report, as another instance would: within maxAge.
    const qint64 second = makeAuction({}, 600);
    auto page = m_cached->search(query());
    QCOMPARE(page.total, qint64(1));
    QCOMPARE(page.items.size(), 1);
    m_nowMs += kMaxAgeMs / 2;
    QCOMPARE(m_cached->search(query()).total, qint64(1));
    m_nowMs += kMaxAgeMs / 2;
    page = m_cached->search(query());
    QCOMPARE(page.total, qint64(2));
    QCOMPARE(page.items.size(), 2);

    // Reported by this process: at once, for ends and cancellations as for new auctions.
    makeAuction();
    m_cache->auctionsChanged();
    QCOMPARE(m_cached->search(query()).total, qint64(3));
    m_fx->settlement.cancel(second, m_seller, false);
    m_cache->auctionsChanged();
    QCOMPARE(m_cached->search(query()).total, qint64(2));
    m_fx->makeOverdue(first);
    m_fx->settlement.settleDue(10);
    m_cache->auctionsChanged();
    page = m_cached->search(query());
    QCOMPARE(page.total, qint64(1));
    QCOMPARE(wire(page), wire(m_exact->search(query())));
}

void TstListingCache::heldTitleSearchTotalsFollowTheSameRules()
{
    makeAuction([](NewAuction& a) { a.title = QStringLiteral("Film camera"); });
    warmUp();
    // Active auctions from the catalogue; every status from the database, with the total held.
    const ListingQuery cameras = query([](ListingQuery& q) { q.text = QStringLiteral("CAMERA"); });
    const ListingQuery allCameras = query([](ListingQuery& q) {
        q.text = QStringLiteral("camera");
        q.status.reset();
    });
    QCOMPARE(m_cached->search(cameras).total, qint64(1));
    QCOMPARE(m_cached->search(allCameras).total, qint64(1));

    makeAuction([](NewAuction& a) { a.title = QStringLiteral("Camera lens"); });
    QCOMPARE(m_cached->search(cameras).total, qint64(1));
    QCOMPARE(m_cached->search(allCameras).total, qint64(1));
    m_nowMs += kMaxAgeMs;
    QCOMPARE(m_cached->search(cameras).total, qint64(2));
    QCOMPARE(m_cached->search(allCameras).total, qint64(2));

    makeAuction([](NewAuction& a) { a.title = QStringLiteral("Camera strap"); });
    m_cache->auctionsChanged();
    QCOMPARE(m_cached->search(cameras).total, qint64(3));
    QCOMPARE(m_cached->search(allCameras).total, qint64(3));
    QCOMPARE(wire(m_cached->search(cameras)), wire(m_exact->search(cameras)));
}

void TstListingCache::priceRangesAreCountedEveryTime()
{
    const qint64 buyer = m_fx->makeUser(QStringLiteral("buyer"), 10'000'000);
    const qint64 id = makeAuction();
    warmUp();
    // Every status is read from the database, with its page held but never a price range's total.
    const auto dear = [](ListingQuery::Sort sort) {
        return query([&](ListingQuery& q) {
            q.status.reset();
            q.minPrice = 15'000;
            q.sort = sort;
        });
    };
    const ListingQuery activeDear = query([](ListingQuery& q) { q.minPrice = 15'000; });
    QCOMPARE(m_cached->search(dear(ListingQuery::Sort::Ending)).total, qint64(0));
    QCOMPARE(m_cached->search(activeDear).total, qint64(0));
    m_fx->bid(buyer, id, 20'000); // unreported
    const auto newest = m_cached->search(dear(ListingQuery::Sort::Newest));
    QCOMPARE(newest.total, qint64(1));
    QCOMPARE(newest.items.first().currentPrice, nb::Won(20'000));
    QCOMPARE(m_cached->search(dear(ListingQuery::Sort::Ending)).total, qint64(0)); // the held page
    QCOMPARE(m_cached->search(activeDear).total, qint64(0));                       // the catalogue's prices
    m_cache->summariesChanged();                                                   // as a bid reports
    QCOMPARE(m_cached->search(dear(ListingQuery::Sort::Ending)).total, qint64(1));
    QCOMPARE(m_cached->search(activeDear).total, qint64(1));
}

void TstListingCache::unknownRegionOrCategoryIsStillBadRequest()
{
    for (const auto& adjust : QList<std::function<void(ListingQuery&)>>{
             [](ListingQuery& q) { q.regionId = 99; },
             [](ListingQuery& q) { q.category = QStringLiteral("spaceships"); },
             [](ListingQuery& q) {
                 q.regionId = 99;
                 q.category = QStringLiteral("spaceships");
             },
         }) {
        const auto exact = ServiceFixture::outcomeOf([&] { m_exact->search(query(adjust)); });
        const auto cached = ServiceFixture::outcomeOf([&] { m_cached->search(query(adjust)); });
        QCOMPARE(cached.code, QStringLiteral("bad_request"));
        QCOMPARE(cached.code, exact.code);
        QCOMPARE(cached.message, exact.message);
        QCOMPARE(cached.details, exact.details);
    }
}

void TstListingCache::heldPagesShowReportedChangesAtOnce()
{
    const qint64 id = makeAuction();
    warmUp();
    // The catalogue's answers and a title search's held page alike.
    const QList<ListingQuery> queries{query(),
                                      query([](ListingQuery& q) { q.text = QStringLiteral("camera"); })};
    const auto prices = [&] {
        QList<nb::Won> out;
        for (const ListingQuery& q : queries)
            out << m_cached->search(q).items.first().currentPrice;
        return out;
    };
    const auto all = [](nb::Won price) { return QList<nb::Won>{price, price}; };
    QCOMPARE(prices(), all(10'000));
    m_fx->db().exec(
        QStringLiteral("UPDATE auctions SET current_price = 12000, watchers = 3 WHERE id = %1").arg(id));
    QCOMPARE(prices(), all(10'000));
    m_cache->summariesChanged();
    QCOMPARE(prices(), all(12'000));
    QCOMPARE(m_cached->search(query()).items.first().watchers, 3);

    m_fx->db().exec(QStringLiteral("UPDATE auctions SET current_price = 13000 WHERE id = %1").arg(id));
    m_cache->auctionsChanged(); // drops everything
    QCOMPARE(prices(), all(13'000));
    m_nowMs += kMaxAgeMs / 10; // the catalogue may be read again
    QCOMPARE(prices(), all(13'000));

    m_fx->db().exec(QStringLiteral("UPDATE auctions SET current_price = 14000 WHERE id = %1").arg(id));
    m_nowMs += kMaxAgeMs / 2;
    QCOMPARE(prices(), all(13'000));
    m_nowMs += kMaxAgeMs / 2;
    QCOMPARE(prices(), all(14'000));
    for (const ListingQuery& q : queries)
        QCOMPARE(wire(m_cached->search(q)), wire(m_exact->search(q)));
}

void TstListingCache::aHeldPageIsNoOlderThanItsOldestPart()
{
    // Every status: read from the database, with the total held under the filter.
    const qint64 id = makeAuction();
    warmUp();
    const auto everyStatus = [](ListingQuery::Sort sort) {
        return query([&](ListingQuery& q) {
            q.status.reset();
            q.sort = sort;
        });
    };
    QCOMPARE(m_cached->search(everyStatus(ListingQuery::Sort::Ending)).total, qint64(1)); // counted now
    m_nowMs += kMaxAgeMs / 2;
    const ListingQuery newest = everyStatus(ListingQuery::Sort::Newest);
    QCOMPARE(m_cached->search(newest).items.first().currentPrice, nb::Won(10'000)); // with the held total
    m_fx->db().exec(QStringLiteral("UPDATE auctions SET current_price = 12000 WHERE id = %1").arg(id));
    m_nowMs += kMaxAgeMs / 2 - 1;
    QCOMPARE(m_cached->search(newest).items.first().currentPrice, nb::Won(10'000));
    m_nowMs += 1; // the page itself is half maxAge old, its total maxAge
    QCOMPARE(m_cached->search(newest).items.first().currentPrice, nb::Won(12'000));
}

void TstListingCache::pagesCostTwoStatementsInOneTransactionAndHeldOnesNone()
{
    for (int i = 0; i < 5; ++i)
        makeAuction([&](NewAuction& a) { a.regionId = i % 2 ? 11680 : 1168010100; });
    nb::storage::ConnectionPool onePool(m_fx->db().connectionString(), 1);
    nb::services::ListingService listings(onePool);
    listings.useCache(m_cache.get());
    const auto local = [](int page, std::optional<AuctionStatus> status) {
        ListingQuery q;
        q.regionId = 11680;
        q.category = QStringLiteral("electronics");
        q.status = status;
        q.page = page;
        q.pageSize = 2;
        return q;
    };
    listings.search(local(1, std::nullopt)); // reads the regions and categories, counts every status
    nb::Page<nb::AuctionSummary> page;
    Sent sent = sentBy(onePool, [&] { page = listings.search(local(2, std::nullopt)); });
    QCOMPARE(sent.statements, 2); // the page's ids, then their summaries
    QCOMPARE(sent.transactions, 1);
    QCOMPARE(sent.settings, 1); // the planner's page cost
    QCOMPARE(page.total, qint64(5));
    QCOMPARE(page.items.size(), 2);
    sent = sentBy(onePool, [&] { page = listings.search(local(2, std::nullopt)); });
    QCOMPARE(sent.statements, 0);
    QCOMPARE(sent.transactions, 0);
    QCOMPARE(page.items.size(), 2);

    // Active auctions without a title search: the catalogue, read in one statement.
    sent = sentBy(onePool, [&] { page = listings.search(local(2, AuctionStatus::Active)); });
    QCOMPARE(sent.statements, 1);
    QCOMPARE(sent.transactions, 1);
    QCOMPARE(page.total, qint64(5));
    sent = sentBy(onePool, [&] { page = listings.search(local(3, AuctionStatus::Active)); });
    QCOMPARE(sent.statements, 0);
    QCOMPARE(page.items.size(), 1);
    m_cache->summariesChanged();
    m_nowMs += kMaxAgeMs / 10; // read again at most this often while changes keep coming
    sent = sentBy(onePool, [&] { page = listings.search(local(3, AuctionStatus::Active)); });
    QCOMPARE(sent.statements, 1);
}

void TstListingCache::aWarmedUpCacheAnswersTheFirstListing()
{
    makeAuction();
    nb::storage::ConnectionPool onePool(m_fx->db().connectionString(), 1);
    {
        nb::services::ListingService listings(onePool);
        listings.useCache(m_cache.get());
        listings.warmUpCache();
        QTRY_VERIFY_WITH_TIMEOUT(m_cache->catalogue() != nullptr, 10'000);
        nb::Page<nb::AuctionSummary> page;
        const Sent sent = sentBy(onePool, [&] { page = listings.search(query()); });
        QCOMPARE(sent.statements, 0);
        QCOMPARE(page.total, qint64(1));
    }
}

void TstListingCache::servicesReportEveryChangeTheyCommitToTheirCache()
{
    // The cache's clock moves a tenth of maxAge per look (as often as a catalogue may be read
    // again), so what it held at the previous look is still fresh: only the services' reports
    // can make a change show.
    nb::services::Services services(m_fx->pool(), m_cache.get());
    const auto matchesTheDatabase = [&](qint64 total) {
        m_nowMs += kMaxAgeMs / 10;
        services.listings.search(query()); // reads the catalogue again after a change
        const nb::Page<nb::AuctionSummary> page = services.listings.search(query());
        return m_cache->catalogue() != nullptr && page.total == total &&
               wire(page) == wire(m_exact->search(query()));
    };
    const qint64 buyer = m_fx->makeUser(QStringLiteral("buyer"), 1'000'000);
    QVERIFY(matchesTheDatabase(0));

    const qint64 first = services.auctions.create(m_seller, ServiceFixture::auctionSpec()).summary.id;
    QVERIFY(matchesTheDatabase(1));
    services.bidding.placeBid(buyer, first, 10'000, std::nullopt, ServiceFixture::newRequestId());
    QVERIFY(matchesTheDatabase(1));
    services.community.watch(buyer, first);
    QVERIFY(matchesTheDatabase(1));
    services.community.unwatch(buyer, first);
    QVERIFY(matchesTheDatabase(1));
    const QByteArray png = QByteArray::fromBase64(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
    services.images.add(m_seller, first, QStringLiteral("image/png"), png);
    QVERIFY(matchesTheDatabase(1));

    // Started and settled by the scheduler, which reports what it commits as well.
    NewAuction later = ServiceFixture::auctionSpec();
    later.startsAt = QDateTime::currentDateTimeUtc().addSecs(600);
    const qint64 second = services.auctions.create(m_seller, later).summary.id;
    QVERIFY(matchesTheDatabase(1));
    nb::scheduler::AuctionScheduler scheduler(m_fx->pool(), nb::services::ListingChanges(m_cache.get()));
    m_fx->makeStartDue(second);
    QCOMPARE(scheduler.tick().first, 1);
    QVERIFY(matchesTheDatabase(2));
    m_fx->makeOverdue(first);
    QCOMPARE(scheduler.tick().second, 1);
    QVERIFY(matchesTheDatabase(1));

    // The winner's review changes the seller's reputation on their other listings.
    services.community.review(buyer, first, 5, QStringLiteral("As described."));
    QVERIFY(matchesTheDatabase(1));
    NewAuction withBuyNow = ServiceFixture::auctionSpec();
    withBuyNow.buyNowPrice = 50'000;
    const qint64 third = services.auctions.create(m_seller, withBuyNow).summary.id;
    QVERIFY(matchesTheDatabase(2));
    services.bidding.buyNow(buyer, third, ServiceFixture::newRequestId());
    QVERIFY(matchesTheDatabase(1));
    services.settlement.cancel(second, m_seller, false);
    QVERIFY(matchesTheDatabase(0));
}

QTEST_GUILESS_MAIN(TstListingCache)
#include "tst_listing_cache.moc"
