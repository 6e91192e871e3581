#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace nb::client {

// The client's command line: --lang picks the interface language; the hidden --screenshot FILE
// saves the main window as a PNG once it is shown and quits (for documentation and checks).
class CommandLine {
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    // Reads --lang alone, before any translation is installed, so that --help can be translated.
    static QString languageOf(const QStringList& arguments);

    // Parses the whole command line; --help, --version and errors print and exit the process.
    explicit CommandLine(const QCoreApplication& app);

    QString language() const { return m_language; }
    QString screenshotPath() const { return m_screenshotPath; }

private:
    QString m_language;
    QString m_screenshotPath;
};

} // namespace nb::client
