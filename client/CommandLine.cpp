#include "client/CommandLine.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

namespace nb::client {

namespace {

QCommandLineOption languageOption()
{
    return QCommandLineOption(QStringList{"lang"},
                              CommandLine::tr("Show the interface in LANGUAGE (en, ko) instead of the "
                                              "system's language."),
                              CommandLine::tr("LANGUAGE"));
}

// Hidden from --help and so never shown to a user: no translation.
QCommandLineOption hiddenOption(const QString& name, const QString& description, const QString& valueName)
{
    QCommandLineOption option(QStringList{name}, description, valueName);
    option.setFlags(QCommandLineOption::HiddenFromHelp);
    return option;
}

} // namespace

QString CommandLine::languageOf(const QStringList& arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption language = languageOption();
    parser.addOption(language);
    // Every other option is unknown to this parser; the full parse reports real errors later.
    static_cast<void>(parser.parse(arguments));
    return parser.value(language);
}

CommandLine::CommandLine(const QCoreApplication& app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("NeighborBid desktop client: live auctions with the trust of a "
                                        "neighbourhood marketplace."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption language = languageOption();
    const QCommandLineOption screenshot = hiddenOption(
        "screenshot", "Save the main window to FILE (PNG) once it has settled, then quit.", "FILE");
    const QCommandLineOption server = hiddenOption("server", "Use the server at URL (HTTP).", "URL");
    const QCommandLineOption wsUrl = hiddenOption("ws-url", "Use the WebSocket address URL.", "URL");
    const QCommandLineOption login = hiddenOption("login", "Sign in as USER with PASSWORD.", "USER:PASSWORD");
    const QCommandLineOption view = hiddenOption("view", "Open the view NAME.", "NAME");
    const QCommandLineOption auction = hiddenOption("auction", "The auction --view detail opens.", "ID");
    parser.addOptions({language, screenshot, server, wsUrl, login, view, auction});
    parser.process(app);
    m_language = parser.value(language);
    m_screenshotPath = parser.value(screenshot);
    if (parser.isSet(server))
        m_serverUrl = QUrl(parser.value(server), QUrl::StrictMode);
    if (parser.isSet(wsUrl))
        m_webSocketUrl = QUrl(parser.value(wsUrl), QUrl::StrictMode);
    const QString credentials = parser.value(login);
    const qsizetype colon = credentials.indexOf(':');
    if (colon > 0) {
        m_loginUser = credentials.left(colon);
        m_loginPassword = credentials.mid(colon + 1);
    }
    m_view = parser.value(view);
    m_auctionId = parser.value(auction).toLongLong();
}

} // namespace nb::client
