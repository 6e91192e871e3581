#pragma once

#include "shared/protocol/Objects.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace nb::client {

class ClientSession;

// The wallet: available, locked (held for the bids the user leads) and total, the ledger history
// page by page, and deposit and withdraw, each confirmed before it is sent. Demo money: there is
// no payment gateway.
class WalletView : public QWidget {
    Q_OBJECT

public:
    explicit WalletView(ClientSession& session, QWidget* parent = nullptr);

    QLineEdit* amountEdit() const { return m_amount; }
    QTableView* ledgerTable() const { return m_ledger; }
    // Deposits or withdraws the amount typed, after the user confirms (tests answer the box).
    void deposit();
    void withdraw();

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    enum class Move { Deposit, Withdraw };

    QWidget* createCards();
    QWidget* createMoveBox();
    void retranslateUi();
    void refreshCards();
    void updateControls();
    void move(Move kind);
    void onLedgerPage();

    ClientSession& m_session;
    QLabel* m_title = nullptr;
    QLabel* m_availableCaption = nullptr;
    QLabel* m_available = nullptr;
    QLabel* m_lockedCaption = nullptr;
    QLabel* m_locked = nullptr;
    QLabel* m_lockedWhy = nullptr;
    QLabel* m_totalCaption = nullptr;
    QLabel* m_total = nullptr;
    QLabel* m_moveCaption = nullptr;
    QLineEdit* m_amount = nullptr;
    QPushButton* m_deposit = nullptr;
    QPushButton* m_withdraw = nullptr;
    QLabel* m_moveStatus = nullptr;
    QLabel* m_historyCaption = nullptr;
    QTableView* m_ledger = nullptr;
    QPushButton* m_previous = nullptr;
    QPushButton* m_next = nullptr;
    QLabel* m_pageLabel = nullptr;
    bool m_busy = false;
};

} // namespace nb::client
