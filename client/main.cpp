#include "client/ClientSettings.h"
#include "client/CommandLine.h"
#include "client/MainWindow.h"

#include <QApplication>
#include <QDebug>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QTimer>
#include <QTranslator>

namespace {

// Installs NeighborBid's translation and Qt's own (standard buttons and dialogs) for the
// locale. A missing file is fine: the source strings are English.
void installTranslations(QApplication& app, const QLocale& locale)
{
    auto* appTranslator = new QTranslator(&app);
    if (appTranslator->load(locale, "neighborbid", "_", ":/i18n"))
        QApplication::installTranslator(appTranslator);
    auto* qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(locale, "qtbase", "_", QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qtTranslator);
}

// Saves the window as a PNG once the event loop has laid it out and painted it, then quits.
void saveScreenshotAndQuit(QWidget& window, const QString& path)
{
    QTimer::singleShot(300, &window, [&window, path] {
        const bool saved = window.grab().save(path, "PNG");
        if (!saved)
            qCritical().noquote() << "Could not save the screenshot to" << path;
        QCoreApplication::exit(saved ? 0 : 1);
    });
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName("NeighborBid");
    QApplication::setApplicationName("neighborbid");
    QApplication::setApplicationDisplayName("NeighborBid");
    QApplication::setApplicationVersion(NEIGHBORBID_VERSION);
    QApplication::setDesktopFileName("neighborbid");
    QApplication::setWindowIcon(QIcon(":/icons/neighborbid.svg"));

    const QString language = nb::client::CommandLine::languageOf(QApplication::arguments());
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    QLocale::setDefault(locale);
    installTranslations(app, locale);
    const nb::client::CommandLine options(app);

    const nb::client::ClientSettings settings;
    nb::client::MainWindow window(settings);
    window.show();
    if (!options.screenshotPath().isEmpty())
        saveScreenshotAndQuit(window, options.screenshotPath());
    return QApplication::exec();
}
