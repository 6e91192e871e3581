#include "client/views/MyBidsView.h"

#include "client/models/MyBidsModel.h"
#include "client/session/ClientSession.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QRegularExpression>
#include <QSortFilterProxyModel>

namespace nb::client {

MyBidsView::MyBidsView(ClientSession& session, QWidget* parent)
    : AuctionListPage(session.myBids(), parent)
    , m_filter(new QComboBox(this))
{
    setObjectName("myBidsView");
    m_filter->setObjectName("myBidsFilter");
    tools()->insertWidget(0, m_filter);
    proxy()->setFilterRole(AuctionListModel::MyStatusRole);
    connect(m_filter, &QComboBox::currentIndexChanged, this, &MyBidsView::applyFilter);
    connect(this, &AuctionListPage::refreshRequested, &session, &ClientSession::refreshMyBids);
    retranslateUi();
}

void MyBidsView::retranslateUi()
{
    setTexts(tr("My bids"),
             tr("Where you stand in every auction you bid on. While you lead, your bid is held in "
                "your wallet; when someone outbids you, it is released."),
             tr("You have not bid on anything yet. Open an auction and place a bid."));
    const QSignalBlocker blocker(m_filter);
    const int current = std::max(0, m_filter->currentIndex());
    m_filter->clear();
    m_filter->addItem(tr("All bids"), -1);
    using Status = MyBidsModel::MyBidStatus;
    for (Status status : {Status::Leading, Status::Outbid, Status::Won, Status::Lost})
        m_filter->addItem(MyBidsModel::statusText(status), static_cast<int>(status));
    m_filter->setCurrentIndex(current);
}

void MyBidsView::applyFilter()
{
    const int status = m_filter->currentData().toInt();
    proxy()->setFilterRegularExpression(status < 0 ? QRegularExpression()
                                                   : QRegularExpression(QStringLiteral("^%1$").arg(status)));
    updateEmpty();
}

} // namespace nb::client
