// ListingService: GET /api/v1/auctions with every filter and order, bid history, a user's own
// lists and the reference data, against the real database.
#include "server/services/CommunityService.h"
#include "server/services/ListingService.h"
#include "tests/server/ServiceFixture.h"

#include <QTemporaryFile>
#include <QTest>

#include <cstdio>
#include <functional>
#include <memory>

using nb::AuctionStatus;
using nb::AuctionSummary;
using nb::NewAuction;
using nb::Page;
using nb::Won;
using nb::services::ListingQuery;
using nb::test::ServiceFixture;

namespace {

/// The ids of a page's items, in order.
QList<qint64> idsOf(const Page<AuctionSummary>& page)
{
    QList<qint64> ids;
    for (const AuctionSummary& s : page.items)
        ids << s.id;
    return ids;
}

/// Counts the SQL statements a call runs, as the database connection sends them: libpq's own
/// protocol trace (PQtrace) of the pool's only connection records every message to the server,
/// and each statement executes with exactly one "Execute" (extended protocol) or one "Query"
/// (simple protocol) message. BEGIN and COMMIT, which every transaction sends, are not counted.
/// Nothing in the code under test takes part, so no statement can slip past the count.
class StatementCounter {
public:
    explicit StatementCounter(nb::storage::ConnectionPool& pool)
        : m_pool(pool)
    {
        if (m_pool.size() != 1)
            qFatal("StatementCounter needs a pool of one connection");
    }

    int count(const std::function<void()>& call)
    {
        QTemporaryFile file;
        if (!file.open())
            qFatal("cannot create a trace file");
        std::FILE* trace = std::fopen(QFile::encodeName(file.fileName()).constData(), "w");
        if (!trace)
            qFatal("cannot open the trace file");
        {
            auto lease = m_pool.acquire();
            lease->trace(trace);
        }
        call();
        {
            auto lease = m_pool.acquire();
            lease->trace(nullptr);
        }
        std::fclose(trace);
        return statementsIn(file.readAll());
    }

private:
    static int statementsIn(const QByteArray& trace)
    {
        int statements = 0;
        bool sawTransaction = false;
        for (const QByteArray& line : trace.split('\n')) {
            const QList<QByteArray> parts = line.split('\t');
            // "[timestamp] F length Message fields…": the direction, then the length, then the name.
            const qsizetype direction = parts.indexOf("F");
            if (direction < 0 || direction + 2 >= parts.size())
                continue;
            const QByteArray message = parts.at(direction + 2);
            const QByteArray rest = parts.mid(direction + 3).join('\t');
            if (message == "Execute") {
                ++statements;
            } else if (message == "Query") {
                if (rest.contains("\"BEGIN\"") || rest.contains("\"COMMIT\"")) {
                    sawTransaction = true;
                    continue;
                }
                ++statements;
            }
        }
        if (!sawTransaction)
            qFatal("the protocol trace recorded no transaction: the count would be meaningless");
        return statements;
    }

    nb::storage::ConnectionPool& m_pool;
};

} // namespace

class TstListing : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void defaultListsActiveAuctionsEndingFirst();
    void scopeSelectsLocalOrNational();
    void regionMatchesItselfAndItsDescendants();
    void unknownRegionOrCategoryIsBadRequestNamingIt();
    void categoryFiltersBySlug();
    void titleSearchIsCaseInsensitiveSubstring();
    void titleSearchTakesWildcardsLiterally();
    void priceRangeAppliesToCurrentPrice();
    void statusFilterAcceptsEveryStatus();
    void everySortIsStableWithIdTieBreak();
    void pagesAreStableAndCarryTheTotal();
    void badPagingOrPricesAreBadRequest();
    void searchRunsAtMostTwoStatementsWhateverThePageSize();
    void summaryCarriesSellerRegionAndWatchers();

    void bidsAreNewestFirstWithBidderNames();
    void bidsOfUnknownAuctionIsNotFound();
    void myBidsShowMyMaxAndWhetherILead();
    void myAuctionsAreNewestFirstInEveryStatus();
    void watchlistListsWatchedAuctions();
    void ownListsRunAtMostTwoStatements();

    void regionsComeInTreeOrder();
    void categoriesHaveEnglishAndKoreanNames();

private:
    qint64 makeAuction(const std::function<void(NewAuction&)>& adjust = {}, qint64 endsInSeconds = 3600);
    void setPrice(qint64 auctionId, Won price);
    Page<AuctionSummary> search(const std::function<void(ListingQuery&)>& adjust);

    std::unique_ptr<ServiceFixture> m_fx;
    std::unique_ptr<nb::services::ListingService> m_listings;
    std::unique_ptr<nb::services::CommunityService> m_community;
    qint64 m_seller = 0;
};

void TstListing::initTestCase()
{
    m_fx = std::make_unique<ServiceFixture>();
    m_listings = std::make_unique<nb::services::ListingService>(m_fx->pool());
    m_community = std::make_unique<nb::services::CommunityService>(m_fx->pool());
}

void TstListing::init()
{
    m_fx->reset();
    m_seller = m_fx->makeUser(QStringLiteral("seller"));
}

void TstListing::cleanupTestCase()
{
    m_community.reset();
    m_listings.reset();
    m_fx.reset();
}

qint64 TstListing::makeAuction(const std::function<void(NewAuction&)>& adjust, qint64 endsInSeconds)
{
    return m_fx->makeAuction(m_seller, endsInSeconds, adjust);
}

void TstListing::setPrice(qint64 auctionId, Won price)
{
    m_fx->db().exec(
        QStringLiteral("UPDATE auctions SET current_price = %1 WHERE id = %2").arg(price).arg(auctionId));
}

Page<AuctionSummary> TstListing::search(const std::function<void(ListingQuery&)>& adjust)
{
    ListingQuery query;
    if (adjust)
        adjust(query);
    return m_listings->search(query);
}

void TstListing::defaultListsActiveAuctionsEndingFirst()
{
    const qint64 later = makeAuction({}, 7200);
    const qint64 sooner = makeAuction({}, 600);
    makeAuction([](NewAuction& a) { // scheduled
        a.startsAt = QDateTime::currentDateTimeUtc().addSecs(600);
        a.endsAt = a.startsAt.addSecs(3600);
    });
    const qint64 ended = makeAuction();
    m_fx->makeOverdue(ended);
    m_fx->settlement.settleDue(10);
    const qint64 cancelled = makeAuction();
    m_fx->settlement.cancel(cancelled, m_seller, false);

    const auto page = m_listings->search(ListingQuery{});
    QCOMPARE(idsOf(page), (QList<qint64>{sooner, later}));
    QCOMPARE(page.total, qint64(2));
    QCOMPARE(page.page, 1);
    QCOMPARE(page.pageSize, 20);
}

void TstListing::scopeSelectsLocalOrNational()
{
    const qint64 local = makeAuction({}, 600);
    const qint64 national = makeAuction([](NewAuction& a) { a.isNational = true; }, 700);

    QCOMPARE(idsOf(search([](ListingQuery& q) { q.scope = ListingQuery::Scope::Local; })),
             QList<qint64>{local});
    QCOMPARE(idsOf(search([](ListingQuery& q) { q.scope = ListingQuery::Scope::National; })),
             QList<qint64>{national});
    QCOMPARE(idsOf(search([](ListingQuery& q) { q.scope = ListingQuery::Scope::All; })),
             (QList<qint64>{local, national}));
}

void TstListing::regionMatchesItselfAndItsDescendants()
{
    const qint64 seoul = makeAuction([](NewAuction& a) { a.regionId = 11; }, 600);
    const qint64 gangnam = makeAuction([](NewAuction& a) { a.regionId = 11680; }, 700);
    const qint64 yeoksam = makeAuction([](NewAuction& a) { a.regionId = 1168010100; }, 800);
    const qint64 busan = makeAuction([](NewAuction& a) { a.regionId = 26350; }, 900);

    QCOMPARE(idsOf(search([](ListingQuery& q) { q.regionId = 11; })),
             (QList<qint64>{seoul, gangnam, yeoksam}));
    QCOMPARE(idsOf(search([](ListingQuery& q) { q.regionId = 11680; })), (QList<qint64>{gangnam, yeoksam}));
    QCOMPARE(idsOf(search([](ListingQuery& q) { q.regionId = 1168010100; })), QList<qint64>{yeoksam});
    QCOMPARE(idsOf(search([](ListingQuery& q) { q.regionId = 26; })), QList<qint64>{busan});
    const auto none = search([](ListingQuery& q) { q.regionId = 11110; }); // 종로구: known, empty
    QCOMPARE(none.total, qint64(0));
    QVERIFY(none.items.isEmpty());
}

void TstListing::unknownRegionOrCategoryIsBadRequestNamingIt()
{
    makeAuction();
    auto region = ServiceFixture::outcomeOf([&] { search([](ListingQuery& q) { q.regionId = 99; }); });
    QCOMPARE(region.code, QStringLiteral("bad_request"));
    QCOMPARE(region.details.value("field").toString(), QStringLiteral("region"));
    region = ServiceFixture::outcomeOf([&] { search([](ListingQuery& q) { q.regionId = -5; }); });
    QCOMPARE(region.details.value("field").toString(), QStringLiteral("region"));

    const auto category = ServiceFixture::outcomeOf(
        [&] { search([](ListingQuery& q) { q.category = QStringLiteral("spaceships"); }); });
    QCOMPARE(category.code, QStringLiteral("bad_request"));
    QCOMPARE(category.details.value("field").toString(), QStringLiteral("category"));
}

void TstListing::categoryFiltersBySlug()
{
    const qint64 camera = makeAuction({}, 600);
    const qint64 book = makeAuction([](NewAuction& a) { a.category = QStringLiteral("books"); }, 700);
    QCOMPARE(idsOf(search([](ListingQuery& q) { q.category = QStringLiteral("books"); })),
             QList<qint64>{book});
    QCOMPARE(idsOf(search([](ListingQuery& q) { q.category = QStringLiteral("electronics"); })),
             QList<qint64>{camera});
    QCOMPARE(search([](ListingQuery& q) { q.category = QStringLiteral("fashion"); }).total, qint64(0));
}

void TstListing::titleSearchIsCaseInsensitiveSubstring()
{
    const qint64 canon =
        makeAuction([](NewAuction& a) { a.title = QStringLiteral("Canon CAMERA body"); }, 600);
    const qint64 bag = makeAuction([](NewAuction& a) { a.title = QStringLiteral("camera bag"); }, 700);
    makeAuction([](NewAuction& a) { a.title = QStringLiteral("Tripod"); }, 800);
    const qint64 bike =
        makeAuction([](NewAuction& a) { a.title = QStringLiteral("접이식 자전거 팝니다"); }, 900);

    QCOMPARE(idsOf(search([](ListingQuery& q) { q.text = QStringLiteral("Camera"); })),
             (QList<qint64>{canon, bag}));
    QCOMPARE(idsOf(search([](ListingQuery& q) { q.text = QStringLiteral("  ERA B  "); })),
             (QList<qint64>{canon, bag}));
    QCOMPARE(idsOf(search([](ListingQuery& q) { q.text = QStringLiteral("자전거"); })), QList<qint64>{bike});
    QCOMPARE(search([](ListingQuery& q) { q.text = QStringLiteral("lens"); }).total, qint64(0));
}

void TstListing::titleSearchTakesWildcardsLiterally()
{
    const qint64 cotton =
        makeAuction([](NewAuction& a) { a.title = QStringLiteral("100% cotton shirt"); }, 600);
    const qint64 snake = makeAuction([](NewAuction& a) { a.title = QStringLiteral("file_name.txt"); }, 700);
    const qint64 slash = makeAuction([](NewAuction& a) { a.title = QStringLiteral("back\\slash"); }, 800);
    makeAuction([](NewAuction& a) { a.title = QStringLiteral("plain"); }, 900);

    QCOMPARE(idsOf(search([](ListingQuery& q) { q.text = QStringLiteral("%"); })), QList<qint64>{cotton});
    QCOMPARE(idsOf(search([](ListingQuery& q) { q.text = QStringLiteral("_"); })), QList<qint64>{snake});
    QCOMPARE(idsOf(search([](ListingQuery& q) { q.text = QStringLiteral("\\"); })), QList<qint64>{slash});
    QCOMPARE(idsOf(search([](ListingQuery& q) { q.text = QStringLiteral("e_n"); })), QList<qint64>{snake});
}

void TstListing::priceRangeAppliesToCurrentPrice()
{
    const qint64 cheap = makeAuction({}, 600);
    const qint64 middle = makeAuction({}, 700);
    const qint64 dear = makeAuction({}, 800);
    setPrice(cheap, 5'000);
    setPrice(middle, 20'000);
    setPrice(dear, 90'000);

    QCOMPARE(idsOf(search([](ListingQuery& q) { q.minPrice = 20'000; })), (QList<qint64>{middle, dear}));
    QCOMPARE(idsOf(search([](ListingQuery& q) { q.maxPrice = 20'000; })), (QList<qint64>{cheap, middle}));
    QCOMPARE(idsOf(search([](ListingQuery& q) {
                 q.minPrice = 5'001;
                 q.maxPrice = 89'999;
             })),
             QList<qint64>{middle});
}

void TstListing::statusFilterAcceptsEveryStatus()
{
    const qint64 active = makeAuction({}, 600);
    const qint64 ended = makeAuction({}, 700);
    m_fx->makeOverdue(ended);
    m_fx->settlement.settleDue(10);
    const qint64 cancelled = makeAuction({}, 800);
    m_fx->settlement.cancel(cancelled, m_seller, false);
    const qint64 scheduled = makeAuction(
        [](NewAuction& a) {
            a.startsAt = QDateTime::currentDateTimeUtc().addSecs(900);
            a.endsAt = a.startsAt.addSecs(3600);
        },
        0);

    QCOMPARE(idsOf(search([](ListingQuery& q) { q.status = AuctionStatus::Ended; })), QList<qint64>{ended});
    QCOMPARE(idsOf(search([](ListingQuery& q) { q.status = AuctionStatus::Cancelled; })),
             QList<qint64>{cancelled});
    QCOMPARE(idsOf(search([](ListingQuery& q) { q.status = AuctionStatus::Scheduled; })),
             QList<qint64>{scheduled});
    const auto all = search([](ListingQuery& q) {
        q.status.reset();
        q.sort = ListingQuery::Sort::Newest;
    });
    QCOMPARE(idsOf(all), (QList<qint64>{scheduled, cancelled, ended, active}));
}

void TstListing::everySortIsStableWithIdTieBreak()
{
    // Equal prices and equal end times: the id decides, the same way on every call.
    const QDateTime end = QDateTime::currentDateTimeUtc().addSecs(3600);
    QList<qint64> ids;
    for (int i = 0; i < 5; ++i)
        ids << makeAuction([&](NewAuction& a) { a.endsAt = end; });
    setPrice(ids[0], 30'000);
    setPrice(ids[1], 10'000);
    setPrice(ids[2], 20'000);
    setPrice(ids[3], 10'000);
    setPrice(ids[4], 30'000);
    m_fx->db().exec(QStringLiteral("UPDATE auctions SET created_at = '2026-01-01Z'"));

    const auto sorted = [&](ListingQuery::Sort sort) {
        return idsOf(search([&](ListingQuery& q) { q.sort = sort; }));
    };
    QCOMPARE(sorted(ListingQuery::Sort::Ending), ids);
    QCOMPARE(sorted(ListingQuery::Sort::Newest), (QList<qint64>{ids[4], ids[3], ids[2], ids[1], ids[0]}));
    QCOMPARE(sorted(ListingQuery::Sort::PriceAsc), (QList<qint64>{ids[1], ids[3], ids[2], ids[0], ids[4]}));
    QCOMPARE(sorted(ListingQuery::Sort::PriceDesc), (QList<qint64>{ids[4], ids[0], ids[2], ids[3], ids[1]}));
}

void TstListing::pagesAreStableAndCarryTheTotal()
{
    const QDateTime end = QDateTime::currentDateTimeUtc().addSecs(3600);
    QList<qint64> all;
    for (int i = 0; i < 7; ++i)
        all << makeAuction([&](NewAuction& a) { a.endsAt = end; });

    QList<qint64> seen;
    for (int page = 1; page <= 3; ++page) {
        const auto p = search([&](ListingQuery& q) {
            q.page = page;
            q.pageSize = 3;
        });
        QCOMPARE(p.total, qint64(7));
        QCOMPARE(p.page, page);
        QCOMPARE(p.pageSize, 3);
        QCOMPARE(p.items.size(), page < 3 ? 3 : 1);
        seen << idsOf(p);
    }
    QCOMPARE(seen, all);

    const auto beyond = search([](ListingQuery& q) {
        q.page = 4;
        q.pageSize = 3;
    });
    QCOMPARE(beyond.total, qint64(7));
    QVERIFY(beyond.items.isEmpty());
}

void TstListing::badPagingOrPricesAreBadRequest()
{
    const auto fieldOf = [&](const std::function<void(ListingQuery&)>& adjust) {
        const auto outcome = ServiceFixture::outcomeOf([&] { search(adjust); });
        return outcome.code + QLatin1Char(' ') + outcome.details.value("field").toString();
    };
    QCOMPARE(fieldOf([](ListingQuery& q) { q.page = 0; }), QStringLiteral("bad_request page"));
    QCOMPARE(fieldOf([](ListingQuery& q) { q.pageSize = 0; }), QStringLiteral("bad_request page_size"));
    QCOMPARE(fieldOf([](ListingQuery& q) { q.pageSize = 101; }), QStringLiteral("bad_request page_size"));
    QCOMPARE(fieldOf([](ListingQuery& q) { q.minPrice = 0; }), QStringLiteral("bad_request min_price"));
    QCOMPARE(fieldOf([](ListingQuery& q) { q.maxPrice = 1'000'000'000'001; }),
             QStringLiteral("bad_request max_price"));
    QCOMPARE(fieldOf([](ListingQuery& q) {
                 q.minPrice = 20'000;
                 q.maxPrice = 10'000;
             }),
             QStringLiteral("bad_request max_price"));
    QCOMPARE(fieldOf([](ListingQuery& q) { q.text = QString(101, QLatin1Char('x')); }),
             QStringLiteral("bad_request q"));
    QCOMPARE(fieldOf([](ListingQuery& q) { q.pageSize = 100; }), QStringLiteral("none "));
}

void TstListing::searchRunsAtMostTwoStatementsWhateverThePageSize()
{
    const qint64 buyer = m_fx->makeUser(QStringLiteral("buyer"), 10'000'000);
    for (int i = 0; i < 120; ++i) {
        const qint64 id = makeAuction([&](NewAuction& a) {
            a.regionId = i % 2 ? 11680 : 1168010100;
            a.isNational = i % 3 == 0;
            a.title = QStringLiteral("Camera no. %1").arg(i);
        });
        if (i % 10 == 0)
            m_fx->bid(buyer, id, 10'000);
    }
    nb::storage::ConnectionPool onePool(m_fx->db().connectionString(), 1);
    nb::services::ListingService listings(onePool);
    StatementCounter counter(onePool);

    for (const int pageSize : {1, 20, 100}) {
        ListingQuery plain;
        plain.pageSize = pageSize;
        Page<AuctionSummary> page;
        QCOMPARE(counter.count([&] { page = listings.search(plain); }), 2);
        QCOMPARE(page.items.size(), pageSize);

        ListingQuery filtered = plain;
        filtered.scope = ListingQuery::Scope::All;
        filtered.regionId = 11;
        filtered.category = QStringLiteral("electronics");
        filtered.text = QStringLiteral("camera");
        filtered.minPrice = 1;
        filtered.maxPrice = 1'000'000;
        filtered.sort = ListingQuery::Sort::PriceDesc;
        QCOMPARE(counter.count([&] { page = listings.search(filtered); }), 2);
        QCOMPARE(page.total, qint64(120));
        QCOMPARE(page.items.size(), pageSize);
    }
    // Nothing to show: the count alone.
    ListingQuery none;
    none.text = QStringLiteral("no such thing");
    QCOMPARE(counter.count([&] { listings.search(none); }), 1);
    // An unknown category is found by the same first statement.
    ListingQuery unknown;
    unknown.category = QStringLiteral("spaceships");
    QCOMPARE(counter.count([&] { ServiceFixture::outcomeOf([&] { listings.search(unknown); }); }), 1);
}

void TstListing::summaryCarriesSellerRegionAndWatchers()
{
    const qint64 id = makeAuction([](NewAuction& a) {
        a.regionId = 11680;
        a.buyNowPrice = 50'000;
    });
    const qint64 watcher = m_fx->makeUser(QStringLiteral("watcher"));
    m_community->watch(watcher, id);
    const auto page = search({});
    QCOMPARE(page.items.size(), 1);
    const AuctionSummary& s = page.items.first();
    QCOMPARE(s.seller.id, m_seller);
    QCOMPARE(s.seller.displayName, QStringLiteral("seller"));
    QCOMPARE(s.region.id, qint64(11680));
    QCOMPARE(s.region.name, QStringLiteral("강남구"));
    QCOMPARE(s.category, QStringLiteral("electronics"));
    QCOMPARE(s.watchers, 1);
    QCOMPARE(s.buyNowPrice, std::optional<Won>(50'000));
    QVERIFY(s.thumbnailUrl.isEmpty());
    QVERIFY(!s.myMax);
    QVERIFY(!s.leading);
}

void TstListing::bidsAreNewestFirstWithBidderNames()
{
    const qint64 id = makeAuction();
    const qint64 a = m_fx->makeUser(QStringLiteral("alice"), 1'000'000);
    const qint64 b = m_fx->makeUser(QStringLiteral("bob"), 1'000'000);
    m_fx->bid(a, id, 10'000);
    m_fx->bid(b, id, 11'000);
    m_fx->bid(a, id, 12'000);

    const Page<nb::Bid> page = m_listings->bids(id, 1, 2);
    QCOMPARE(page.total, qint64(3));
    QCOMPARE(page.items.size(), 2);
    QCOMPARE(page.items[0].amount, Won(12'000));
    QCOMPARE(page.items[0].bidder.id, a);
    QCOMPARE(page.items[0].bidder.displayName, QStringLiteral("alice"));
    QCOMPARE(page.items[1].amount, Won(11'000));
    QCOMPARE(page.items[1].bidder.displayName, QStringLiteral("bob"));
    QVERIFY(page.items[0].at.isValid());
    const Page<nb::Bid> last = m_listings->bids(id, 2, 2);
    QCOMPARE(last.items.size(), 1);
    QCOMPARE(last.items[0].amount, Won(10'000));
    QCOMPARE(m_listings->bids(makeAuction(), 1, 20).total, qint64(0));
}

void TstListing::bidsOfUnknownAuctionIsNotFound()
{
    QCOMPARE(ServiceFixture::codeOf([&] { m_listings->bids(424242, 1, 20); }), QStringLiteral("not_found"));
    QCOMPARE(ServiceFixture::codeOf([&] { m_listings->bids(1, 1, 0); }), QStringLiteral("bad_request"));
}

void TstListing::myBidsShowMyMaxAndWhetherILead()
{
    const qint64 first = makeAuction({}, 600);
    const qint64 second = makeAuction({}, 700);
    makeAuction({}, 800); // not bid on
    const qint64 me = m_fx->makeUser(QStringLiteral("myself"), 1'000'000);
    const qint64 rival = m_fx->makeUser(QStringLiteral("rival"), 1'000'000);

    m_fx->bid(me, first, 10'000, 30'000); // proxy maximum 30,000
    m_fx->bid(rival, first, 15'000);      // my proxy answers: I still lead
    m_fx->bid(me, second, 10'000);
    m_fx->bid(rival, second, 20'000); // outbid

    const auto page = m_listings->myBids(me, 1, 20);
    QCOMPARE(page.total, qint64(2));
    QCOMPARE(idsOf(page), (QList<qint64>{second, first})); // where I bid last comes first
    QCOMPARE(page.items[0].myMax, std::optional<Won>(10'000));
    QCOMPARE(page.items[0].leading, std::optional<bool>(false));
    QCOMPARE(page.items[1].myMax, std::optional<Won>(30'000));
    QCOMPARE(page.items[1].leading, std::optional<bool>(true));
    QCOMPARE(page.items[1].currentPrice, Won(16'000)); // my proxy answered the rival

    const auto rivals = m_listings->myBids(rival, 1, 1);
    QCOMPARE(rivals.total, qint64(2));
    QCOMPARE(idsOf(rivals), QList<qint64>{second});
    QCOMPARE(m_listings->myBids(m_seller, 1, 20).total, qint64(0));
}

void TstListing::myAuctionsAreNewestFirstInEveryStatus()
{
    const qint64 older = makeAuction();
    const qint64 cancelled = makeAuction();
    m_fx->settlement.cancel(cancelled, m_seller, false);
    const qint64 other = m_fx->makeUser(QStringLiteral("other"));
    m_fx->makeAuction(other);

    const auto page = m_listings->myAuctions(m_seller, 1, 20);
    QCOMPARE(idsOf(page), (QList<qint64>{cancelled, older}));
    QCOMPARE(page.total, qint64(2));
    QCOMPARE(m_listings->myAuctions(other, 1, 20).total, qint64(1));
}

void TstListing::watchlistListsWatchedAuctions()
{
    const qint64 a = makeAuction();
    const qint64 b = makeAuction();
    makeAuction();
    const qint64 me = m_fx->makeUser(QStringLiteral("myself"));
    m_community->watch(me, a);
    m_community->watch(me, b);

    auto page = m_listings->watchlist(me, 1, 20);
    QCOMPARE(page.total, qint64(2));
    QCOMPARE(idsOf(page), (QList<qint64>{b, a})); // most recently watched first
    m_community->unwatch(me, a);
    page = m_listings->watchlist(me, 1, 20);
    QCOMPARE(idsOf(page), QList<qint64>{b});
    QCOMPARE(page.items.first().watchers, 1);
}

void TstListing::ownListsRunAtMostTwoStatements()
{
    const qint64 me = m_fx->makeUser(QStringLiteral("myself"), 10'000'000);
    for (int i = 0; i < 30; ++i) {
        const qint64 id = makeAuction();
        m_fx->bid(me, id, 10'000);
        m_community->watch(me, id);
    }
    nb::storage::ConnectionPool onePool(m_fx->db().connectionString(), 1);
    nb::services::ListingService listings(onePool);
    StatementCounter counter(onePool);
    for (const int pageSize : {1, 30}) {
        QCOMPARE(counter.count([&] { QCOMPARE(listings.myBids(me, 1, pageSize).items.size(), pageSize); }),
                 2);
        QCOMPARE(counter.count([&] { QCOMPARE(listings.watchlist(me, 1, pageSize).items.size(), pageSize); }),
                 2);
        QCOMPARE(counter.count(
                     [&] { QCOMPARE(listings.myAuctions(m_seller, 1, pageSize).items.size(), pageSize); }),
                 2);
        QCOMPARE(counter.count([&] { QCOMPARE(listings.bids(1, 1, pageSize).items.size(), 1); }), 2);
    }
}

void TstListing::regionsComeInTreeOrder()
{
    const QList<nb::Region> regions = m_listings->regions();
    QVERIFY(regions.size() > 50);
    QHash<qint64, int> position;
    for (int i = 0; i < regions.size(); ++i)
        position.insert(regions[i].id, i);
    for (const nb::Region& r : regions) {
        QCOMPARE(r.parentId.has_value(), r.depth > 1);
        if (r.parentId) {
            QVERIFY(position.contains(*r.parentId));
            QVERIFY(position.value(*r.parentId) < position.value(r.id));
        }
    }
    const nb::Region gangnam = regions[position.value(11680)];
    QCOMPARE(gangnam.name, QStringLiteral("강남구"));
    QCOMPARE(gangnam.parentId, std::optional<qint64>(11));
    QCOMPARE(gangnam.depth, 2);
    QCOMPARE(regions[position.value(1168010100)].depth, 3);
}

void TstListing::categoriesHaveEnglishAndKoreanNames()
{
    const QList<nb::Category> categories = m_listings->categories();
    QVERIFY(categories.size() >= 10);
    QCOMPARE(categories.first().slug, QStringLiteral("electronics"));
    QCOMPARE(categories.first().name, QStringLiteral("Electronics"));
    QCOMPARE(categories.first().nameKo, QStringLiteral("디지털/가전"));
    for (const nb::Category& c : categories)
        QVERIFY(!c.nameKo.isEmpty());
}

QTEST_GUILESS_MAIN(TstListing)
#include "tst_listing.moc"
