#pragma once

#include "client/models/AuctionListModel.h"

#include <QDateTime>

namespace nb::client {

/// One page of the neighbourhood listing (GET /api/v1/auctions with a ListingQuery). When the
/// page comes from the offline cache, isStale() is true and fetchedAt() says when it was fetched:
/// the view shows a "last known, fetched at …" banner. ClientSession::refreshListings fills it.
class ListingModel : public AuctionListModel {
    Q_OBJECT

public:
    explicit ListingModel(QObject* parent = nullptr);

    void setPage(const Page<AuctionSummary>& page, bool stale = false,
                 const QDateTime& fetchedAt = QDateTime::currentDateTimeUtc());
    qint64 total() const { return m_total; }
    int page() const { return m_page; }
    int pageSize() const { return m_pageSize; }
    /// At least 1.
    int pageCount() const;
    bool isStale() const { return m_stale; }
    QDateTime fetchedAt() const { return m_fetchedAt; }

signals:
    /// A new page arrived (fresh or cached): update the pager and the banner.
    void pageChanged();
    void staleChanged(bool stale);

private:
    qint64 m_total = 0;
    int m_page = 1;
    int m_pageSize = 20;
    bool m_stale = false;
    QDateTime m_fetchedAt;
};

} // namespace nb::client
