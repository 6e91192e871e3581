#include "client/ClientSettings.h"

#include <QDebug>

namespace nb::client {

QUrl ClientSettings::serverUrl() const
{
    const QString configured = m_settings.value(kServerUrlKey).toString().trimmed();
    if (configured.isEmpty())
        return QUrl(kDefaultServerUrl);
    const QUrl url(configured, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() || (url.scheme() != "http" && url.scheme() != "https")) {
        qWarning().noquote() << "Ignoring" << kServerUrlKey << "=" << configured << "in"
                             << m_settings.fileName() << ": not an http(s) URL";
        return QUrl(kDefaultServerUrl);
    }
    return url;
}

void ClientSettings::setServerUrl(const QUrl& url)
{
    m_settings.setValue(kServerUrlKey, url.toString());
}

QUrl ClientSettings::webSocketUrl() const
{
    const QString configured = m_settings.value(kWebSocketUrlKey).toString().trimmed();
    return configured.isEmpty() ? QUrl() : QUrl(configured, QUrl::StrictMode);
}

void ClientSettings::setWebSocketUrl(const QUrl& url)
{
    if (url.isEmpty())
        m_settings.remove(kWebSocketUrlKey);
    else
        m_settings.setValue(kWebSocketUrlKey, url.toString());
}

QString ClientSettings::language() const
{
    const QString language = m_settings.value(kLanguageKey).toString();
    return language == "en" || language == "ko" ? language : QString();
}

void ClientSettings::setLanguage(const QString& language)
{
    m_settings.setValue(kLanguageKey, language);
}

QString ClientSettings::fileName() const
{
    return m_settings.fileName();
}

} // namespace nb::client
