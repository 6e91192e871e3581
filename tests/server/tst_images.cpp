// ImageService: real JPEG/PNG/WebP only, checked by their bytes; size and count limits; seller only;
// and the images in the auction's detail and its summary's thumbnail.
#include "server/services/ImageService.h"
#include "server/services/ListingService.h"
#include "server/services/ServiceError.h"
#include "tests/server/ServiceFixture.h"

#include <QBuffer>
#include <QColor>
#include <QImage>
#include <QSet>
#include <QTest>

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

using nb::ImageRef;
using nb::services::ImageService;
using nb::test::ServiceFixture;

namespace {

QByteArray encoded(const char* format, QColor colour)
{
    QImage image(24, 16, QImage::Format_RGB32);
    image.fill(colour);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, format))
        qFatal("Qt cannot write %s here", format);
    return bytes;
}

QByteArray png()
{
    return encoded("PNG", Qt::darkGreen);
}

QByteArray jpeg()
{
    return encoded("JPEG", Qt::darkBlue);
}

/// A WebP file's container header (RIFF, size, "WEBP", a VP8L chunk), which is what identifies it.
QByteArray webp()
{
    QByteArray bytes("RIFF");
    bytes.append("\x1A\x00\x00\x00", 4);
    bytes.append("WEBPVP8L");
    bytes.append("\x0D\x00\x00\x00\x2F\x00\x00\x00\x10\x07\x10\x11\x11\x88\x88\xFE\x07\x00", 18);
    return bytes;
}

QString url(qint64 auctionId, int index)
{
    return QStringLiteral("/api/v1/auctions/%1/images/%2").arg(auctionId).arg(index);
}

} // namespace

class TstImages : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void pngJpegAndWebpAreStoredAndServed();
    void declaredTypeMayCarryParametersAndCase();
    void bytesThatAreNotTheDeclaredTypeAreRefused_data();
    void bytesThatAreNotTheDeclaredTypeAreRefused();
    void overFiveMebibytesIsPayloadTooLarge();
    void ninthImageIsConflict();
    void onlyTheSellerUploads();
    void endedOrCancelledAuctionsTakeNoImages();
    void concurrentUploadsTakeDistinctIndexes();
    void missingImageIsNotFound();
    void detailListsImagesAndSummaryShowsTheFirst();

private:
    std::unique_ptr<ServiceFixture> m_fx;
    std::unique_ptr<ImageService> m_images;
    qint64 m_seller = 0;
    qint64 m_auction = 0;
};

void TstImages::initTestCase()
{
    m_fx = std::make_unique<ServiceFixture>();
    m_images = std::make_unique<ImageService>(m_fx->pool());
}

void TstImages::init()
{
    m_fx->reset();
    m_seller = m_fx->makeUser(QStringLiteral("seller"));
    m_auction = m_fx->makeAuction(m_seller);
}

void TstImages::cleanupTestCase()
{
    m_images.reset();
    m_fx.reset();
}

void TstImages::pngJpegAndWebpAreStoredAndServed()
{
    const QByteArray pngBytes = png();
    const QByteArray jpegBytes = jpeg();
    const ImageRef first = m_images->add(m_seller, m_auction, QStringLiteral("image/png"), pngBytes);
    QCOMPARE(first.index, 0);
    QCOMPARE(first.url, url(m_auction, 0));
    const ImageRef second = m_images->add(m_seller, m_auction, QStringLiteral("image/jpeg"), jpegBytes);
    QCOMPARE(second.index, 1);
    QCOMPARE(second.url, url(m_auction, 1));
    QCOMPARE(m_images->add(m_seller, m_auction, QStringLiteral("image/webp"), webp()).index, 2);

    const nb::services::StoredImage storedPng = m_images->get(m_auction, 0);
    QCOMPARE(storedPng.contentType, QStringLiteral("image/png"));
    QCOMPARE(storedPng.bytes, pngBytes);
    const nb::services::StoredImage storedJpeg = m_images->get(m_auction, 1);
    QCOMPARE(storedJpeg.contentType, QStringLiteral("image/jpeg"));
    QCOMPARE(storedJpeg.bytes, jpegBytes);
    QCOMPARE(m_images->get(m_auction, 2).contentType, QStringLiteral("image/webp"));
    QCOMPARE(m_images->get(m_auction, 2).bytes, webp());
}

void TstImages::declaredTypeMayCarryParametersAndCase()
{
    QCOMPARE(m_images->add(m_seller, m_auction, QStringLiteral("Image/PNG; charset=binary"), png()).index, 0);
    QCOMPARE(m_images->get(m_auction, 0).contentType, QStringLiteral("image/png"));
}

void TstImages::bytesThatAreNotTheDeclaredTypeAreRefused_data()
{
    QTest::addColumn<QString>("declared");
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("png sent as jpeg") << QStringLiteral("image/jpeg") << png();
    QTest::newRow("jpeg sent as png") << QStringLiteral("image/png") << jpeg();
    QTest::newRow("webp sent as png") << QStringLiteral("image/png") << webp();
    QTest::newRow("text sent as png")
        << QStringLiteral("image/png") << QByteArray("hello, this is not a picture");
    QTest::newRow("html sent as jpeg")
        << QStringLiteral("image/jpeg") << QByteArray("<html><script>x</script>");
    QTest::newRow("empty") << QStringLiteral("image/png") << QByteArray();
    QTest::newRow("truncated png signature") << QStringLiteral("image/png") << png().left(7);
    QTest::newRow("riff but not webp")
        << QStringLiteral("image/webp") << QByteArray("RIFF\x10\0\0\0WAVEfmt ", 16);
    QTest::newRow("gif") << QStringLiteral("image/gif") << QByteArray("GIF89a\x01\0\x01\0", 10);
    QTest::newRow("svg") << QStringLiteral("image/svg+xml") << QByteArray("<svg/>");
    QTest::newRow("no type") << QString() << png();
    QTest::newRow("octet stream") << QStringLiteral("application/octet-stream") << png();
}

void TstImages::bytesThatAreNotTheDeclaredTypeAreRefused()
{
    QFETCH(QString, declared);
    QFETCH(QByteArray, bytes);
    QCOMPARE(ServiceFixture::codeOf([&] { m_images->add(m_seller, m_auction, declared, bytes); }),
             QStringLiteral("unsupported_media_type"));
    QCOMPARE(m_fx->scalar(QStringLiteral("SELECT count(*) FROM auction_images")), qint64(0));
}

void TstImages::overFiveMebibytesIsPayloadTooLarge()
{
    QByteArray largest = png();
    largest.append(QByteArray(ImageService::kMaxBytes - largest.size(), '\0'));
    QCOMPARE(largest.size(), 5 * 1024 * 1024);
    QCOMPARE(m_images->add(m_seller, m_auction, QStringLiteral("image/png"), largest).index, 0);
    QCOMPARE(m_images->get(m_auction, 0).bytes.size(), 5 * 1024 * 1024);

    const QByteArray tooLarge = largest + QByteArray(1, '\0');
    const auto outcome = ServiceFixture::outcomeOf(
        [&] { m_images->add(m_seller, m_auction, QStringLiteral("image/png"), tooLarge); });
    QCOMPARE(outcome.code, QStringLiteral("payload_too_large"));
    QCOMPARE(nb::httpStatusFor(nb::ErrorCode::PayloadTooLarge), 413);
    QCOMPARE(nb::httpStatusFor(nb::ErrorCode::UnsupportedMediaType), 415);
    QCOMPARE(m_fx->scalar(QStringLiteral("SELECT count(*) FROM auction_images")), qint64(1));
}

void TstImages::ninthImageIsConflict()
{
    for (int i = 0; i < ImageService::kMaxImages; ++i)
        QCOMPARE(m_images->add(m_seller, m_auction, QStringLiteral("image/png"), png()).index, i);
    const auto outcome = ServiceFixture::outcomeOf(
        [&] { m_images->add(m_seller, m_auction, QStringLiteral("image/jpeg"), jpeg()); });
    QCOMPARE(outcome.code, QStringLiteral("conflict"));
    QCOMPARE(outcome.details.value("max_images").toInt(), 8);
    QCOMPARE(m_fx->auctions.detail(m_auction).images.size(), 8);
}

void TstImages::onlyTheSellerUploads()
{
    const qint64 other = m_fx->makeUser(QStringLiteral("other"));
    QCOMPARE(
        ServiceFixture::codeOf([&] { m_images->add(other, m_auction, QStringLiteral("image/png"), png()); }),
        QStringLiteral("forbidden"));
    QCOMPARE(
        ServiceFixture::codeOf([&] { m_images->add(m_seller, 999, QStringLiteral("image/png"), png()); }),
        QStringLiteral("not_found"));
    QVERIFY(m_fx->auctions.detail(m_auction).images.isEmpty());
}

void TstImages::endedOrCancelledAuctionsTakeNoImages()
{
    const qint64 cancelled = m_fx->makeAuction(m_seller);
    m_fx->settlement.cancel(cancelled, m_seller, false);
    QCOMPARE(ServiceFixture::codeOf(
                 [&] { m_images->add(m_seller, cancelled, QStringLiteral("image/png"), png()); }),
             QStringLiteral("conflict"));

    m_fx->makeOverdue(m_auction); // past its end, not yet settled
    QCOMPARE(ServiceFixture::codeOf(
                 [&] { m_images->add(m_seller, m_auction, QStringLiteral("image/png"), png()); }),
             QStringLiteral("conflict"));
    m_fx->settlement.settleDue(10);
    QCOMPARE(ServiceFixture::codeOf(
                 [&] { m_images->add(m_seller, m_auction, QStringLiteral("image/png"), png()); }),
             QStringLiteral("conflict"));
}

void TstImages::concurrentUploadsTakeDistinctIndexes()
{
    const QByteArray bytes = png();
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < ImageService::kMaxImages + 2; ++i) {
        threads.emplace_back([&] {
            try {
                m_images->add(m_seller, m_auction, QStringLiteral("image/png"), bytes);
            } catch (const nb::services::ServiceError& e) {
                if (e.code() == nb::ErrorCode::Conflict)
                    ++failures;
            }
        });
    }
    for (auto& t : threads)
        t.join();
    QCOMPARE(failures.load(), 2);
    QCOMPARE(m_fx->scalar(QStringLiteral("SELECT count(DISTINCT idx) FROM auction_images")), qint64(8));
    QCOMPARE(m_fx->scalar(QStringLiteral("SELECT max(idx) FROM auction_images")), qint64(7));
}

void TstImages::missingImageIsNotFound()
{
    m_images->add(m_seller, m_auction, QStringLiteral("image/png"), png());
    QCOMPARE(ServiceFixture::codeOf([&] { m_images->get(m_auction, 1); }), QStringLiteral("not_found"));
    QCOMPARE(ServiceFixture::codeOf([&] { m_images->get(m_auction, -1); }), QStringLiteral("not_found"));
    QCOMPARE(ServiceFixture::codeOf([&] { m_images->get(m_auction, 99); }), QStringLiteral("not_found"));
    QCOMPARE(ServiceFixture::codeOf([&] { m_images->get(999, 0); }), QStringLiteral("not_found"));
}

void TstImages::detailListsImagesAndSummaryShowsTheFirst()
{
    const qint64 bare = m_fx->makeAuction(m_seller, 7200);
    m_images->add(m_seller, m_auction, QStringLiteral("image/jpeg"), jpeg());
    m_images->add(m_seller, m_auction, QStringLiteral("image/png"), png());

    const nb::AuctionDetail detail = m_fx->auctions.detail(m_auction);
    QCOMPARE(detail.images, (QList<QString>{url(m_auction, 0), url(m_auction, 1)}));
    QCOMPARE(detail.summary.thumbnailUrl, url(m_auction, 0));
    QVERIFY(m_fx->auctions.detail(bare).images.isEmpty());

    nb::services::ListingService listings(m_fx->pool());
    const auto page = listings.search(nb::services::ListingQuery{});
    QCOMPARE(page.items.size(), 2);
    QCOMPARE(page.items[0].id, m_auction);
    QCOMPARE(page.items[0].thumbnailUrl, url(m_auction, 0));
    QCOMPARE(page.items[1].id, bare);
    QVERIFY(page.items[1].thumbnailUrl.isEmpty());
    QCOMPARE(listings.myAuctions(m_seller, 1, 20).items.last().thumbnailUrl, url(m_auction, 0));
    QCOMPARE(m_fx->auctions.listByStatus(std::nullopt).back().thumbnailUrl, url(m_auction, 0));
}

QTEST_GUILESS_MAIN(TstImages)
#include "tst_images.moc"
