#pragma once

#include "server/services/ListingChanges.h"
#include "server/storage/ConnectionPool.h"
#include "shared/protocol/Community.h"

#include <QByteArray>
#include <QString>

namespace nb::services {

/// A stored listing image.
struct StoredImage {
    QString contentType;
    QByteArray bytes;
};

/// Listing images: real JPEG, PNG or WebP only (checked by their bytes, not the declared type),
/// at most kMaxBytes each and kMaxImages per auction, uploaded by the seller.
class ImageService {
public:
    static constexpr int kMaxBytes = 5 * 1024 * 1024;
    static constexpr int kMaxImages = 8;

    explicit ImageService(storage::ConnectionPool& pool, ListingChanges listingChanges = {});

    /// Errors: payload_too_large, unsupported_media_type (declared type not allowed, or bytes
    /// not of that type), not_found, forbidden (not the seller), conflict (8 images already,
    /// or the auction has ended).
    ImageRef add(qint64 userId, qint64 auctionId, const QString& declaredType, const QByteArray& bytes);
    /// Errors: not_found.
    StoredImage get(qint64 auctionId, int index);

private:
    storage::ConnectionPool& m_pool;
    ListingChanges m_listingChanges;
};

} // namespace nb::services
