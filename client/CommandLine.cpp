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

QCommandLineOption screenshotOption()
{
    // Hidden from --help and so never shown to a user: no translation.
    QCommandLineOption option(QStringList{"screenshot"},
                              "Save the main window to FILE (PNG) once it is shown, then quit.", "FILE");
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
    const QCommandLineOption screenshot = screenshotOption();
    parser.addOption(language);
    parser.addOption(screenshot);
    parser.process(app);
    m_language = parser.value(language);
    m_screenshotPath = parser.value(screenshot);
}

} // namespace nb::client
