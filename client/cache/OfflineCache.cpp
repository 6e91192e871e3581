#include "client/cache/OfflineCache.h"

#include "shared/protocol/Json.h"

#include <QDir>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>

namespace nb::client {

namespace {

Q_LOGGING_CATEGORY(lcCache, "nb.client.cache")

const QString kListing = QStringLiteral("listing");
const QString kNational = QStringLiteral("national");
const QString kReference = QStringLiteral("reference");

template <typename T>
std::optional<QList<T>> itemsFrom(const QJsonObject& body)
{
    Decoded<QList<T>> items = listFromJson<T>(body.value(QStringLiteral("items")).toArray());
    if (!items)
        return std::nullopt;
    return std::move(items).value();
}

} // namespace

OfflineCache::OfflineCache(const QString& directory, QObject* parent)
    : QObject(parent)
    , m_connectionName(QStringLiteral("nb-offline-cache-") +
                       QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    m_open = openDatabase(
        directory.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::CacheLocation) : directory);
}

OfflineCache::~OfflineCache()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool OfflineCache::openDatabase(const QString& directory)
{
    if (!QDir().mkpath(directory)) {
        qCWarning(lcCache).noquote() << "cannot create the cache folder" << directory;
        return false;
    }
    m_filePath = QDir(directory).filePath(QStringLiteral("offline-cache.sqlite"));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(m_filePath);
    if (!db.open()) {
        qCWarning(lcCache).noquote() << "cannot open the offline cache" << m_filePath << ":"
                                     << db.lastError().text();
        return false;
    }
    QSqlQuery query(db);
    const bool created =
        query.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS cached ("
                                  " kind TEXT NOT NULL, key TEXT NOT NULL, body TEXT NOT NULL,"
                                  " fetched_at INTEGER NOT NULL, PRIMARY KEY (kind, key))"));
    if (!created)
        qCWarning(lcCache).noquote() << "cannot create the cache table:" << query.lastError().text();
    return created;
}

void OfflineCache::store(const QString& kind, const QString& key, const QJsonObject& body,
                         const QDateTime& fetchedAt)
{
    if (!m_open)
        return;
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(
        QStringLiteral("INSERT OR REPLACE INTO cached (kind, key, body, fetched_at) VALUES (?, ?, ?, ?)"));
    query.addBindValue(kind);
    query.addBindValue(m_scope + QLatin1Char('|') + key);
    query.addBindValue(QString::fromUtf8(QJsonDocument(body).toJson(QJsonDocument::Compact)));
    query.addBindValue(fetchedAt.toMSecsSinceEpoch());
    if (!query.exec())
        qCWarning(lcCache).noquote() << "cannot store" << kind << key << ":" << query.lastError().text();
}

std::optional<OfflineCache::Entry> OfflineCache::load(const QString& kind, const QString& key) const
{
    if (!m_open)
        return std::nullopt;
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(QStringLiteral("SELECT body, fetched_at FROM cached WHERE kind = ? AND key = ?"));
    query.addBindValue(kind);
    query.addBindValue(m_scope + QLatin1Char('|') + key);
    if (!query.exec() || !query.next())
        return std::nullopt;
    const QJsonDocument document = QJsonDocument::fromJson(query.value(0).toString().toUtf8());
    if (!document.isObject())
        return std::nullopt;
    return Entry{document.object(), QDateTime::fromMSecsSinceEpoch(query.value(1).toLongLong(), Qt::UTC)};
}

void OfflineCache::pruneListings()
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    query.prepare(QStringLiteral("DELETE FROM cached WHERE kind = ? AND key NOT IN ("
                                 " SELECT key FROM cached WHERE kind = ? ORDER BY fetched_at DESC LIMIT ?)"));
    query.addBindValue(kListing);
    query.addBindValue(kListing);
    query.addBindValue(kMaxListingPages);
    if (!query.exec())
        qCWarning(lcCache).noquote() << "cannot prune the cached listings:" << query.lastError().text();
}

void OfflineCache::storeListing(const QString& queryKey, const Page<AuctionSummary>& page,
                                const QDateTime& fetchedAt)
{
    store(kListing, queryKey, toJson(page), fetchedAt);
    pruneListings();
}

std::optional<CachedAuctions> OfflineCache::listing(const QString& queryKey) const
{
    const std::optional<Entry> entry = load(kListing, queryKey);
    if (!entry)
        return std::nullopt;
    Decoded<Page<AuctionSummary>> page = pageFromJson<AuctionSummary>(entry->body);
    if (!page)
        return std::nullopt;
    return CachedAuctions{std::move(page).value(), entry->fetchedAt, true};
}

void OfflineCache::storeNational(const QList<AuctionSummary>& auctions, const QDateTime& fetchedAt)
{
    store(kNational, kNational, QJsonObject{{"items", toJsonArray(auctions)}}, fetchedAt);
}

std::optional<CachedAuctions> OfflineCache::national() const
{
    const std::optional<Entry> entry = load(kNational, kNational);
    if (!entry)
        return std::nullopt;
    std::optional<QList<AuctionSummary>> items = itemsFrom<AuctionSummary>(entry->body);
    if (!items)
        return std::nullopt;
    CachedAuctions cached;
    cached.page.items = std::move(*items);
    cached.page.total = cached.page.items.size();
    cached.page.pageSize = static_cast<int>(cached.page.items.size());
    cached.fetchedAt = entry->fetchedAt;
    return cached;
}

void OfflineCache::storeRegions(const QList<Region>& regions)
{
    store(kReference, QStringLiteral("regions"), QJsonObject{{"items", toJsonArray(regions)}},
          QDateTime::currentDateTimeUtc());
}

std::optional<QList<Region>> OfflineCache::regions() const
{
    const std::optional<Entry> entry = load(kReference, QStringLiteral("regions"));
    return entry ? itemsFrom<Region>(entry->body) : std::nullopt;
}

void OfflineCache::storeCategories(const QList<Category>& categories)
{
    store(kReference, QStringLiteral("categories"), QJsonObject{{"items", toJsonArray(categories)}},
          QDateTime::currentDateTimeUtc());
}

std::optional<QList<Category>> OfflineCache::categories() const
{
    const std::optional<Entry> entry = load(kReference, QStringLiteral("categories"));
    return entry ? itemsFrom<Category>(entry->body) : std::nullopt;
}

void OfflineCache::clear()
{
    if (!m_open)
        return;
    QSqlQuery query(QSqlDatabase::database(m_connectionName));
    if (!query.exec(QStringLiteral("DELETE FROM cached")))
        qCWarning(lcCache).noquote() << "cannot clear the cache:" << query.lastError().text();
}

} // namespace nb::client
