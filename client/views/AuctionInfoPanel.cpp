#include "client/views/AuctionInfoPanel.h"

#include "client/models/DisplayNames.h"
#include "client/models/MoneyFormat.h"
#include "client/views/ImageGallery.h"

#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace nb::client {

namespace {

QLabel* factLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

AuctionInfoPanel::AuctionInfoPanel(ApiClient& api, QWidget* parent)
    : QScrollArea(parent)
{
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    auto* column = new QWidget(this);
    column->setObjectName("detailInfo");
    m_gallery = new ImageGallery(api, column);
    m_descriptionCaption = new QLabel(column);
    m_descriptionCaption->setProperty("role", "sectionTitle");
    m_description = factLabel(column);
    m_description->setObjectName("detailDescription");
    m_factsCaption = new QLabel(column);
    m_factsCaption->setProperty("role", "sectionTitle");
    m_condition = factLabel(column);
    m_shipping = factLabel(column);
    m_seller = factLabel(column);
    m_seller->setObjectName("detailSeller");
    m_place = factLabel(column);
    m_increment = factLabel(column);
    m_facts = new QFormLayout;
    m_facts->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    for (QLabel* value : {m_seller, m_condition, m_shipping, m_place, m_increment})
        m_facts->addRow(new QLabel(column), value);

    auto* layout = new QVBoxLayout(column);
    layout->addWidget(m_gallery);
    layout->addWidget(m_factsCaption);
    layout->addLayout(m_facts);
    layout->addWidget(m_descriptionCaption);
    layout->addWidget(m_description);
    layout->addStretch(1);
    setWidget(column);
    retranslateUi();
}

void AuctionInfoPanel::setAuction(const AuctionDetail& auction)
{
    m_auction = auction;
    m_gallery->setImages(auction.images);
    refresh();
}

void AuctionInfoPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QScrollArea::changeEvent(event);
}

void AuctionInfoPanel::retranslateUi()
{
    m_descriptionCaption->setText(tr("Description"));
    m_factsCaption->setText(tr("About this item"));
    const QStringList captions{tr("Seller"), tr("Condition"), tr("Shipping"), tr("Location"), tr("Bid step")};
    for (int row = 0; row < captions.size(); ++row) {
        if (auto* label = qobject_cast<QLabel*>(m_facts->itemAt(row, QFormLayout::LabelRole)->widget()))
            label->setText(captions.at(row));
    }
    refresh();
}

void AuctionInfoPanel::refresh()
{
    if (!m_auction)
        return;
    const AuctionSummary& s = m_auction->summary;
    m_description->setText(m_auction->description.isEmpty() ? tr("No description.") : m_auction->description);
    m_condition->setText(DisplayNames::condition(m_auction->condition));
    m_shipping->setText(DisplayNames::shippingPayer(m_auction->shippingPayer));
    const QString reputation = s.seller.reviewCount > 0
                                   ? tr("★ %1 (%n review(s))", nullptr, s.seller.reviewCount)
                                         .arg(QLocale().toString(s.seller.reputation, 'f', 1))
                                   : tr("no reviews yet");
    m_seller->setText(tr("%1 · %2").arg(s.seller.displayName, reputation));
    m_place->setText(s.region.name);
    m_increment->setText(m_auction->bidIncrement > 0 ? formatWon(m_auction->bidIncrement)
                                                     : tr("by the standard increment table"));
}

} // namespace nb::client
