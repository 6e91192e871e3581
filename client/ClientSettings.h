#pragma once

#include <QSettings>
#include <QString>
#include <QUrl>

namespace nb::client {

// The client's per-user settings (QSettings); one accessor per key, each with its default.
class ClientSettings {
public:
    static constexpr const char* kServerUrlKey = "server/url";
    static constexpr const char* kDefaultServerUrl = "http://127.0.0.1:8080";
    // The WebSocket address when it is not the HTTP host's port 8081 (ServerAddress reads it).
    static constexpr const char* kWebSocketUrlKey = "server/ws_url";
    // "" follows the system's language; otherwise "en" or "ko".
    static constexpr const char* kLanguageKey = "ui/language";

    // The server's HTTP base address; the default when the key is missing or not an http(s) URL.
    QUrl serverUrl() const;
    void setServerUrl(const QUrl& url);
    // The WebSocket address as configured; empty when it follows the HTTP address.
    QUrl webSocketUrl() const;
    void setWebSocketUrl(const QUrl& url);
    QString language() const;
    void setLanguage(const QString& language);
    // Where the settings are stored, so that the user can be told which file to edit.
    QString fileName() const;

private:
    QSettings m_settings;
};

} // namespace nb::client
