#pragma once

#include "shared/ApiError.h"

#include <QList>
#include <QObject>

namespace nb::client {

class ApiClient;
class LedgerModel;
class MyAuctionsModel;
class NotificationModel;
class WatchlistModel;

/// The signed-in user's own lists: my auctions, the watchlist, the ledger and the notification
/// inbox, each refreshed into its model on request. Answers that arrive after a sign-out are
/// dropped, so one user's lists never show up for the next. Part of ClientSession.
class PersonalLists : public QObject {
    Q_OBJECT

public:
    PersonalLists(ApiClient& api, MyAuctionsModel& myAuctions, WatchlistModel& watchlist, LedgerModel& ledger,
                  NotificationModel& notifications, QObject* parent = nullptr);

    void refreshMyAuctions();
    void refreshWatchlist();
    void refreshLedger(int page);
    void refreshNotifications();
    /// Marks read here at once and on the server; an empty list marks all.
    void markNotificationsRead(const QList<qint64>& ids);
    /// Signed out: empties every list and ignores answers still on their way.
    void clear();

signals:
    void failed(const nb::ApiError& error);

private:
    /// Whether an answer asked for in generation still belongs to the current user.
    bool current(quint64 generation) const { return generation == m_generation; }

    ApiClient& m_api;
    MyAuctionsModel& m_myAuctions;
    WatchlistModel& m_watchlist;
    LedgerModel& m_ledger;
    NotificationModel& m_notifications;
    quint64 m_generation = 0;
};

} // namespace nb::client
