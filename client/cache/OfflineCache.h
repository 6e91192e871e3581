#pragma once

#include "shared/protocol/Objects.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QString>

#include <optional>

namespace nb::client {

/// Auctions as they were when last fetched: shown while offline, marked stale with their time.
struct CachedAuctions {
    Page<AuctionSummary> page;
    QDateTime fetchedAt;
    /// Always true for what comes out of the cache: it is the last known state, not a live one.
    bool stale = true;
};

/// The client's memory of what it last saw (Qt Sql, SQLite), so that the neighbourhood list, the
/// national table and the region and category lists can be shown while the server cannot be
/// reached. Listings are kept per query (ListingQuery::cacheKey), the most recent
/// kMaxListingPages of them. The file lives in QStandardPaths::CacheLocation unless a directory
/// is given (tests).
///
/// ClientSession writes to it after each successful fetch and reads from it when a fetch fails
/// as unavailable; the UI sees the result through ListingModel::isStale()/fetchedAt().
class OfflineCache : public QObject {
    Q_OBJECT

public:
    static constexpr int kMaxListingPages = 100;

    explicit OfflineCache(const QString& directory = QString(), QObject* parent = nullptr);
    ~OfflineCache() override;

    bool isOpen() const { return m_open; }
    /// Which server the entries belong to ("127.0.0.1:8080"): each server has its own.
    void setScope(const QString& scope) { m_scope = scope; }
    QString scope() const { return m_scope; }
    QString filePath() const { return m_filePath; }

    void storeListing(const QString& queryKey, const Page<AuctionSummary>& page,
                      const QDateTime& fetchedAt = QDateTime::currentDateTimeUtc());
    std::optional<CachedAuctions> listing(const QString& queryKey) const;

    void storeNational(const QList<AuctionSummary>& auctions,
                       const QDateTime& fetchedAt = QDateTime::currentDateTimeUtc());
    std::optional<CachedAuctions> national() const;

    void storeRegions(const QList<Region>& regions);
    std::optional<QList<Region>> regions() const;
    void storeCategories(const QList<Category>& categories);
    std::optional<QList<Category>> categories() const;

    /// Forgets everything (sign-out on a shared machine, tests).
    void clear();

private:
    struct Entry {
        QJsonObject body;
        QDateTime fetchedAt;
    };

    bool openDatabase(const QString& directory);
    void store(const QString& kind, const QString& key, const QJsonObject& body, const QDateTime& fetchedAt);
    std::optional<Entry> load(const QString& kind, const QString& key) const;
    void pruneListings();

    QString m_connectionName;
    QString m_filePath;
    QString m_scope;
    bool m_open = false;
};

} // namespace nb::client
