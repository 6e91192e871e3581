#pragma once

#include "shared/protocol/Events.h"
#include "shared/protocol/Objects.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QTimer>

#include <optional>
#include <variant>
#include <vector>

namespace nb::client {

/// Every active national auction, one row each, kept live from the auction.* events.
///
/// The national view shows it through a QSortFilterProxyModel (sort by SortRole, filter on the
/// Title column) and paints a brief highlight where RecentlyChangedRole is true. Events are not
/// applied one by one: they are queued and applied together at most every batchInterval (50 ms),
/// with one dataChanged per changed row, so a burst of hundreds of events a second costs a few
/// repaints. A 1 s tick refreshes the time-left column; ended auctions leave the table after a
/// short linger showing "Ended". ClientSession fills it (HTTP list + snapshots + events).
class NationalAuctionModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        TitleColumn,
        CurrentPriceColumn,
        BidsColumn,
        HighBidderColumn,
        TimeLeftColumn,
        WatchersColumn,
        ColumnCount
    };
    enum Role {
        AuctionIdRole = Qt::UserRole + 1,
        SortRole,            // the raw value of the cell (Won, count, msecs left, lowercase text)
        ChangedAtRole,       // msecs since epoch of the row's last live change (0: none)
        RecentlyChangedRole, // true for highlightDuration after a change
        EndedRole,           // the auction ended and is about to leave the table
    };

    explicit NationalAuctionModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Replaces every row (first load, or from the offline cache).
    void setAuctions(const QList<AuctionSummary>& auctions);
    /// A periodic refresh: adds auctions that appeared, drops those gone, keeps the live state of
    /// the others (their events may be newer than the list).
    void mergeAuctions(const QList<AuctionSummary>& auctions);
    /// The live state at seq (subscription or resynchronisation); applied at once.
    void applySnapshot(const AuctionDetail& auction);
    // Queued; applied with the next batch.
    void applyBid(const AuctionBidEvent& event);
    void applyExtended(const AuctionExtendedEvent& event);
    void applyEnded(const AuctionEndedEvent& event);
    void applyStarted(const AuctionStartedEvent& event);

    /// Applies whatever is queued now (tests; before a sort).
    void flushPendingEvents();
    int pendingEventCount() const { return static_cast<int>(m_pending.size()); }

    /// The signed-in user, shown as "You" in the high bidder column.
    void setCurrentUserId(std::optional<qint64> userId);
    /// Rows from the offline cache: shown, but not live.
    void setStale(bool stale, const QDateTime& fetchedAt = QDateTime());
    bool isStale() const { return m_stale; }
    QDateTime fetchedAt() const { return m_fetchedAt; }

    int rowOf(qint64 auctionId) const { return m_rowOf.value(auctionId, -1); }
    qint64 auctionIdAt(int row) const;
    std::optional<AuctionSummary> auction(qint64 auctionId) const;
    QList<qint64> auctionIds() const;

    void setBatchInterval(int milliseconds) { m_batchTimer.setInterval(milliseconds); }
    void setHighlightDuration(int milliseconds) { m_highlightMs = milliseconds; }
    void setEndedLinger(int milliseconds) { m_endedLingerMs = milliseconds; }
    /// Batches applied so far (diagnostics, tests).
    int batchesApplied() const { return m_batches; }

signals:
    void staleChanged(bool stale);
    /// The number of rows changed (added or removed).
    void countChanged(int count);

private:
    struct Row {
        AuctionSummary auction;
        QString highBidderName;
        qint64 seq = 0; // the last seq applied; 0 before any live state
        qint64 changedAtMs = 0;
        bool ended = false;
        qint64 endedAtMs = 0;
    };
    using Event = std::variant<AuctionBidEvent, AuctionExtendedEvent, AuctionEndedEvent, AuctionStartedEvent>;

    void enqueue(Event event);
    /// Applies one event to its row; true when the row changed.
    bool apply(const Event& event, qint64 nowMs);
    void tick();
    void removeLingeringEnded(qint64 nowMs);
    void removeRow(int row);
    void reindex();
    void emitRowChanged(int row);
    QVariant displayData(const Row& row, int column, qint64 nowMs) const;
    QVariant sortData(const Row& row, int column, qint64 nowMs) const;
    QString highBidderText(const Row& row) const;

    std::vector<Row> m_rows;
    QHash<qint64, int> m_rowOf;
    std::vector<Event> m_pending;
    QSet<qint64> m_highlighted;
    QTimer m_batchTimer;
    QTimer m_tickTimer;
    std::optional<qint64> m_userId;
    bool m_stale = false;
    QDateTime m_fetchedAt;
    int m_highlightMs = 1500;
    int m_endedLingerMs = 3000;
    int m_batches = 0;
};

} // namespace nb::client
