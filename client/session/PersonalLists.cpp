#include "client/session/PersonalLists.h"

#include "client/models/LedgerModel.h"
#include "client/models/MyAuctionsModel.h"
#include "client/models/NotificationModel.h"
#include "client/models/WatchlistModel.h"
#include "client/net/ApiClient.h"

namespace nb::client {

PersonalLists::PersonalLists(ApiClient& api, MyAuctionsModel& myAuctions, WatchlistModel& watchlist,
                             LedgerModel& ledger, NotificationModel& notifications, QObject* parent)
    : QObject(parent)
    , m_api(api)
    , m_myAuctions(myAuctions)
    , m_watchlist(watchlist)
    , m_ledger(ledger)
    , m_notifications(notifications)
{}

void PersonalLists::refreshMyAuctions()
{
    const quint64 generation = m_generation;
    m_api.myAuctions()
        ->onSuccess(this,
                    [this, generation](const Page<AuctionSummary>& page) {
                        if (current(generation))
                            m_myAuctions.setAuctions(page.items);
                    })
        ->onFailure(this, [this](const ApiError& error) { emit failed(error); });
}

void PersonalLists::refreshWatchlist()
{
    const quint64 generation = m_generation;
    m_api.myWatchlist()
        ->onSuccess(this,
                    [this, generation](const Page<AuctionSummary>& page) {
                        if (current(generation))
                            m_watchlist.setAuctions(page.items);
                    })
        ->onFailure(this, [this](const ApiError& error) { emit failed(error); });
}

void PersonalLists::refreshLedger(int page)
{
    const quint64 generation = m_generation;
    m_api.ledger(page)
        ->onSuccess(this,
                    [this, generation](const Page<LedgerEntry>& entries) {
                        if (current(generation))
                            m_ledger.setPage(entries);
                    })
        ->onFailure(this, [this](const ApiError& error) { emit failed(error); });
}

void PersonalLists::refreshNotifications()
{
    const quint64 generation = m_generation;
    m_api.notifications()
        ->onSuccess(this,
                    [this, generation](const NotificationList& list) {
                        if (current(generation))
                            m_notifications.setNotifications(list);
                    })
        ->onFailure(this, [this](const ApiError& error) { emit failed(error); });
}

void PersonalLists::markNotificationsRead(const QList<qint64>& ids)
{
    if (ids.isEmpty()) {
        m_notifications.markAllRead();
        m_api.markAllNotificationsRead();
    } else {
        m_notifications.markRead(ids);
        m_api.markNotificationsRead(ids);
    }
}

void PersonalLists::clear()
{
    ++m_generation;
    m_notifications.clear();
    m_myAuctions.setAuctions({});
    m_watchlist.setAuctions({});
    m_ledger.setPage({});
}

} // namespace nb::client
