#pragma once

#include "client/views/AuctionListPage.h"

class QPushButton;

namespace nb::client {

class ClientSession;

// The auctions the user watches; "Stop watching" removes the selected one.
class WatchlistView : public AuctionListPage {
    Q_OBJECT

public:
    explicit WatchlistView(ClientSession& session, QWidget* parent = nullptr);

protected:
    void retranslateUi() override;

private:
    ClientSession& m_session;
    QPushButton* m_unwatch = nullptr;
};

} // namespace nb::client
