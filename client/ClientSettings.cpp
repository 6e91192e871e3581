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

QString ClientSettings::fileName() const
{
    return m_settings.fileName();
}

} // namespace nb::client
