#pragma once

#include "client/views/AuctionListPage.h"

#include <QPointer>

class QPushButton;

namespace nb::client {

class ClientSession;
class ListingEditorDialog;

// The seller's side: "my auctions" with their state and result (sold / not sold), "New listing…"
// opening the listing editor, and cancelling an auction that has no bid yet.
class SellingView : public AuctionListPage {
    Q_OBJECT

public:
    explicit SellingView(ClientSession& session, QWidget* parent = nullptr);

    // Opens the listing editor (one at a time); returns it so that tests can fill it in.
    ListingEditorDialog* newListing();

protected:
    void retranslateUi() override;

private:
    void updateButtons();
    void cancelSelected();

    ClientSession& m_session;
    QPushButton* m_new = nullptr;
    QPushButton* m_cancel = nullptr;
    QPointer<ListingEditorDialog> m_editor;
};

} // namespace nb::client
