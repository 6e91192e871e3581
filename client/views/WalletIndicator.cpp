#include "client/views/WalletIndicator.h"

#include "client/models/MoneyFormat.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>

namespace nb::client {

WalletIndicator::WalletIndicator(QWidget* parent)
    : QWidget(parent)
    , m_available(new QLabel(this))
    , m_locked(new QLabel(this))
    , m_total(new QLabel(this))
{
    setObjectName("walletIndicator");
    m_available->setObjectName("walletAvailable");
    m_locked->setObjectName("walletLocked");
    m_total->setObjectName("walletTotal");
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->setSpacing(14);
    layout->addWidget(m_available);
    layout->addWidget(m_locked);
    layout->addWidget(m_total);
    refresh();
}

void WalletIndicator::setWallet(const std::optional<Wallet>& wallet, const QString& lockedExplanation)
{
    m_wallet = wallet;
    m_explanation = lockedExplanation;
    refresh();
}

QString WalletIndicator::availableText() const
{
    return m_available->text();
}

QString WalletIndicator::lockedText() const
{
    return m_locked->text();
}

QString WalletIndicator::totalText() const
{
    return m_total->text();
}

void WalletIndicator::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QWidget::changeEvent(event);
}

void WalletIndicator::refresh()
{
    if (!m_wallet) {
        m_available->setText(tr("Not signed in"));
        m_available->setToolTip(QString());
        m_locked->hide();
        m_total->hide();
        return;
    }
    m_available->setText(tr("Available <b>%1</b>").arg(formatWon(m_wallet->balance)));
    m_available->setToolTip(tr("What you can bid, buy or withdraw now."));
    const QString locked = tr("Locked %1").arg(formatWon(m_wallet->locked));
    // Nothing held needs no explanation.
    const bool explain = !m_explanation.isEmpty() && m_wallet->locked > 0;
    m_locked->setText(explain ? tr("%1 (%2)").arg(locked, m_explanation) : locked);
    m_locked->setToolTip(m_explanation.isEmpty()
                             ? tr("Money held in escrow while you lead an auction.")
                             : tr("Money held in escrow: %1. It is released when you are outbid "
                                  "and paid to the seller when you win.")
                                   .arg(m_explanation));
    m_total->setText(tr("Total %1").arg(formatWon(m_wallet->total())));
    m_total->setToolTip(tr("Available plus locked."));
    m_locked->show();
    m_total->show();
}

} // namespace nb::client
