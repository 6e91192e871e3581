#include "tests/bench/common/BenchFiles.h"

#include <QByteArray>
#include <QFile>

#include <functional>
#include <stdexcept>
#include <string>

namespace nb::bench {

namespace {

[[noreturn]] void failAt(const QString& path, int lineNumber, const QString& why)
{
    throw std::runtime_error(QStringLiteral("%1:%2: %3").arg(path).arg(lineNumber).arg(why).toStdString());
}

// Calls onLine(fields, lineNumber) for every non-empty line split on tabs.
void forEachLine(const QString& path, const std::function<void(const QList<QByteArray>&, int)>& onLine)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw std::runtime_error(
            QStringLiteral("%1: cannot open: %2").arg(path, file.errorString()).toStdString());
    int lineNumber = 0;
    while (!file.atEnd()) {
        ++lineNumber;
        const QByteArray line = file.readLine().trimmed();
        if (line.isEmpty())
            continue;
        onLine(line.split('\t'), lineNumber);
    }
}

qint64 number(const QByteArray& field, const QString& path, int lineNumber, const char* what, qint64 minimum)
{
    bool ok = false;
    const qint64 value = field.trimmed().toLongLong(&ok);
    if (!ok || value < minimum)
        failAt(path, lineNumber,
               QStringLiteral("%1 is not an integer of at least %2: '%3'")
                   .arg(QLatin1String(what))
                   .arg(minimum)
                   .arg(QString::fromUtf8(field)));
    return value;
}

} // namespace

QList<Credential> readCredentials(const QString& path)
{
    QList<Credential> result;
    forEachLine(path, [&](const QList<QByteArray>& fields, int lineNumber) {
        if (fields.size() != 2)
            failAt(path, lineNumber, QStringLiteral("expected user_id<TAB>token"));
        Credential credential;
        credential.userId = number(fields[0], path, lineNumber, "user_id", 1);
        credential.token = QString::fromUtf8(fields[1].trimmed());
        if (credential.token.isEmpty())
            failAt(path, lineNumber, QStringLiteral("empty token"));
        result.append(credential);
    });
    return result;
}

QList<BidAuction> readAuctions(const QString& path)
{
    QList<BidAuction> result;
    forEachLine(path, [&](const QList<QByteArray>& fields, int lineNumber) {
        if (fields.size() != 3)
            failAt(path, lineNumber, QStringLiteral("expected auction_id<TAB>start_price<TAB>bid_increment"));
        BidAuction auction;
        auction.id = number(fields[0], path, lineNumber, "auction_id", 1);
        auction.startPrice = number(fields[1], path, lineNumber, "start_price", 1);
        auction.increment = number(fields[2], path, lineNumber, "bid_increment", 0);
        result.append(auction);
    });
    return result;
}

} // namespace nb::bench
