#include "client/views/TrayNotifier.h"

#include <QApplication>
#include <QSystemTrayIcon>

namespace nb::client {

TrayNotifier::TrayNotifier(QObject* parent)
    : QObject(parent)
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
    m_tray->setToolTip(QApplication::applicationDisplayName());
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, &TrayNotifier::activated);
    connect(m_tray, &QSystemTrayIcon::activated, this, &TrayNotifier::activated);
    m_tray->show();
}

bool TrayNotifier::isWorthShowing(const QString& kind)
{
    return kind == "outbid" || kind == "won" || kind == "sold";
}

QString TrayNotifier::titleFor(const QString& kind)
{
    if (kind == "outbid")
        return tr("You were outbid");
    if (kind == "won")
        return tr("You won an auction");
    if (kind == "sold")
        return tr("Your item sold");
    return QApplication::applicationDisplayName();
}

bool TrayNotifier::notify(const Notification& notification)
{
    if (!m_tray || !isWorthShowing(notification.kind) || !QSystemTrayIcon::supportsMessages())
        return false;
    m_tray->showMessage(titleFor(notification.kind), notification.text, QSystemTrayIcon::Information);
    return true;
}

} // namespace nb::client
