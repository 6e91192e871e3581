#include "client/session/WalletTracker.h"

#include "client/models/MyBidsModel.h"
#include "client/net/ApiClient.h"

#include <utility>

namespace nb::client {

namespace {
constexpr int kDefaultRecountDelayMs = 1000;
}

WalletTracker::WalletTracker(ApiClient& api, MyBidsModel& myBids, QObject* parent)
    : QObject(parent)
    , m_api(api)
    , m_myBids(myBids)
{
    m_recountTimer.setSingleShot(true);
    m_recountTimer.setInterval(kDefaultRecountDelayMs);
    connect(&m_recountTimer, &QTimer::timeout, this, &WalletTracker::recount);
}

void WalletTracker::setWallet(const Wallet& wallet)
{
    const bool same = m_hasWallet && wallet.balance == m_wallet.balance && wallet.locked == m_wallet.locked;
    m_wallet = wallet;
    m_hasWallet = true;
    if (same)
        return;
    emit changed(m_wallet, m_leading);
    scheduleRecount();
}

void WalletTracker::refresh()
{
    const quint64 generation = m_generation;
    m_api.wallet()->onSuccess(this, [this, generation](const Wallet& wallet) {
        if (generation == m_generation)
            setWallet(wallet);
    });
    scheduleRecount();
}

void WalletTracker::scheduleRecount()
{
    if (m_recountInFlight) {
        m_recountAgain = true;
        return;
    }
    if (!m_recountTimer.isActive())
        m_recountTimer.start();
}

void WalletTracker::recount()
{
    if (!m_api.hasToken())
        return;
    m_recountInFlight = true;
    const quint64 generation = m_generation;
    auto* call = m_api.myBids();
    call->onSuccess(this, [this, generation](const Page<AuctionSummary>& page) {
        if (generation != m_generation)
            return;
        m_myBids.setAuctions(page.items);
        const int leading = m_myBids.leadingCount();
        if (leading != m_leading) {
            m_leading = leading;
            emit changed(m_wallet, m_leading);
        }
    });
    // Whatever the outcome, a change that arrived meanwhile gets its own recount.
    connect(call, &ApiReply::finished, this, [this, generation] {
        if (generation != m_generation)
            return;
        m_recountInFlight = false;
        if (std::exchange(m_recountAgain, false))
            scheduleRecount();
    });
}

void WalletTracker::reset()
{
    ++m_generation;
    m_recountTimer.stop();
    m_recountInFlight = false;
    m_recountAgain = false;
    m_hasWallet = false;
    m_wallet = Wallet{};
    m_leading = 0;
    m_myBids.setAuctions({});
    emit changed(m_wallet, m_leading);
}

} // namespace nb::client
