#include "shared/protocol/WireEnums.h"

#include <array>
#include <utility>

namespace nb {

namespace {

template <typename E>
using NameTable = std::pair<E, const char*>;

// Each enum's names are listed once; the lookups below go both ways over these tables.
constexpr std::array<NameTable<AuctionStatus>, 4> kStatusNames{{
    {AuctionStatus::Scheduled, "scheduled"},
    {AuctionStatus::Active, "active"},
    {AuctionStatus::Ended, "ended"},
    {AuctionStatus::Cancelled, "cancelled"},
}};

constexpr std::array<NameTable<ItemCondition>, 5> kConditionNames{{
    {ItemCondition::New, "new"},
    {ItemCondition::LikeNew, "like_new"},
    {ItemCondition::Good, "good"},
    {ItemCondition::Fair, "fair"},
    {ItemCondition::Poor, "poor"},
}};

constexpr std::array<NameTable<ShippingPayer>, 2> kPayerNames{{
    {ShippingPayer::Seller, "seller"},
    {ShippingPayer::Buyer, "buyer"},
}};

constexpr std::array<NameTable<EndReason>, 3> kReasonNames{{
    {EndReason::Time, "time"},
    {EndReason::BuyNow, "buy_now"},
    {EndReason::Cancelled, "cancelled"},
}};

constexpr std::array<NameTable<LedgerKind>, 7> kLedgerNames{{
    {LedgerKind::Deposit, "deposit"},
    {LedgerKind::Withdraw, "withdraw"},
    {LedgerKind::Lock, "lock"},
    {LedgerKind::Unlock, "unlock"},
    {LedgerKind::SettlePay, "settle_pay"},
    {LedgerKind::SettleReceive, "settle_receive"},
    {LedgerKind::BuyNowPay, "buy_now_pay"},
}};

template <typename E, std::size_t N>
QString nameOf(const std::array<NameTable<E>, N>& table, E value)
{
    for (const auto& [entry, name] : table) {
        if (entry == value)
            return QString::fromLatin1(name);
    }
    return {};
}

template <typename E, std::size_t N>
std::optional<E> valueOf(const std::array<NameTable<E>, N>& table, const QString& name)
{
    for (const auto& [entry, entryName] : table) {
        if (name == QLatin1String(entryName))
            return entry;
    }
    return std::nullopt;
}

template <typename E, std::size_t N>
QStringList namesOf(const std::array<NameTable<E>, N>& table)
{
    QStringList names;
    for (const auto& entry : table)
        names.append(QString::fromLatin1(entry.second));
    return names;
}

} // namespace

QString toWire(AuctionStatus status)
{
    return nameOf(kStatusNames, status);
}

QString toWire(ItemCondition condition)
{
    return nameOf(kConditionNames, condition);
}

QString toWire(ShippingPayer payer)
{
    return nameOf(kPayerNames, payer);
}

QString toWire(EndReason reason)
{
    return nameOf(kReasonNames, reason);
}

QString toWire(LedgerKind kind)
{
    return nameOf(kLedgerNames, kind);
}

std::optional<AuctionStatus> auctionStatusFromWire(const QString& name)
{
    return valueOf(kStatusNames, name);
}

std::optional<ItemCondition> itemConditionFromWire(const QString& name)
{
    return valueOf(kConditionNames, name);
}

std::optional<ShippingPayer> shippingPayerFromWire(const QString& name)
{
    return valueOf(kPayerNames, name);
}

std::optional<EndReason> endReasonFromWire(const QString& name)
{
    return valueOf(kReasonNames, name);
}

std::optional<LedgerKind> ledgerKindFromWire(const QString& name)
{
    return valueOf(kLedgerNames, name);
}

template <>
std::optional<AuctionStatus> fromWire<AuctionStatus>(const QString& name)
{
    return auctionStatusFromWire(name);
}

template <>
std::optional<ItemCondition> fromWire<ItemCondition>(const QString& name)
{
    return itemConditionFromWire(name);
}

template <>
std::optional<ShippingPayer> fromWire<ShippingPayer>(const QString& name)
{
    return shippingPayerFromWire(name);
}

template <>
std::optional<EndReason> fromWire<EndReason>(const QString& name)
{
    return endReasonFromWire(name);
}

template <>
std::optional<LedgerKind> fromWire<LedgerKind>(const QString& name)
{
    return ledgerKindFromWire(name);
}

template <>
QStringList wireNames<AuctionStatus>()
{
    return namesOf(kStatusNames);
}

template <>
QStringList wireNames<ItemCondition>()
{
    return namesOf(kConditionNames);
}

template <>
QStringList wireNames<ShippingPayer>()
{
    return namesOf(kPayerNames);
}

template <>
QStringList wireNames<EndReason>()
{
    return namesOf(kReasonNames);
}

template <>
QStringList wireNames<LedgerKind>()
{
    return namesOf(kLedgerNames);
}

} // namespace nb
