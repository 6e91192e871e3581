#pragma once

#include "shared/protocol/Objects.h"

#include <QObject>

class QSystemTrayIcon;

namespace nb::client {

// Desktop notifications through the system tray for what matters while the window is in the
// background: outbid, won and sold. Where no tray is available it stays silent; the inbox and its
// badge still have everything.
class TrayNotifier : public QObject {
    Q_OBJECT

public:
    explicit TrayNotifier(QObject* parent = nullptr);

    bool isAvailable() const { return m_tray != nullptr; }
    // Shows the notification when its kind is one worth a desktop message; true when shown.
    bool notify(const nb::Notification& notification);
    // The kinds shown on the desktop.
    static bool isWorthShowing(const QString& kind);
    // The message's title for a kind ("You were outbid").
    static QString titleFor(const QString& kind);

signals:
    // The user clicked the message.
    void activated();

private:
    QSystemTrayIcon* m_tray = nullptr;
};

} // namespace nb::client
