#pragma once

#include "shared/protocol/Objects.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <pqxx/pqxx>

namespace nb::storage::images {

/// Where an auction's image is served: "/api/v1/auctions/{id}/images/{n}".
QString url(qint64 auctionId, int index);

/// What decides whether the seller may add an image, read under the auction's row lock (so that
/// concurrent uploads take consecutive indexes and none lands after the auction ends).
struct UploadTarget {
    qint64 sellerId = 0;
    AuctionStatus status = AuctionStatus::Scheduled;
    bool pastEnd = false; // ends_at has passed (the scheduler may not have settled it yet)
    int nextIndex = 0;    // images already stored: the new one's index
};
std::optional<UploadTarget> lockForUpload(pqxx::work& tx, qint64 auctionId);

void insert(pqxx::work& tx, qint64 auctionId, int index, const QString& contentType, const QByteArray& bytes);

struct ImageBytes {
    QString contentType;
    QByteArray bytes;
};
std::optional<ImageBytes> get(pqxx::work& tx, qint64 auctionId, int index);

} // namespace nb::storage::images
