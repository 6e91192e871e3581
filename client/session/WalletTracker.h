#pragma once

#include "shared/protocol/Objects.h"

#include <QObject>
#include <QTimer>

namespace nb::client {

class ApiClient;
class MyBidsModel;

/// The signed-in user's wallet as the status bar shows it: balance, locked and total, and how
/// many auctions the user leads (the locked money is "held for N bids you lead"). The wallet
/// comes from GET /me/wallet, from answers that carry one and from `wallet` pushes; every change
/// schedules a recount of the leading bids from GET /me/bids, throttled to one request per
/// recountDelay however many pushes arrive. Part of ClientSession.
class WalletTracker : public QObject {
    Q_OBJECT

public:
    WalletTracker(ApiClient& api, MyBidsModel& myBids, QObject* parent = nullptr);

    void setWallet(const Wallet& wallet);
    /// GET /me/wallet (and a recount).
    void refresh();
    /// Recounts soon (at most once per recountDelay).
    void scheduleRecount();
    /// Signed out: no wallet.
    void reset();
    void setRecountDelay(int milliseconds) { m_recountTimer.setInterval(milliseconds); }

    bool hasWallet() const { return m_hasWallet; }
    Wallet wallet() const { return m_wallet; }
    int leadingCount() const { return m_leading; }

signals:
    void changed(const nb::Wallet& wallet, int leadingBidCount);

private:
    void recount();

    ApiClient& m_api;
    MyBidsModel& m_myBids;
    Wallet m_wallet;
    bool m_hasWallet = false;
    int m_leading = 0;
    QTimer m_recountTimer;
    bool m_recountInFlight = false;
    bool m_recountAgain = false;
    quint64 m_generation = 0; // answers from before a reset are ignored
};

} // namespace nb::client
