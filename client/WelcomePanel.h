#pragma once

#include <QUrl>
#include <QWidget>

namespace nb::client {

// The central panel of this early build: says what NeighborBid is, that the live views arrive
// with the network release, and which server the client will use. Shows no invented data.
class WelcomePanel : public QWidget {
    Q_OBJECT

public:
    WelcomePanel(const QUrl& serverUrl, const QString& settingsFile, QWidget* parent = nullptr);
};

} // namespace nb::client
