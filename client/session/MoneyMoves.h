#pragma once

#include "client/net/ApiCall.h"
#include "client/net/RequestIds.h"
#include "shared/protocol/Objects.h"

#include <QObject>

#include <functional>
#include <optional>

namespace nb::client {

class ApiClient;

/// The money-moving actions (bid, buy now, deposit, withdraw) with their request_id discipline:
/// one id per user action, repeated when the user tries again after an answer that did not say
/// what happened (network failure, 5xx, rate limit), new once the server gave a definite answer.
/// The guard refuses actions up front (offline, signed out). Part of ClientSession.
class MoneyMoves : public QObject {
    Q_OBJECT

public:
    using Guard = std::function<std::optional<ApiError>()>;

    MoneyMoves(ApiClient& api, Guard guard, QObject* parent = nullptr);

    ApiCall<BidResult>* placeBid(qint64 auctionId, Won amount, std::optional<Won> maxAmount);
    ApiCall<AuctionDetail>* buyNow(qint64 auctionId);
    ApiCall<Wallet>* deposit(Won amount);
    ApiCall<Wallet>* withdraw(Won amount);
    /// The request_id the next attempt of this bid would carry (tests, diagnostics).
    QString pendingBidId(qint64 auctionId, Won amount, std::optional<Won> maxAmount) const;

    /// A call that fails with error on the next event-loop turn without touching the network.
    template <typename T>
    static ApiCall<T>* refused(const ApiError& error, QObject* parent)
    {
        auto* call = new ApiCall<T>([](const QByteArray&) -> Decoded<T> { return T{}; }, parent);
        call->failSoon(error);
        return call;
    }

private:
    template <typename T>
    ApiCall<T>* tracked(ApiCall<T>* call, const QString& fingerprint);
    static QString bidFingerprint(qint64 auctionId, Won amount, std::optional<Won> maxAmount);

    ApiClient& m_api;
    Guard m_guard;
    ActionIds m_actions;
};

} // namespace nb::client
