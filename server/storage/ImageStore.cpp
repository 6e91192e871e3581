#include "server/storage/ImageStore.h"

#include "server/storage/RowReading.h"
#include "shared/protocol/WireEnums.h"

namespace nb::storage::images {

QString url(qint64 auctionId, int index)
{
    return QStringLiteral("/api/v1/auctions/%1/images/%2").arg(auctionId).arg(index);
}

std::optional<UploadTarget> lockForUpload(pqxx::work& tx, qint64 auctionId)
{
    const auto result = tx.exec_prepared("image_upload_target", auctionId);
    if (result.empty())
        return std::nullopt;
    const auto r = result[0];
    UploadTarget target;
    target.sellerId = r["seller_id"].as<qint64>();
    target.status = auctionStatusFromWire(fields::text(r["status"])).value_or(AuctionStatus::Cancelled);
    target.pastEnd = r["past_end"].as<bool>();
    target.nextIndex = tx.exec_prepared1("image_count", auctionId)[0].as<int>();
    return target;
}

void insert(pqxx::work& tx, qint64 auctionId, int index, const QString& contentType, const QByteArray& bytes)
{
    const pqxx::binarystring data(bytes.constData(), static_cast<size_t>(bytes.size()));
    tx.exec_prepared0("image_insert", auctionId, index, contentType.toStdString(), data);
}

std::optional<ImageBytes> get(pqxx::work& tx, qint64 auctionId, int index)
{
    const auto result = tx.exec_prepared("image_get", auctionId, index);
    if (result.empty())
        return std::nullopt;
    const pqxx::binarystring data(result[0][1]);
    return ImageBytes{fields::text(result[0][0]),
                      QByteArray(data.get(), static_cast<qsizetype>(data.size()))};
}

} // namespace nb::storage::images
