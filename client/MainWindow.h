#pragma once

#include <QMainWindow>

namespace nb::client {

class ClientSettings;

// The client's main window: menus, a status bar with the connection state, and the welcome
// panel in the centre until the live auction and neighbourhood views arrive.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(const ClientSettings& settings, QWidget* parent = nullptr);

private:
    void createMenus();
    void createStatusBar(const QUrl& serverUrl);
    void showAbout();
};

} // namespace nb::client
