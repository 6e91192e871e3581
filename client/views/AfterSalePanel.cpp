#include "client/views/AfterSalePanel.h"

#include "client/models/MessageModel.h"
#include "client/models/MoneyFormat.h"
#include "client/net/ApiClient.h"
#include "client/session/ClientSession.h"
#include "client/views/MessageBubbleDelegate.h"

#include <QComboBox>
#include <QEvent>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace nb::client {

AfterSalePanel::AfterSalePanel(ClientSession& session, qint64 auctionId, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_auctionId(auctionId)
    , m_outcome(new QLabel(this))
    , m_chatBox(new QGroupBox(this))
    , m_messages(new MessageModel(this))
    , m_chat(new QListView(m_chatBox))
    , m_message(new QLineEdit(m_chatBox))
    , m_send(new QPushButton(m_chatBox))
    , m_reviewBox(new QGroupBox(this))
    , m_rating(new QComboBox(m_reviewBox))
    , m_reviewText(new QPlainTextEdit(m_reviewBox))
    , m_submitReview(new QPushButton(m_reviewBox))
    , m_reviewStatus(new QLabel(m_reviewBox))
{
    setObjectName("afterSalePanel");
    m_outcome->setObjectName("outcomeLabel");
    m_outcome->setProperty("role", "outcome");
    m_outcome->setWordWrap(true);
    m_chat->setModel(m_messages);
    m_chat->setItemDelegate(new MessageBubbleDelegate(m_chat));
    m_chat->setResizeMode(QListView::Adjust);
    m_chat->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_chat->setSelectionMode(QAbstractItemView::NoSelection);
    m_message->setObjectName("messageText");
    m_send->setObjectName("messageSend");
    m_rating->setObjectName("reviewRating");
    m_reviewText->setObjectName("reviewText");
    m_reviewText->setMaximumHeight(fontMetrics().height() * 5);
    m_submitReview->setObjectName("reviewSubmit");
    m_reviewStatus->setProperty("role", "hint");
    m_reviewStatus->setWordWrap(true);
    connect(m_send, &QPushButton::clicked, this, &AfterSalePanel::sendMessage);
    connect(m_message, &QLineEdit::returnPressed, this, &AfterSalePanel::sendMessage);
    connect(m_submitReview, &QPushButton::clicked, this, &AfterSalePanel::sendReview);

    auto* sendRow = new QHBoxLayout;
    sendRow->addWidget(m_message, 1);
    sendRow->addWidget(m_send);
    auto* chat = new QVBoxLayout(m_chatBox);
    chat->addWidget(m_chat, 1);
    chat->addLayout(sendRow);
    auto* review = new QVBoxLayout(m_reviewBox);
    review->addWidget(m_rating);
    review->addWidget(m_reviewText);
    review->addWidget(m_submitReview, 0, Qt::AlignRight);
    review->addWidget(m_reviewStatus);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_outcome);
    layout->addWidget(m_chatBox, 1);
    layout->addWidget(m_reviewBox);
    retranslateUi();
}

QString AfterSalePanel::outcomeText(const AuctionDetail& auction, std::optional<qint64> viewerId)
{
    const AuctionSummary& s = auction.summary;
    if (s.status == AuctionStatus::Cancelled)
        return tr("This auction was cancelled.");
    if (s.status != AuctionStatus::Ended)
        return tr("The auction is still running.");
    if (!auction.winner) {
        if (auction.reserveMet && !*auction.reserveMet)
            return tr("Ended without a sale: the reserve price was not met.");
        return tr("Ended without a sale.");
    }
    const QString price = formatWon(auction.finalPrice.value_or(s.currentPrice));
    const bool boughtNow = auction.endReason == EndReason::BuyNow;
    if (viewerId && *viewerId == auction.winner->id)
        return boughtNow ? tr("You bought this item now for %1.").arg(price)
                         : tr("You won this auction for %1.").arg(price);
    if (viewerId && *viewerId == s.seller.id)
        return tr("Sold to %1 for %2.").arg(auction.winner->displayName, price);
    return boughtNow ? tr("Sold with buy now for %1.").arg(price) : tr("Sold for %1.").arg(price);
}

void AfterSalePanel::setAuction(const AuctionDetail& auction)
{
    m_auction = auction;
    updateParts();
}

void AfterSalePanel::reloadMessages()
{
    m_session.api().messages(m_auctionId)->onSuccess(this, [this](const QList<Message>& messages) {
        m_messages->setMessages(messages);
        m_chat->scrollToBottom();
    });
}

void AfterSalePanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void AfterSalePanel::retranslateUi()
{
    m_chatBox->setTitle(tr("Conversation between seller and winner"));
    m_message->setPlaceholderText(tr("Write a message about delivery or pick-up…"));
    m_send->setText(tr("Send"));
    m_reviewBox->setTitle(tr("Review the seller"));
    const QSignalBlocker blocker(m_rating);
    const int rating = m_rating->currentIndex();
    m_rating->clear();
    for (int stars = 5; stars >= 1; --stars)
        m_rating->addItem(
            QString(stars, QChar(0x2605)) + QStringLiteral("  ") + tr("%n star(s)", nullptr, stars), stars);
    m_rating->setCurrentIndex(rating < 0 ? 0 : rating);
    m_reviewText->setPlaceholderText(tr("How did it go? (optional)"));
    m_submitReview->setText(tr("Send review"));
    updateParts();
}

void AfterSalePanel::updateParts()
{
    if (!m_auction)
        return;
    const std::optional<User> user = m_session.user();
    const std::optional<qint64> viewer = user ? std::optional<qint64>(user->id) : std::nullopt;
    m_outcome->setText(outcomeText(*m_auction, viewer));
    m_messages->setCurrentUserId(viewer);
    const AuctionSummary& s = m_auction->summary;
    const bool ended = s.status == AuctionStatus::Ended && m_auction->winner.has_value();
    const bool winner = ended && viewer && *viewer == m_auction->winner->id;
    const bool seller = ended && viewer && *viewer == s.seller.id;
    m_chatBox->setVisible(winner || seller);
    m_reviewBox->setVisible(winner);
    m_submitReview->setEnabled(!m_reviewed);
    if ((winner || seller) && !m_messagesLoaded) {
        m_messagesLoaded = true;
        reloadMessages();
    }
}

void AfterSalePanel::sendMessage()
{
    const QString text = m_message->text().trimmed();
    if (text.isEmpty())
        return;
    m_send->setEnabled(false);
    m_session.api()
        .sendMessage(m_auctionId, text)
        ->onSuccess(this,
                    [this](const Message& message) {
                        m_messages->add(message);
                        m_message->clear();
                        m_send->setEnabled(true);
                        m_chat->scrollToBottom();
                    })
        ->onFailure(this, [this](const ApiError& error) {
            m_send->setEnabled(true);
            m_message->setToolTip(error.message);
            m_reviewStatus->setText(error.message);
        });
}

void AfterSalePanel::sendReview()
{
    m_submitReview->setEnabled(false);
    m_session.api()
        .review(m_auctionId, m_rating->currentData().toInt(), m_reviewText->toPlainText().trimmed())
        ->onSuccess(this,
                    [this](const Review&) {
                        m_reviewed = true;
                        m_reviewStatus->setText(tr("Thank you: your review is published."));
                    })
        ->onFailure(this, [this](const ApiError& error) {
            m_submitReview->setEnabled(true);
            m_reviewStatus->setText(error.message);
        });
}

} // namespace nb::client
