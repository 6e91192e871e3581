#pragma once

#include "shared/protocol/Objects.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace nb {

/// The wire names of the protocol's enums (PROTOCOL.md), the same strings the database stores.

QString toWire(AuctionStatus status);    // scheduled, active, ended, cancelled
QString toWire(ItemCondition condition); // new, like_new, good, fair, poor
QString toWire(ShippingPayer payer);     // seller, buyer
QString toWire(EndReason reason);        // time, buy_now, cancelled
QString toWire(LedgerKind kind); // deposit, withdraw, lock, unlock, settle_pay, settle_receive, buy_now_pay

// Exact, case-sensitive matches; anything else is nullopt.
std::optional<AuctionStatus> auctionStatusFromWire(const QString& name);
std::optional<ItemCondition> itemConditionFromWire(const QString& name);
std::optional<ShippingPayer> shippingPayerFromWire(const QString& name);
std::optional<EndReason> endReasonFromWire(const QString& name);
std::optional<LedgerKind> ledgerKindFromWire(const QString& name);

/// The same, generic over the enum (for readEnum and other templates); defined for the five enums above.
template <typename E>
std::optional<E> fromWire(const QString& name);
/// Every wire name of an enum, in declaration order.
template <typename E>
QStringList wireNames();

template <>
std::optional<AuctionStatus> fromWire<AuctionStatus>(const QString& name);
template <>
std::optional<ItemCondition> fromWire<ItemCondition>(const QString& name);
template <>
std::optional<ShippingPayer> fromWire<ShippingPayer>(const QString& name);
template <>
std::optional<EndReason> fromWire<EndReason>(const QString& name);
template <>
std::optional<LedgerKind> fromWire<LedgerKind>(const QString& name);

template <>
QStringList wireNames<AuctionStatus>();
template <>
QStringList wireNames<ItemCondition>();
template <>
QStringList wireNames<ShippingPayer>();
template <>
QStringList wireNames<EndReason>();
template <>
QStringList wireNames<LedgerKind>();

} // namespace nb
