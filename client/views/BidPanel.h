#pragma once

#include "client/models/BidValidator.h"
#include "shared/protocol/Objects.h"

#include <QTimer>
#include <QWidget>

#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;

namespace nb::client {

// The right-hand panel of an auction: current price, minimum next bid, bids, time left counting
// down, and the controls: a bid box pre-filled with the minimum and checked as the user types
// with BidValidator (the server's own words), an optional maximum for proxy bidding, buy now, and
// the watch toggle. It only shows and forwards: the detail view sends what it asks for.
class BidPanel : public QWidget {
    Q_OBJECT

public:
    explicit BidPanel(QWidget* parent = nullptr);

    void setAuction(const nb::AuctionDetail& auction);
    // Who is looking, with what money, and whether the connection is up.
    void setViewer(const std::optional<nb::User>& user, const std::optional<nb::Wallet>& wallet, bool online,
                   std::optional<nb::Won> myHold);
    void setWatched(bool watched);
    // While a bid or buy-now is on its way: controls disabled, "Sending…".
    void setBusy(bool busy);
    // The outcome of the last action, shown under the bid box.
    void showResult(const QString& text, bool isError);
    // The server said the minimum is higher (bid_too_low): refill with it.
    void setMinimumFromServer(nb::Won minimum);

    QLineEdit* amountEdit() const { return m_amount; }
    QLineEdit* maxEdit() const { return m_max; }
    QPushButton* bidButton() const { return m_bid; }
    QPushButton* buyNowButton() const { return m_buyNow; }
    QPushButton* watchButton() const { return m_watch; }
    QLabel* priceLabel() const { return m_price; }
    QLabel* messageLabel() const { return m_message; }
    // The pre-check of what is typed now.
    BidCheck currentCheck() const;

signals:
    void bidRequested(nb::Won amount, std::optional<nb::Won> maxAmount);
    void buyNowRequested();
    void watchToggled(bool watched);

protected:
    void changeEvent(QEvent* event) override;

private:
    QWidget* createPriceCard();
    void retranslateUi();
    void refresh();
    void refreshTimeLeft();
    void validate();
    void prefill();
    void submit();
    BidContext context() const;

    QLabel* m_priceCaption = nullptr;
    QLabel* m_price = nullptr;
    QLabel* m_minimum = nullptr;
    QLabel* m_bids = nullptr;
    QLabel* m_timeLeft = nullptr;
    QLabel* m_endsAt = nullptr;
    QLabel* m_amountCaption = nullptr;
    QLineEdit* m_amount = nullptr;
    QLabel* m_maxCaption = nullptr;
    QLineEdit* m_max = nullptr;
    QPushButton* m_bid = nullptr;
    QPushButton* m_buyNow = nullptr;
    QPushButton* m_watch = nullptr;
    QLabel* m_message = nullptr;

    std::optional<AuctionDetail> m_auction;
    std::optional<User> m_user;
    std::optional<Wallet> m_wallet;
    std::optional<Won> m_myHold;
    bool m_online = false;
    bool m_busy = false;
    bool m_watched = false;
    std::optional<Won> m_serverMinimum;
    QString m_prefilled; // the text the box was last pre-filled with
    bool m_showingResult = false;
    QTimer m_tick;
};

} // namespace nb::client
