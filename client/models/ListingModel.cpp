#include "client/models/ListingModel.h"

#include <algorithm>

namespace nb::client {

ListingModel::ListingModel(QObject* parent)
    : AuctionListModel(
          {Column::Title, Column::Price, Column::Bids, Column::TimeLeft, Column::Region, Column::Seller},
          parent)
{}

void ListingModel::setPage(const Page<AuctionSummary>& page, bool stale, const QDateTime& fetchedAt)
{
    m_total = page.total;
    m_page = page.page;
    m_pageSize = std::max(1, page.pageSize);
    m_fetchedAt = fetchedAt;
    setAuctions(page.items);
    const bool staleChangedNow = stale != m_stale;
    m_stale = stale;
    if (staleChangedNow)
        emit staleChanged(stale);
    emit pageChanged();
}

int ListingModel::pageCount() const
{
    return std::max<int>(1, static_cast<int>((m_total + m_pageSize - 1) / m_pageSize));
}

} // namespace nb::client
