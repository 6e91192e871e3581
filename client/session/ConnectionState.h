#pragma once

#include <QMetaType>

namespace nb::client {

/// What the status bar shows about the link to the server (ClientSession::connectionState).
enum class ConnectionState {
    Offline,    // no live connection; lists come from the offline cache, bidding is refused
    Connecting, // (re)connecting
    Online,     // live: events flow, bids are accepted
};

} // namespace nb::client

Q_DECLARE_METATYPE(nb::client::ConnectionState)
