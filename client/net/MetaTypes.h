#pragma once

#include "shared/ApiError.h"
#include "shared/protocol/Community.h"
#include "shared/protocol/Events.h"
#include "shared/protocol/Objects.h"

#include <QMetaType>

#include <optional>

// The protocol values the client passes through signals, made known to Qt's meta-type system so
// that queued connections, QSignalSpy and QVariant can carry them.
Q_DECLARE_METATYPE(nb::ApiError)
Q_DECLARE_METATYPE(nb::User)
Q_DECLARE_METATYPE(std::optional<nb::User>)
Q_DECLARE_METATYPE(nb::Wallet)
Q_DECLARE_METATYPE(nb::AuctionSummary)
Q_DECLARE_METATYPE(nb::AuctionDetail)
Q_DECLARE_METATYPE(nb::BidResult)
Q_DECLARE_METATYPE(nb::Notification)
Q_DECLARE_METATYPE(nb::AuctionBidEvent)
Q_DECLARE_METATYPE(nb::AuctionExtendedEvent)
Q_DECLARE_METATYPE(nb::AuctionEndedEvent)
Q_DECLARE_METATYPE(nb::AuctionStartedEvent)

namespace nb::client {

/// Registers the types above once; ApiClient and LiveClient call it on construction.
void registerMetaTypes();

} // namespace nb::client
