#include "server/services/ImageService.h"

#include "server/services/ImageFormat.h"
#include "server/services/ServiceError.h"
#include "server/services/TransactionScope.h"
#include "server/storage/ImageStore.h"

namespace nb::services {

namespace si = storage::images;

ImageService::ImageService(storage::ConnectionPool& pool, ListingChanges listingChanges)
    : m_pool(pool)
    , m_listingChanges(listingChanges)
{}

ImageRef ImageService::add(qint64 userId, qint64 auctionId, const QString& declaredType,
                           const QByteArray& bytes)
{
    // The payload is judged before anything is read: its size, then whether it is the image it
    // claims to be (a file renamed to .png is refused, and so is a PNG sent as image/jpeg).
    if (bytes.size() > kMaxBytes)
        fail(ErrorCode::PayloadTooLarge, QStringLiteral("An image may be at most 5 MiB."),
             QJsonObject{{"max_bytes", kMaxBytes}});
    const auto declared = acceptedImageType(declaredType);
    if (!declared)
        fail(ErrorCode::UnsupportedMediaType, QStringLiteral("Upload a JPEG, PNG or WebP image."),
             QJsonObject{{"content_type", declaredType}});
    if (imageTypeOf(bytes) != declared)
        fail(ErrorCode::UnsupportedMediaType,
             QStringLiteral("The upload is not a real %1 image.").arg(declared->mid(6).toUpper()),
             QJsonObject{{"content_type", *declared}});

    const int index = transact(m_pool, "add image", [&](pqxx::work& tx) {
        const auto target = si::lockForUpload(tx, auctionId);
        if (!target)
            fail(ErrorCode::NotFound, QStringLiteral("There is no such auction."));
        if (target->sellerId != userId)
            fail(ErrorCode::Forbidden, QStringLiteral("Only the seller can add images."));
        if (target->status == AuctionStatus::Ended || target->status == AuctionStatus::Cancelled ||
            target->pastEnd)
            fail(ErrorCode::Conflict, QStringLiteral("Images cannot be added once the auction has ended."));
        if (target->nextIndex >= kMaxImages)
            fail(ErrorCode::Conflict, QStringLiteral("An auction has at most %1 images.").arg(kMaxImages),
                 QJsonObject{{"max_images", kMaxImages}});
        si::insert(tx, auctionId, target->nextIndex, *declared, bytes);
        return target->nextIndex;
    });
    m_listingChanges.summariesChanged(); // the thumbnail
    return ImageRef{index, si::url(auctionId, index)};
}

StoredImage ImageService::get(qint64 auctionId, int index)
{
    if (index < 0 || index >= kMaxImages)
        fail(ErrorCode::NotFound, QStringLiteral("There is no such image."));
    const auto image =
        transact(m_pool, "read image", [&](pqxx::work& tx) { return si::get(tx, auctionId, index); });
    if (!image)
        fail(ErrorCode::NotFound, QStringLiteral("There is no such image."));
    return StoredImage{image->contentType, image->bytes};
}

} // namespace nb::services
