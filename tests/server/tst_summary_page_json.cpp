// The listing's direct JSON writer: byte for byte what QJsonDocument writes for toJson(page).
#include "server/transport/http/SummaryPageJson.h"
#include "shared/protocol/Json.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>
#include <QTimeZone>

using nb::AuctionStatus;
using nb::AuctionSummary;
using nb::Page;

namespace {

QByteArray viaQJson(const Page<AuctionSummary>& page)
{
    return QJsonDocument(nb::toJson(page)).toJson(QJsonDocument::Compact);
}

AuctionSummary plainSummary()
{
    AuctionSummary s;
    s.id = 42;
    s.title = QStringLiteral("Camera");
    s.seller = nb::SellerRef{7, QStringLiteral("seller"), 0.0, 0};
    s.category = QStringLiteral("electronics");
    s.region = nb::RegionRef{11680, QStringLiteral("강남구")};
    s.status = AuctionStatus::Active;
    s.startPrice = 10'000;
    s.currentPrice = 12'000;
    s.bidCount = 3;
    s.watchers = 1;
    s.startsAt = QDateTime::fromMSecsSinceEpoch(1'700'000'000'123, QTimeZone::utc());
    s.endsAt = QDateTime::fromMSecsSinceEpoch(1'700'086'400'000, QTimeZone::utc());
    return s;
}

Page<AuctionSummary> pageOf(const QList<AuctionSummary>& items)
{
    Page<AuctionSummary> page;
    page.items = items;
    page.total = 1234;
    page.page = 3;
    page.pageSize = 20;
    return page;
}

} // namespace

class TstSummaryPageJson : public QObject {
    Q_OBJECT

private slots:
    void emptyPage();
    void optionalFieldsOnlyWhenPresent();
    void everyStatusAndReputation();
    void stringsEscapeAsQtDoes();
    void timesFormatAsToWireTime();
};

void TstSummaryPageJson::emptyPage()
{
    const Page<AuctionSummary> page = pageOf({});
    QCOMPARE(nb::transport::http::summaryPageJson(page), viaQJson(page));
}

void TstSummaryPageJson::optionalFieldsOnlyWhenPresent()
{
    AuctionSummary all = plainSummary();
    all.highBidderId = 9;
    all.buyNowPrice = 50'000;
    all.thumbnailUrl = QStringLiteral("/api/v1/auctions/42/images/0");
    all.myMax = 30'000;
    all.leading = false;
    all.isNational = true;
    AuctionSummary big = plainSummary();
    big.id = 9'007'199'254'740'993; // beyond a double's exact integers
    big.currentPrice = 1'000'000'000'000;
    const Page<AuctionSummary> page = pageOf({plainSummary(), all, big});
    QCOMPARE(nb::transport::http::summaryPageJson(page), viaQJson(page));
}

void TstSummaryPageJson::everyStatusAndReputation()
{
    QList<AuctionSummary> items;
    const QList<AuctionStatus> statuses{AuctionStatus::Scheduled, AuctionStatus::Active, AuctionStatus::Ended,
                                        AuctionStatus::Cancelled};
    const QList<double> reputations{0.0, 1.0, 4.25, 4.35, 4.449999, 2.0 / 3.0, 5.0, 3.95};
    for (int i = 0; i < 32; ++i) {
        AuctionSummary s = plainSummary();
        s.status = statuses.at(i % statuses.size());
        s.seller.reputation = reputations.at(i % reputations.size());
        s.seller.reviewCount = i;
        items.append(s);
    }
    const Page<AuctionSummary> page = pageOf(items);
    QCOMPARE(nb::transport::http::summaryPageJson(page), viaQJson(page));
}

void TstSummaryPageJson::stringsEscapeAsQtDoes()
{
    QString controls;
    for (char16_t c = 0; c < 0x80; ++c)
        controls.append(QChar(c));
    const QList<QString> titles{
        controls,
        QStringLiteral("\"quoted\" back\\slash /slash"),
        QStringLiteral("자전거 헬멧 (새상품)"),
        QString::fromUtf8("emoji \xF0\x9F\x9A\xB2 and \xE2\x82\xA9 and \xC3\xA9"),
        QString(QChar(0xd83d)) + QStringLiteral("lone high"),
        QStringLiteral("lone low") + QChar(0xde00),
        QString(QChar(0xd83d)) + QChar(u'x'),
        QString(QChar(0xffff)) + QChar(0x800) + QChar(0x7ff) + QChar(0x80),
        QString(),
    };
    QList<AuctionSummary> items;
    for (const QString& title : titles) {
        AuctionSummary s = plainSummary();
        s.title = title;
        s.seller.displayName = title;
        s.region.name = title;
        s.category = title;
        s.thumbnailUrl = title;
        items.append(s);
    }
    const Page<AuctionSummary> page = pageOf(items);
    QCOMPARE(nb::transport::http::summaryPageJson(page), viaQJson(page));
}

void TstSummaryPageJson::timesFormatAsToWireTime()
{
    QList<qint64> instants{0,
                           -1,
                           -86'400'000,
                           951'782'400'000, // 2000-02-29
                           4'102'444'799'999,
                           253'402'300'799'999, // 9999-12-31T23:59:59.999Z
                           253'402'300'800'000, // year 10000
                           -30'610'224'000'000, // year 1000
                           -30'610'224'000'001, // year 999
                           -62'135'596'800'000};
    QRandomGenerator random(7);
    for (int i = 0; i < 2000; ++i)
        instants.append(static_cast<qint64>(random.bounded(8'000'000'000'000.0)) - 2'000'000'000'000);
    QList<AuctionSummary> items;
    for (const qint64 ms : instants) {
        AuctionSummary s = plainSummary();
        s.endsAt = QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc());
        s.startsAt = QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toLocalTime();
        items.append(s);
    }
    AuctionSummary invalid = plainSummary();
    invalid.endsAt = QDateTime();
    items.append(invalid);
    const Page<AuctionSummary> page = pageOf(items);
    QCOMPARE(nb::transport::http::summaryPageJson(page), viaQJson(page));
}

QTEST_GUILESS_MAIN(TstSummaryPageJson)
#include "tst_summary_page_json.moc"
