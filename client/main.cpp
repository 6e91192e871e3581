#include "client/ClientSettings.h"
#include "client/CommandLine.h"
#include "client/LanguageManager.h"
#include "client/MainWindow.h"
#include "client/ScriptedRun.h"
#include "client/session/ClientSession.h"
#include "client/session/ServerAddress.h"

#include <QApplication>
#include <QFile>
#include <QIcon>

namespace {

// The look of the whole client: calm, readable, with the warm accent of the icon.
void applyStyleSheet(QApplication& app)
{
    QFile style(":/style/neighborbid.qss");
    // Fusion under the sheet: the same shapes on every desktop, which the sheet then colours.
    QApplication::setStyle(QStringLiteral("Fusion"));
    if (style.open(QIODevice::ReadOnly))
        app.setStyleSheet(QString::fromUtf8(style.readAll()));
}

// The command line's server wins over the settings (for scripts); otherwise the settings'.
nb::client::ServerAddress serverAddress(const nb::client::CommandLine& options,
                                        const nb::client::ClientSettings& settings)
{
    if (options.serverUrl().isEmpty())
        return nb::client::ServerAddress::fromSettings(settings);
    nb::client::ServerAddress address = nb::client::ServerAddress::fromHttp(options.serverUrl());
    if (!options.webSocketUrl().isEmpty())
        address.ws = options.webSocketUrl();
    return address;
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

    nb::client::ClientSettings settings;
    nb::client::LanguageManager language;
    const QString chosen = nb::client::CommandLine::languageOf(QApplication::arguments());
    language.apply(chosen.isEmpty() ? settings.language() : chosen);
    const nb::client::CommandLine options(app);
    applyStyleSheet(app);

    nb::client::ClientSession session(serverAddress(options, settings));
    nb::client::MainWindow window(session, settings, language);
    window.show();
    session.start();

    nb::client::ScriptedRun script(window, options);
    if (script.isNeeded())
        script.start();
    return QApplication::exec();
}
