#include "client/views/WatchlistView.h"

#include "client/models/WatchlistModel.h"
#include "client/session/ClientSession.h"

#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QPushButton>
#include <QTableView>

namespace nb::client {

WatchlistView::WatchlistView(ClientSession& session, QWidget* parent)
    : AuctionListPage(session.watchlist(), parent)
    , m_session(session)
    , m_unwatch(new QPushButton(this))
{
    setObjectName("watchlistView");
    m_unwatch->setObjectName("unwatchButton");
    m_unwatch->setEnabled(false);
    tools()->insertWidget(0, m_unwatch);
    connect(table()->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { m_unwatch->setEnabled(selectedAuctionId() > 0); });
    connect(m_unwatch, &QPushButton::clicked, this, [this] {
        if (const qint64 id = selectedAuctionId(); id > 0)
            m_session.setWatched(id, false);
    });
    connect(this, &AuctionListPage::refreshRequested, &session, &ClientSession::refreshWatchlist);
    retranslateUi();
}

void WatchlistView::retranslateUi()
{
    setTexts(tr("Watchlist"), tr("Auctions you keep an eye on. Watch an auction from its page."),
             tr("You are not watching any auction. Use “Watch” on an auction's page to add it here."));
    m_unwatch->setText(tr("Stop watching"));
}

} // namespace nb::client
