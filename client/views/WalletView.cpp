#include "client/views/WalletView.h"

#include "client/models/LedgerModel.h"
#include "client/models/MoneyFormat.h"
#include "client/session/ClientSession.h"
#include "client/views/ViewSupport.h"

#include <QEvent>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace nb::client {

namespace {

QFrame* card(QLabel* caption, QLabel* value, QLabel* note, QWidget* parent)
{
    auto* frame = new QFrame(parent);
    frame->setProperty("role", "card");
    caption->setProperty("role", "cardCaption");
    value->setProperty("role", "cardValue");
    auto* layout = new QVBoxLayout(frame);
    layout->addWidget(caption);
    layout->addWidget(value);
    if (note) {
        note->setProperty("role", "hint");
        note->setWordWrap(true);
        layout->addWidget(note);
    }
    layout->addStretch(1);
    return frame;
}

} // namespace

WalletView::WalletView(ClientSession& session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_title(new QLabel(this))
    , m_historyCaption(new QLabel(this))
    , m_ledger(new QTableView(this))
    , m_previous(new QPushButton(this))
    , m_next(new QPushButton(this))
    , m_pageLabel(new QLabel(this))
{
    setObjectName("walletView");
    m_title->setProperty("role", "viewTitle");
    m_historyCaption->setProperty("role", "sectionTitle");
    m_ledger->setObjectName("ledgerTable");
    m_ledger->setModel(session.ledger());
    setUpAuctionTable(m_ledger);
    m_ledger->setSortingEnabled(false); // newest first, as the server pages it
    m_ledger->horizontalHeader()->setSectionResizeMode(LedgerModel::KindColumn, QHeaderView::Stretch);
    connect(session.ledger(), &LedgerModel::pageChanged, this, &WalletView::onLedgerPage);
    connect(m_previous, &QPushButton::clicked, this,
            [this] { m_session.refreshLedger(m_session.ledger()->page() - 1); });
    connect(m_next, &QPushButton::clicked, this,
            [this] { m_session.refreshLedger(m_session.ledger()->page() + 1); });
    connect(&session, &ClientSession::walletChanged, this, [this] {
        refreshCards();
        // A wallet change is a new ledger entry: show it when looking at the first page.
        if (isVisible() && m_session.ledger()->page() <= 1)
            m_session.refreshLedger(1);
    });
    connect(&session, &ClientSession::connectionStateChanged, this, &WalletView::updateControls);

    auto* pager = new QHBoxLayout;
    pager->addStretch(1);
    pager->addWidget(m_previous);
    pager->addWidget(m_pageLabel);
    pager->addWidget(m_next);
    pager->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(createCards());
    layout->addWidget(createMoveBox());
    layout->addSpacing(8);
    layout->addWidget(m_historyCaption);
    layout->addWidget(m_ledger, 1);
    layout->addLayout(pager);
    retranslateUi();
    onLedgerPage();
}

QWidget* WalletView::createCards()
{
    auto* row = new QWidget(this);
    m_availableCaption = new QLabel(row);
    m_available = new QLabel(row);
    m_available->setObjectName("walletViewAvailable");
    m_lockedCaption = new QLabel(row);
    m_locked = new QLabel(row);
    m_locked->setObjectName("walletViewLocked");
    m_lockedWhy = new QLabel(row);
    m_totalCaption = new QLabel(row);
    m_total = new QLabel(row);
    m_total->setObjectName("walletViewTotal");
    auto* cards = new QHBoxLayout(row);
    cards->setContentsMargins(0, 0, 0, 0);
    QFrame* available = card(m_availableCaption, m_available, nullptr, row);
    QFrame* locked = card(m_lockedCaption, m_locked, m_lockedWhy, row);
    QFrame* total = card(m_totalCaption, m_total, nullptr, row);
    cards->addWidget(available, 1);
    cards->addWidget(locked, 1);
    cards->addWidget(total, 1);
    return row;
}

QWidget* WalletView::createMoveBox()
{
    auto* box = new QFrame(this);
    box->setProperty("role", "card");
    m_moveCaption = new QLabel(box);
    m_moveCaption->setProperty("role", "cardCaption");
    m_amount = new QLineEdit(box);
    m_amount->setObjectName("walletAmount");
    m_amount->setMaximumWidth(fontMetrics().horizontalAdvance('M') * 14);
    m_deposit = new QPushButton(box);
    m_deposit->setObjectName("depositButton");
    m_deposit->setProperty("role", "primaryButton");
    m_withdraw = new QPushButton(box);
    m_withdraw->setObjectName("withdrawButton");
    m_moveStatus = new QLabel(box);
    m_moveStatus->setProperty("role", "hint");
    m_moveStatus->setWordWrap(true);
    connect(m_deposit, &QPushButton::clicked, this, &WalletView::deposit);
    connect(m_withdraw, &QPushButton::clicked, this, &WalletView::withdraw);
    connect(m_amount, &QLineEdit::textChanged, this, &WalletView::updateControls);
    connect(m_amount, &QLineEdit::returnPressed, this, &WalletView::deposit);
    auto* layout = new QGridLayout(box);
    layout->addWidget(m_moveCaption, 0, 0, 1, 4);
    layout->addWidget(m_amount, 1, 0);
    layout->addWidget(m_deposit, 1, 1);
    layout->addWidget(m_withdraw, 1, 2);
    layout->addWidget(m_moveStatus, 1, 3);
    layout->setColumnStretch(3, 1);
    return box;
}

void WalletView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void WalletView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    m_session.refreshWallet();
    m_session.refreshLedger(1);
}

void WalletView::retranslateUi()
{
    m_title->setText(tr("Wallet"));
    m_availableCaption->setText(tr("Available"));
    m_lockedCaption->setText(tr("Locked"));
    m_totalCaption->setText(tr("Total"));
    m_moveCaption->setText(tr("Deposit or withdraw (demo money: no payment is made)"));
    m_amount->setPlaceholderText(tr("Amount in won"));
    m_deposit->setText(tr("Deposit…"));
    m_withdraw->setText(tr("Withdraw…"));
    m_historyCaption->setText(tr("History"));
    m_previous->setText(tr("‹ Newer"));
    m_next->setText(tr("Older ›"));
    refreshCards();
    onLedgerPage();
    updateControls();
}

void WalletView::refreshCards()
{
    const std::optional<Wallet> wallet = m_session.wallet();
    m_available->setText(wallet ? formatWon(wallet->balance) : QStringLiteral("—"));
    m_locked->setText(wallet ? formatWon(wallet->locked) : QStringLiteral("—"));
    m_total->setText(wallet ? formatWon(wallet->total()) : QStringLiteral("—"));
    const QString why = m_session.lockedExplanation();
    m_lockedWhy->setText(why.isEmpty() ? QString() : why.left(1).toUpper() + why.mid(1));
    m_lockedWhy->setToolTip(tr("Released when you are outbid; paid to the seller when you win."));
}

void WalletView::updateControls()
{
    const bool online = m_session.isOnline();
    const std::optional<Won> amount = parseWon(m_amount->text());
    m_deposit->setEnabled(online && amount && !m_busy);
    m_withdraw->setEnabled(online && amount && !m_busy);
    if (!online)
        m_moveStatus->setText(tr("Offline: deposits and withdrawals wait for the connection."));
    else if (!m_amount->text().trimmed().isEmpty() && !amount)
        m_moveStatus->setText(tr("Enter a whole number of won, e.g. 50,000."));
    else if (!m_busy && m_moveStatus->property("result").toString().isEmpty())
        m_moveStatus->clear();
}

void WalletView::deposit()
{
    move(Move::Deposit);
}

void WalletView::withdraw()
{
    move(Move::Withdraw);
}

void WalletView::move(Move kind)
{
    const std::optional<Won> amount = parseWon(m_amount->text());
    if (!amount || m_busy || !m_session.isOnline())
        return;
    const bool deposit = kind == Move::Deposit;
    const QString title = deposit ? tr("Deposit") : tr("Withdraw");
    const QString question = deposit ? tr("Deposit %1 into your wallet?").arg(formatWon(*amount))
                                     : tr("Withdraw %1 from your available balance?").arg(formatWon(*amount));
    if (QMessageBox::question(this, title, question, QMessageBox::Yes | QMessageBox::No, QMessageBox::No) !=
        QMessageBox::Yes)
        return;
    m_busy = true;
    m_moveStatus->setProperty("result", QString());
    m_moveStatus->setText(tr("Sending…"));
    updateControls();
    auto* call = deposit ? m_session.deposit(*amount) : m_session.withdraw(*amount);
    call->onSuccess(this,
                    [this, deposit, amount](const Wallet&) {
                        m_busy = false;
                        m_amount->clear();
                        const QString done = deposit ? tr("Deposited %1.").arg(formatWon(*amount))
                                                     : tr("Withdrew %1.").arg(formatWon(*amount));
                        m_moveStatus->setProperty("result", done);
                        m_moveStatus->setText(done);
                        updateControls();
                        m_session.refreshLedger(1);
                    })
        ->onFailure(this, [this](const ApiError& error) {
            m_busy = false;
            m_moveStatus->setProperty("result", error.message);
            m_moveStatus->setText(error.message);
            updateControls();
        });
}

void WalletView::onLedgerPage()
{
    const LedgerModel* ledger = m_session.ledger();
    m_pageLabel->setText(tr("Page %1 of %2").arg(ledger->page()).arg(ledger->pageCount()));
    m_previous->setEnabled(ledger->page() > 1);
    m_next->setEnabled(ledger->page() < ledger->pageCount());
}

} // namespace nb::client
