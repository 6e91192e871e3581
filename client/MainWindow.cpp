#include "client/MainWindow.h"

#include "client/ClientSettings.h"
#include "client/WelcomePanel.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>

namespace nb::client {

MainWindow::MainWindow(const ClientSettings& settings, QWidget* parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("NeighborBid"));
    const QUrl serverUrl = settings.serverUrl();
    setCentralWidget(new WelcomePanel(serverUrl, settings.fileName(), this));
    createMenus();
    createStatusBar(serverUrl);
    resize(960, 640);
}

void MainWindow::createMenus()
{
    QMenu* fileMenu = menuBar()->addMenu(tr("&File"));
    QAction* quit = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu* helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction* about = helpMenu->addAction(tr("&About NeighborBid"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
    QAction* aboutQt = helpMenu->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::createStatusBar(const QUrl& serverUrl)
{
    // Honest state: this build has no network client yet, so it is never connected.
    statusBar()->addWidget(new QLabel(tr("Not connected"), this));
    statusBar()->addPermanentWidget(new QLabel(tr("Server: %1").arg(serverUrl.toDisplayString()), this));
}

void MainWindow::showAbout()
{
    const QString text = tr("<h3>NeighborBid %1</h3>"
                            "<p>Live auctions with the trust of a neighbourhood marketplace.</p>"
                            "<p>Copyright (c) 2026 The NeighborBid authors.<br>"
                            "Free software under the MIT licence.</p>")
                             .arg(QApplication::applicationVersion().toHtmlEscaped());
    QMessageBox::about(this, tr("About NeighborBid"), text);
}

} // namespace nb::client
