#include "tests/bench/seed/SeedFiles.h"

#include <QSaveFile>

#include <stdexcept>

namespace nb::bench {

namespace {

void save(const QString& path, const QByteArray& bytes)
{
    // A reader never sees half a file, even if the seeder dies while writing.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        throw std::runtime_error(
            QStringLiteral("%1: cannot write: %2").arg(path, file.errorString()).toStdString());
}

} // namespace

void writeCredentials(const QString& path, const QList<Credential>& credentials)
{
    QByteArray bytes;
    for (const Credential& c : credentials)
        bytes += QByteArray::number(c.userId) + '\t' + c.token.toUtf8() + '\n';
    save(path, bytes);
}

void writeAuctions(const QString& path, const QList<BidAuction>& auctions)
{
    QByteArray bytes;
    for (const BidAuction& a : auctions) {
        bytes += QByteArray::number(a.id) + '\t' + QByteArray::number(a.startPrice) + '\t' +
                 QByteArray::number(a.increment) + '\n';
    }
    save(path, bytes);
}

} // namespace nb::bench
