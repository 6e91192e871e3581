#pragma once

#include "shared/protocol/Objects.h"

#include <QCoreApplication>
#include <QString>

namespace nb::client {

/// The words the UI shows for the protocol's enums, translated: auction states, item conditions,
/// who pays shipping, why an auction ended, ledger entry kinds and notification kinds.
class DisplayNames {
    Q_DECLARE_TR_FUNCTIONS(DisplayNames)

public:
    static QString status(AuctionStatus status);
    static QString condition(ItemCondition condition);
    static QString shippingPayer(ShippingPayer payer);
    static QString endReason(EndReason reason);
    static QString ledgerKind(LedgerKind kind);
    /// "outbid" -> "Outbid"; unknown kinds are shown as sent.
    static QString notificationKind(const QString& kind);
};

} // namespace nb::client
