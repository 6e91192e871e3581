#include "client/net/MetaTypes.h"

namespace nb::client {

void registerMetaTypes()
{
    static const bool registered = [] {
        qRegisterMetaType<nb::ApiError>();
        qRegisterMetaType<nb::User>();
        qRegisterMetaType<std::optional<nb::User>>();
        qRegisterMetaType<nb::Wallet>();
        qRegisterMetaType<nb::AuctionSummary>();
        qRegisterMetaType<nb::AuctionDetail>();
        qRegisterMetaType<nb::BidResult>();
        qRegisterMetaType<nb::Notification>();
        qRegisterMetaType<nb::AuctionBidEvent>();
        qRegisterMetaType<nb::AuctionExtendedEvent>();
        qRegisterMetaType<nb::AuctionEndedEvent>();
        qRegisterMetaType<nb::AuctionStartedEvent>();
        return true;
    }();
    Q_UNUSED(registered)
}

} // namespace nb::client
