#include "client/views/BidPanel.h"

#include "client/models/MoneyFormat.h"
#include "client/models/TimeLeft.h"
#include "client/views/ViewSupport.h"

#include <QEvent>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace nb::client {

namespace {

void setRole(QWidget* widget, const char* role)
{
    widget->setProperty("role", QString::fromLatin1(role));
    widget->style()->unpolish(widget);
    widget->style()->polish(widget);
}

} // namespace

BidPanel::BidPanel(QWidget* parent)
    : QWidget(parent)
    , m_priceCaption(new QLabel(this))
    , m_price(new QLabel(this))
    , m_minimum(new QLabel(this))
    , m_bids(new QLabel(this))
    , m_timeLeft(new QLabel(this))
    , m_endsAt(new QLabel(this))
    , m_amountCaption(new QLabel(this))
    , m_amount(new QLineEdit(this))
    , m_maxCaption(new QLabel(this))
    , m_max(new QLineEdit(this))
    , m_bid(new QPushButton(this))
    , m_buyNow(new QPushButton(this))
    , m_watch(new QPushButton(this))
    , m_message(new QLabel(this))
{
    setObjectName("bidPanel");
    m_priceCaption->setProperty("role", "cardCaption");
    m_price->setObjectName("detailPrice");
    m_price->setProperty("role", "bigPrice");
    m_minimum->setObjectName("detailMinimum");
    m_timeLeft->setObjectName("detailTimeLeft");
    m_timeLeft->setProperty("role", "timeLeft");
    m_endsAt->setProperty("role", "hint");
    m_amount->setObjectName("bidAmount");
    m_max->setObjectName("bidMaximum");
    m_bid->setObjectName("placeBidButton");
    m_bid->setProperty("role", "primaryButton");
    m_buyNow->setObjectName("buyNowButton");
    m_watch->setObjectName("watchButton");
    m_watch->setCheckable(true);
    m_message->setObjectName("bidMessage");
    m_message->setWordWrap(true);

    connect(m_amount, &QLineEdit::textEdited, this, [this] {
        m_showingResult = false;
        validate();
    });
    connect(m_max, &QLineEdit::textEdited, this, [this] {
        m_showingResult = false;
        validate();
    });
    connect(m_amount, &QLineEdit::returnPressed, this, &BidPanel::submit);
    connect(m_bid, &QPushButton::clicked, this, &BidPanel::submit);
    connect(m_buyNow, &QPushButton::clicked, this, &BidPanel::buyNowRequested);
    connect(m_watch, &QPushButton::clicked, this, [this](bool checked) { emit watchToggled(checked); });

    auto* form = new QFormLayout;
    form->addRow(m_amountCaption, m_amount);
    form->addRow(m_maxCaption, m_max);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_bid, 1);
    buttons->addWidget(m_watch);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(createPriceCard());
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_message);
    layout->addWidget(m_buyNow);
    layout->addStretch(1);

    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &BidPanel::refreshTimeLeft);
    m_tick.start();
    retranslateUi();
}

QWidget* BidPanel::createPriceCard()
{
    auto* card = new QFrame(this);
    card->setProperty("role", "card");
    auto* price = new QVBoxLayout(card);
    price->addWidget(m_priceCaption);
    price->addWidget(m_price);
    price->addWidget(m_minimum);
    price->addWidget(m_bids);
    price->addSpacing(6);
    price->addWidget(m_timeLeft);
    price->addWidget(m_endsAt);
    return card;
}

void BidPanel::setAuction(const AuctionDetail& auction)
{
    const bool newAuction = !m_auction || m_auction->summary.id != auction.summary.id;
    m_auction = auction;
    if (newAuction)
        m_serverMinimum.reset();
    // A newer state than the server's refusal carried.
    if (m_serverMinimum && auction.minNextBid >= *m_serverMinimum)
        m_serverMinimum.reset();
    refresh();
}

void BidPanel::setViewer(const std::optional<User>& user, const std::optional<Wallet>& wallet, bool online,
                         std::optional<Won> myHold)
{
    m_user = user;
    m_wallet = wallet;
    m_online = online;
    m_myHold = myHold;
    refresh();
}

void BidPanel::setWatched(bool watched)
{
    m_watched = watched;
    m_watch->setChecked(watched);
    retranslateUi();
}

void BidPanel::setBusy(bool busy)
{
    m_busy = busy;
    if (busy)
        showResult(tr("Sending…"), false);
    refresh();
}

void BidPanel::showResult(const QString& text, bool isError)
{
    m_showingResult = !text.isEmpty();
    m_message->setText(text);
    setRole(m_message, isError ? "error" : "success");
}

void BidPanel::setMinimumFromServer(Won minimum)
{
    m_serverMinimum = minimum;
    m_prefilled.clear();
    m_amount->clear();
    prefill();
}

BidContext BidPanel::context() const
{
    BidContext context = m_auction ? BidContext::from(*m_auction, m_user, m_wallet, m_online) : BidContext{};
    context.myHold = m_myHold;
    if (m_serverMinimum)
        context.serverMinimum = m_serverMinimum;
    return context;
}

BidCheck BidPanel::currentCheck() const
{
    const std::optional<Won> amount = parseWon(m_amount->text());
    const QString maxText = m_max->text().trimmed();
    const std::optional<Won> max = maxText.isEmpty() ? std::nullopt : parseWon(maxText);
    if (!maxText.isEmpty() && !max) {
        BidCheck check = BidValidator::check(context(), amount.value_or(0));
        if (check.ok)
            return BidCheck{false, ErrorCode::BadRequest, tr("Enter your maximum as a whole number of won."),
                            check.minimumBid};
        return check;
    }
    return BidValidator::check(context(), amount.value_or(0), max);
}

void BidPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void BidPanel::retranslateUi()
{
    m_amountCaption->setText(tr("Your bid"));
    m_maxCaption->setText(tr("Maximum (optional)"));
    m_max->setPlaceholderText(tr("Bid for me up to…"));
    m_max->setToolTip(tr("Proxy bidding: the server raises your bid by the smallest step needed, up "
                         "to this amount. Your wallet holds the maximum while you lead."));
    m_bid->setText(tr("Place bid"));
    m_watch->setText(m_watched ? tr("★ Watching") : tr("☆ Watch"));
    m_watch->setToolTip(m_watched ? tr("Stop watching this auction.")
                                  : tr("Add this auction to your watchlist."));
    refresh();
}

void BidPanel::refresh()
{
    if (!m_auction)
        return;
    const AuctionSummary& s = m_auction->summary;
    m_priceCaption->setText(s.bidCount == 0 ? tr("Starting price") : tr("Current price"));
    m_price->setText(formatWon(s.currentPrice));
    const Won minimum = BidValidator::minimumBid(context());
    m_minimum->setText(tr("Minimum next bid: %1").arg(formatWon(minimum)));
    const bool leading = m_user && s.highBidderId == m_user->id;
    m_bids->setText(leading ? tr("%n bid(s) · you are the highest bidder", nullptr, s.bidCount)
                            : tr("%n bid(s)", nullptr, s.bidCount));
    refreshTimeLeft();

    const bool open = s.status == AuctionStatus::Active || s.status == AuctionStatus::Scheduled;
    for (QWidget* w : std::initializer_list<QWidget*>{m_amountCaption, m_amount, m_maxCaption, m_max, m_bid})
        w->setVisible(open);
    m_minimum->setVisible(open);
    const bool enabled = open && m_online && !m_busy && m_user.has_value();
    m_amount->setEnabled(enabled);
    m_max->setEnabled(enabled);
    m_watch->setEnabled(m_user.has_value());

    const bool hasBuyNow = s.buyNowPrice.has_value() && open;
    m_buyNow->setVisible(hasBuyNow);
    if (hasBuyNow) {
        m_buyNow->setText(tr("Buy now for %1").arg(formatWon(*s.buyNowPrice)));
        const bool lapsed = s.bidCount > 0 && m_auction->reserveMet.value_or(true);
        const BidCheck check = BidValidator::checkBuyNow(context(), *s.buyNowPrice);
        m_buyNow->setEnabled(!lapsed && check.ok && !m_busy);
        m_buyNow->setToolTip(lapsed ? tr("Buy now ended with the first bid.") : check.message);
    }
    prefill();
    validate();
}

void BidPanel::refreshTimeLeft()
{
    if (!m_auction)
        return;
    const AuctionSummary& s = m_auction->summary;
    const bool scheduled = s.status == AuctionStatus::Scheduled;
    if (s.status == AuctionStatus::Cancelled) {
        m_timeLeft->setText(tr("Cancelled"));
        m_endsAt->clear();
        return;
    }
    if (s.status == AuctionStatus::Ended) {
        m_timeLeft->setText(tr("Ended"));
        m_endsAt->setText(tr("Ended %1").arg(formatLocalDateTime(s.endsAt)));
        return;
    }
    m_timeLeft->setText(scheduled ? tr("Starts %1").arg(formatLocalDateTime(s.startsAt))
                                  : tr("%1 left").arg(TimeLeft::format(s.endsAt)));
    QString ends = tr("Ends %1").arg(formatLocalDateTime(s.endsAt));
    if (m_auction->softCloseSeconds > 0)
        ends +=
            QStringLiteral(" · ") + tr("a late bid extends it by %n s", nullptr, m_auction->softCloseSeconds);
    m_endsAt->setText(ends);
    const bool urgent = !scheduled && TimeLeft::seconds(s.endsAt) < 5 * 60;
    if (m_timeLeft->property("urgent").toBool() != urgent) {
        m_timeLeft->setProperty("urgent", urgent);
        m_timeLeft->style()->unpolish(m_timeLeft);
        m_timeLeft->style()->polish(m_timeLeft);
    }
}

void BidPanel::prefill()
{
    const QString minimum = formatAmount(BidValidator::minimumBid(context()));
    const QString typed = m_amount->text().trimmed();
    // Only an untouched box follows the minimum; what the user typed stays.
    if (typed.isEmpty() || typed == m_prefilled) {
        m_amount->setText(minimum);
        m_prefilled = minimum;
    }
}

void BidPanel::validate()
{
    if (!m_auction)
        return;
    const AuctionStatus status = m_auction->summary.status;
    if (status == AuctionStatus::Ended || status == AuctionStatus::Cancelled) {
        // The outcome is told elsewhere; "this auction has ended" here would only repeat it.
        m_bid->setEnabled(false);
        if (!m_showingResult)
            m_message->clear();
        return;
    }
    const BidCheck check = currentCheck();
    m_bid->setEnabled(check.ok && !m_busy);
    if (m_showingResult)
        return;
    m_message->setText(check.ok ? QString() : check.message);
    setRole(m_message, "error");
}

void BidPanel::submit()
{
    const BidCheck check = currentCheck();
    if (!check.ok || m_busy) {
        showResult(check.message, true);
        return;
    }
    const Won amount = parseWon(m_amount->text()).value_or(0);
    const QString maxText = m_max->text().trimmed();
    const std::optional<Won> max = maxText.isEmpty() ? std::nullopt : parseWon(maxText);
    emit bidRequested(amount, max);
}

} // namespace nb::client
