#include "client/session/MoneyMoves.h"

#include "client/net/ApiClient.h"

namespace nb::client {

MoneyMoves::MoneyMoves(ApiClient& api, Guard guard, QObject* parent)
    : QObject(parent)
    , m_api(api)
    , m_guard(std::move(guard))
{}

template <typename T>
ApiCall<T>* MoneyMoves::tracked(ApiCall<T>* call, const QString& fingerprint)
{
    connect(call, &ApiReply::failed, this, [this, fingerprint](const ApiError& error) {
        // Without a definite answer the action may have happened: its id stays for the retry.
        const bool definite = error.code != ErrorCode::Unavailable && error.code != ErrorCode::Internal &&
                              error.code != ErrorCode::RateLimited;
        if (definite)
            m_actions.complete(fingerprint);
    });
    connect(call, &ApiReply::succeeded, this, [this, fingerprint] { m_actions.complete(fingerprint); });
    return call;
}

QString MoneyMoves::bidFingerprint(qint64 auctionId, Won amount, std::optional<Won> maxAmount)
{
    return QStringLiteral("bid:%1:%2:%3")
        .arg(auctionId)
        .arg(amount)
        .arg(maxAmount ? QString::number(*maxAmount) : QStringLiteral("-"));
}

QString MoneyMoves::pendingBidId(qint64 auctionId, Won amount, std::optional<Won> maxAmount) const
{
    return m_actions.pendingId(bidFingerprint(auctionId, amount, maxAmount));
}

ApiCall<BidResult>* MoneyMoves::placeBid(qint64 auctionId, Won amount, std::optional<Won> maxAmount)
{
    if (const std::optional<ApiError> refusal = m_guard())
        return refused<BidResult>(*refusal, this);
    const QString fingerprint = bidFingerprint(auctionId, amount, maxAmount);
    return tracked(m_api.placeBid(auctionId, amount, maxAmount, m_actions.idFor(fingerprint)), fingerprint);
}

ApiCall<AuctionDetail>* MoneyMoves::buyNow(qint64 auctionId)
{
    if (const std::optional<ApiError> refusal = m_guard())
        return refused<AuctionDetail>(*refusal, this);
    const QString fingerprint = QStringLiteral("buy:%1").arg(auctionId);
    return tracked(m_api.buyNow(auctionId, m_actions.idFor(fingerprint)), fingerprint);
}

ApiCall<Wallet>* MoneyMoves::deposit(Won amount)
{
    if (const std::optional<ApiError> refusal = m_guard())
        return refused<Wallet>(*refusal, this);
    const QString fingerprint = QStringLiteral("deposit:%1").arg(amount);
    return tracked(m_api.deposit(amount, m_actions.idFor(fingerprint)), fingerprint);
}

ApiCall<Wallet>* MoneyMoves::withdraw(Won amount)
{
    if (const std::optional<ApiError> refusal = m_guard())
        return refused<Wallet>(*refusal, this);
    const QString fingerprint = QStringLiteral("withdraw:%1").arg(amount);
    return tracked(m_api.withdraw(amount, m_actions.idFor(fingerprint)), fingerprint);
}

} // namespace nb::client
