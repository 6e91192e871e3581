#pragma once

#include "shared/protocol/Objects.h"

#include <QWidget>

#include <optional>

class QLabel;

namespace nb::client {

// The status bar's wallet: "Available ₩850,000 · Locked ₩150,000 (held for 1 bid you lead) ·
// Total ₩1,000,000", or "Not signed in". Updated live from ClientSession::walletChanged.
class WalletIndicator : public QWidget {
    Q_OBJECT

public:
    explicit WalletIndicator(QWidget* parent = nullptr);

    // nullopt: signed out. lockedExplanation is ClientSession::lockedExplanation().
    void setWallet(const std::optional<nb::Wallet>& wallet, const QString& lockedExplanation = QString());

    QString availableText() const;
    QString lockedText() const;
    QString totalText() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void refresh();

    QLabel* m_available = nullptr;
    QLabel* m_locked = nullptr;
    QLabel* m_total = nullptr;
    std::optional<Wallet> m_wallet;
    QString m_explanation;
};

} // namespace nb::client
