#include "client/models/NationalAuctionModel.h"

#include "client/models/MoneyFormat.h"
#include "client/models/TimeLeft.h"

#include <algorithm>

namespace nb::client {

namespace {

constexpr int kDefaultBatchMs = 50;
constexpr int kTickMs = 1000;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

NationalAuctionModel::NationalAuctionModel(QObject* parent)
    : QAbstractTableModel(parent)
{
    m_batchTimer.setSingleShot(true);
    m_batchTimer.setInterval(kDefaultBatchMs);
    connect(&m_batchTimer, &QTimer::timeout, this, &NationalAuctionModel::flushPendingEvents);
    m_tickTimer.setInterval(kTickMs);
    connect(&m_tickTimer, &QTimer::timeout, this, &NationalAuctionModel::tick);
    m_tickTimer.start();
}

int NationalAuctionModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int NationalAuctionModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant NationalAuctionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TitleColumn:
        return tr("Title");
    case CurrentPriceColumn:
        return tr("Current price");
    case BidsColumn:
        return tr("Bids");
    case HighBidderColumn:
        return tr("High bidder");
    case TimeLeftColumn:
        return tr("Time left");
    case WatchersColumn:
        return tr("Watchers");
    default:
        return {};
    }
}

QHash<int, QByteArray> NationalAuctionModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(AuctionIdRole, "auctionId");
    names.insert(SortRole, "sortValue");
    names.insert(ChangedAtRole, "changedAt");
    names.insert(RecentlyChangedRole, "recentlyChanged");
    names.insert(EndedRole, "ended");
    return names;
}

QString NationalAuctionModel::highBidderText(const Row& row) const
{
    const std::optional<qint64> bidder = row.auction.highBidderId;
    if (!bidder)
        return tr("No bids");
    if (m_userId && *m_userId == *bidder)
        return tr("You");
    if (!row.highBidderName.isEmpty())
        return row.highBidderName;
    return tr("Bidder #%1").arg(*bidder);
}

QVariant NationalAuctionModel::displayData(const Row& row, int column, qint64 now) const
{
    const AuctionSummary& a = row.auction;
    switch (column) {
    case TitleColumn:
        return a.title;
    case CurrentPriceColumn:
        return formatWon(a.currentPrice);
    case BidsColumn:
        return a.bidCount;
    case HighBidderColumn:
        return highBidderText(row);
    case TimeLeftColumn:
        if (row.ended)
            return tr("Ended");
        return TimeLeft::format(a.endsAt, QDateTime::fromMSecsSinceEpoch(now, Qt::UTC));
    case WatchersColumn:
        return a.watchers;
    default:
        return {};
    }
}

QVariant NationalAuctionModel::sortData(const Row& row, int column, qint64 now) const
{
    const AuctionSummary& a = row.auction;
    switch (column) {
    case TitleColumn:
        return a.title.toLower();
    case CurrentPriceColumn:
        return a.currentPrice;
    case BidsColumn:
        return a.bidCount;
    case HighBidderColumn:
        return highBidderText(row).toLower();
    case TimeLeftColumn:
        return row.ended ? qint64(0) : std::max<qint64>(0, a.endsAt.toMSecsSinceEpoch() - now);
    case WatchersColumn:
        return a.watchers;
    default:
        return {};
    }
}

QVariant NationalAuctionModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() < 0 || index.row() >= rowCount())
        return {};
    const Row& row = m_rows[static_cast<size_t>(index.row())];
    const qint64 now = nowMs();
    switch (role) {
    case Qt::DisplayRole:
        return displayData(row, index.column(), now);
    case Qt::ToolTipRole:
        return index.column() == TitleColumn ? QVariant(row.auction.title) : QVariant();
    case Qt::TextAlignmentRole:
        if (index.column() == TitleColumn || index.column() == HighBidderColumn)
            return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case AuctionIdRole:
        return row.auction.id;
    case SortRole:
        return sortData(row, index.column(), now);
    case ChangedAtRole:
        return row.changedAtMs;
    case RecentlyChangedRole:
        return row.changedAtMs > 0 && now - row.changedAtMs < m_highlightMs;
    case EndedRole:
        return row.ended;
    default:
        return {};
    }
}

void NationalAuctionModel::setAuctions(const QList<AuctionSummary>& auctions)
{
    beginResetModel();
    m_rows.clear();
    m_pending.clear();
    m_highlighted.clear();
    for (const AuctionSummary& a : auctions) {
        if (a.status == AuctionStatus::Active || a.status == AuctionStatus::Scheduled)
            m_rows.push_back(Row{a, {}, 0, 0, false, 0});
    }
    reindex();
    endResetModel();
    emit countChanged(rowCount());
}

void NationalAuctionModel::mergeAuctions(const QList<AuctionSummary>& auctions)
{
    QSet<qint64> listed;
    for (const AuctionSummary& a : auctions) {
        listed.insert(a.id);
        const int row = rowOf(a.id);
        if (row >= 0) {
            Row& existing = m_rows[static_cast<size_t>(row)];
            // Fields no event carries; the live ones stay unless nothing live arrived yet.
            existing.auction.title = a.title;
            existing.auction.watchers = a.watchers;
            existing.auction.thumbnailUrl = a.thumbnailUrl;
            if (existing.seq == 0 && !existing.ended)
                existing.auction = a;
            emitRowChanged(row);
        } else if (a.status == AuctionStatus::Active || a.status == AuctionStatus::Scheduled) {
            const int at = rowCount();
            beginInsertRows(QModelIndex(), at, at);
            m_rows.push_back(Row{a, {}, 0, 0, false, 0});
            m_rowOf.insert(a.id, at);
            endInsertRows();
        }
    }
    for (int row = rowCount() - 1; row >= 0; --row) {
        if (!listed.contains(m_rows[static_cast<size_t>(row)].auction.id))
            removeRow(row);
    }
    emit countChanged(rowCount());
}

void NationalAuctionModel::applySnapshot(const AuctionDetail& detail)
{
    const int row = rowOf(detail.summary.id);
    if (row < 0)
        return;
    Row& r = m_rows[static_cast<size_t>(row)];
    if (r.seq > detail.seq)
        return; // older than what the events already told us
    r.auction = detail.summary;
    r.seq = detail.seq;
    if (detail.summary.status == AuctionStatus::Ended || detail.summary.status == AuctionStatus::Cancelled) {
        r.ended = true;
        r.endedAtMs = nowMs();
    }
    emitRowChanged(row);
}

void NationalAuctionModel::applyBid(const AuctionBidEvent& event)
{
    enqueue(event);
}

void NationalAuctionModel::applyExtended(const AuctionExtendedEvent& event)
{
    enqueue(event);
}

void NationalAuctionModel::applyEnded(const AuctionEndedEvent& event)
{
    enqueue(event);
}

void NationalAuctionModel::applyStarted(const AuctionStartedEvent& event)
{
    enqueue(event);
}

void NationalAuctionModel::enqueue(Event event)
{
    m_pending.push_back(std::move(event));
    if (!m_batchTimer.isActive())
        m_batchTimer.start();
}

bool NationalAuctionModel::apply(const Event& event, qint64 now)
{
    const qint64 auctionId = std::visit([](const auto& e) { return e.auctionId; }, event);
    const qint64 seq = std::visit([](const auto& e) { return e.seq; }, event);
    const int row = rowOf(auctionId);
    if (row < 0)
        return false;
    Row& r = m_rows[static_cast<size_t>(row)];
    if (r.seq > 0 && seq <= r.seq)
        return false; // a duplicate, or older than a snapshot
    r.seq = seq;
    if (const auto* bid = std::get_if<AuctionBidEvent>(&event)) {
        r.auction.currentPrice = bid->currentPrice;
        r.auction.bidCount = bid->bidCount;
        r.auction.highBidderId = bid->highBidder.id;
        r.highBidderName = bid->highBidder.displayName;
        if (bid->endsAt.isValid())
            r.auction.endsAt = bid->endsAt;
    } else if (const auto* extended = std::get_if<AuctionExtendedEvent>(&event)) {
        r.auction.endsAt = extended->endsAt;
    } else if (const auto* ended = std::get_if<AuctionEndedEvent>(&event)) {
        r.ended = true;
        r.endedAtMs = now;
        r.auction.status =
            ended->reason == EndReason::Cancelled ? AuctionStatus::Cancelled : AuctionStatus::Ended;
        if (ended->finalPrice)
            r.auction.currentPrice = *ended->finalPrice;
    } else {
        r.auction.status = AuctionStatus::Active;
    }
    r.changedAtMs = now;
    m_highlighted.insert(auctionId);
    return true;
}

void NationalAuctionModel::flushPendingEvents()
{
    m_batchTimer.stop();
    if (m_pending.empty())
        return;
    const std::vector<Event> events = std::exchange(m_pending, {});
    const qint64 now = nowMs();
    QSet<qint64> changed;
    for (const Event& event : events) {
        if (apply(event, now))
            changed.insert(std::visit([](const auto& e) { return e.auctionId; }, event));
    }
    ++m_batches;
    // One dataChanged per changed row, in row order.
    std::vector<int> rows;
    rows.reserve(static_cast<size_t>(changed.size()));
    for (const qint64 id : changed)
        rows.push_back(rowOf(id));
    std::sort(rows.begin(), rows.end());
    for (const int row : rows)
        emitRowChanged(row);
    removeLingeringEnded(now);
}

void NationalAuctionModel::tick()
{
    if (m_rows.empty())
        return;
    const qint64 now = nowMs();
    emit dataChanged(index(0, TimeLeftColumn), index(rowCount() - 1, TimeLeftColumn),
                     {Qt::DisplayRole, SortRole});
    // Highlights that just faded need one more paint.
    for (auto it = m_highlighted.begin(); it != m_highlighted.end();) {
        const int row = rowOf(*it);
        if (row < 0) {
            it = m_highlighted.erase(it);
        } else if (now - m_rows[static_cast<size_t>(row)].changedAtMs >= m_highlightMs) {
            emitRowChanged(row);
            it = m_highlighted.erase(it);
        } else {
            ++it;
        }
    }
    removeLingeringEnded(now);
}

void NationalAuctionModel::removeLingeringEnded(qint64 now)
{
    bool removed = false;
    for (int row = rowCount() - 1; row >= 0; --row) {
        const Row& r = m_rows[static_cast<size_t>(row)];
        if (r.ended && now - r.endedAtMs >= m_endedLingerMs) {
            removeRow(row);
            removed = true;
        }
    }
    if (removed)
        emit countChanged(rowCount());
}

void NationalAuctionModel::removeRow(int row)
{
    beginRemoveRows(QModelIndex(), row, row);
    m_highlighted.remove(m_rows[static_cast<size_t>(row)].auction.id);
    m_rows.erase(m_rows.begin() + row);
    reindex();
    endRemoveRows();
}

void NationalAuctionModel::reindex()
{
    m_rowOf.clear();
    m_rowOf.reserve(static_cast<qsizetype>(m_rows.size()));
    for (size_t i = 0; i < m_rows.size(); ++i)
        m_rowOf.insert(m_rows[i].auction.id, static_cast<int>(i));
}

void NationalAuctionModel::emitRowChanged(int row)
{
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void NationalAuctionModel::setCurrentUserId(std::optional<qint64> userId)
{
    if (userId == m_userId)
        return;
    m_userId = userId;
    if (!m_rows.empty())
        emit dataChanged(index(0, HighBidderColumn), index(rowCount() - 1, HighBidderColumn));
}

void NationalAuctionModel::setStale(bool stale, const QDateTime& fetchedAt)
{
    m_fetchedAt = fetchedAt;
    if (stale == m_stale)
        return;
    m_stale = stale;
    emit staleChanged(stale);
}

qint64 NationalAuctionModel::auctionIdAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return 0;
    return m_rows[static_cast<size_t>(row)].auction.id;
}

std::optional<AuctionSummary> NationalAuctionModel::auction(qint64 auctionId) const
{
    const int row = rowOf(auctionId);
    if (row < 0)
        return std::nullopt;
    return m_rows[static_cast<size_t>(row)].auction;
}

QList<qint64> NationalAuctionModel::auctionIds() const
{
    QList<qint64> ids;
    ids.reserve(static_cast<qsizetype>(m_rows.size()));
    for (const Row& r : m_rows)
        ids.append(r.auction.id);
    return ids;
}

} // namespace nb::client
