#pragma once

#include "client/views/AuctionListPage.h"

class QComboBox;

namespace nb::client {

class ClientSession;

// The auctions the user bid on and where they stand: leading, outbid, won or lost, with a filter
// by standing.
class MyBidsView : public AuctionListPage {
    Q_OBJECT

public:
    explicit MyBidsView(ClientSession& session, QWidget* parent = nullptr);

protected:
    void retranslateUi() override;

private:
    void applyFilter();

    QComboBox* m_filter = nullptr;
};

} // namespace nb::client
