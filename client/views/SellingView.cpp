#include "client/views/SellingView.h"

#include "client/dialogs/ListingEditorDialog.h"
#include "client/models/MyAuctionsModel.h"
#include "client/net/ApiClient.h"
#include "client/session/ClientSession.h"

#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>

namespace nb::client {

SellingView::SellingView(ClientSession& session, QWidget* parent)
    : AuctionListPage(session.myAuctions(), parent)
    , m_session(session)
    , m_new(new QPushButton(this))
    , m_cancel(new QPushButton(this))
{
    setObjectName("sellingView");
    m_new->setObjectName("newListingButton");
    m_new->setProperty("role", "primaryButton");
    m_cancel->setObjectName("cancelAuctionButton");
    tools()->insertWidget(0, m_cancel);
    tools()->insertWidget(0, m_new);
    connect(m_new, &QPushButton::clicked, this, &SellingView::newListing);
    connect(m_cancel, &QPushButton::clicked, this, &SellingView::cancelSelected);
    connect(table()->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &SellingView::updateButtons);
    connect(model(), &QAbstractItemModel::modelReset, this, &SellingView::updateButtons);
    connect(this, &AuctionListPage::refreshRequested, &session, &ClientSession::refreshMyAuctions);
    retranslateUi();
    updateButtons();
}

ListingEditorDialog* SellingView::newListing()
{
    if (m_editor) {
        m_editor->raise();
        m_editor->activateWindow();
        return m_editor;
    }
    m_editor = new ListingEditorDialog(m_session, this);
    m_editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_editor, &ListingEditorDialog::published, this, [this](qint64 auctionId) {
        m_session.refreshMyAuctions();
        emit openAuction(auctionId);
    });
    m_editor->show();
    return m_editor;
}

void SellingView::retranslateUi()
{
    setTexts(tr("Selling"),
             tr("Your auctions, their state and their results. The money of a sale reaches your "
                "wallet when the auction ends."),
             tr("You are not selling anything yet. “New listing…” puts an item up for auction."));
    m_new->setText(tr("New listing…"));
    m_cancel->setText(tr("Cancel auction"));
    m_cancel->setToolTip(tr("An auction can be cancelled only while nobody has bid on it."));
}

void SellingView::updateButtons()
{
    const qint64 id = selectedAuctionId();
    const int row = model()->rowOf(id);
    const std::optional<AuctionSummary> auction = row >= 0 ? model()->summaryAt(row) : std::nullopt;
    const bool cancellable =
        auction && auction->bidCount == 0 &&
        (auction->status == AuctionStatus::Active || auction->status == AuctionStatus::Scheduled);
    m_cancel->setEnabled(cancellable);
}

void SellingView::cancelSelected()
{
    const qint64 id = selectedAuctionId();
    const int row = model()->rowOf(id);
    const std::optional<AuctionSummary> auction = row >= 0 ? model()->summaryAt(row) : std::nullopt;
    if (!auction)
        return;
    const auto answer = QMessageBox::question(
        this, tr("Cancel auction"),
        tr("Cancel the auction “%1”? It ends at once without a sale.").arg(auction->title),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes)
        return;
    m_session.api()
        .cancelAuction(id)
        ->onSuccess(this, [this](const AuctionDetail&) { m_session.refreshMyAuctions(); })
        ->onFailure(this, [this](const ApiError& error) {
            QMessageBox::warning(this, tr("Cancel auction"), error.message);
        });
}

} // namespace nb::client
