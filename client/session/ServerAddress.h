#pragma once

#include <QString>
#include <QUrl>

namespace nb::client {

class ClientSettings;

/// Where the server is: its HTTP base address and its WebSocket address. The WebSocket address
/// defaults to the HTTP host on port 8081, path /ws (wss:// next to https://), and can be set on
/// its own with the setting "server/ws_url" for servers behind a proxy.
struct ServerAddress {
    static constexpr const char* kWebSocketUrlKey = "server/ws_url";
    static constexpr int kDefaultWebSocketPort = 8081;

    QUrl http;
    QUrl ws;

    /// From the user's settings (ClientSettings::serverUrl and "server/ws_url").
    static ServerAddress fromSettings(const ClientSettings& settings);
    /// The HTTP address with its default WebSocket address.
    static ServerAddress fromHttp(const QUrl& http);
    static QUrl defaultWebSocketUrl(const QUrl& http);

    /// Names the server in the keychain entry: "127.0.0.1:8080".
    QString key() const;
    bool operator==(const ServerAddress& other) const { return http == other.http && ws == other.ws; }
    bool operator!=(const ServerAddress& other) const { return !(*this == other); }
};

} // namespace nb::client
