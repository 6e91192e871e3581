#include "client/session/ServerAddress.h"

#include "client/ClientSettings.h"

#include <QSettings>

namespace nb::client {

QUrl ServerAddress::defaultWebSocketUrl(const QUrl& http)
{
    QUrl ws;
    ws.setScheme(http.scheme() == QLatin1String("https") ? QStringLiteral("wss") : QStringLiteral("ws"));
    ws.setHost(http.host());
    ws.setPort(kDefaultWebSocketPort);
    ws.setPath(QStringLiteral("/ws"));
    return ws;
}

ServerAddress ServerAddress::fromHttp(const QUrl& http)
{
    return ServerAddress{http, defaultWebSocketUrl(http)};
}

ServerAddress ServerAddress::fromSettings(const ClientSettings& settings)
{
    ServerAddress address = fromHttp(settings.serverUrl());
    const QString configured = QSettings().value(kWebSocketUrlKey).toString().trimmed();
    if (!configured.isEmpty()) {
        const QUrl ws(configured, QUrl::StrictMode);
        if (ws.isValid() && !ws.host().isEmpty() &&
            (ws.scheme() == QLatin1String("ws") || ws.scheme() == QLatin1String("wss")))
            address.ws = ws;
    }
    return address;
}

QString ServerAddress::key() const
{
    return QStringLiteral("%1:%2")
        .arg(http.host())
        .arg(http.port(http.scheme() == QLatin1String("https") ? 443 : 80));
}

} // namespace nb::client
