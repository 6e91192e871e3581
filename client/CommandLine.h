#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace nb::client {

// The client's command line: --lang picks the interface language. Hidden options drive the client
// for documentation and checks: --server / --ws-url choose the server without touching the
// settings, --login USER:PASSWORD signs in, --view NAME opens a view (national, neighbourhood,
// mybids, watchlist, selling, wallet, notifications, detail; or the dialogs login, newlisting,
// settings), and --screenshot FILE saves the
// window as a PNG once it has settled, then quits.
class CommandLine {
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    // Reads --lang alone, before any translation is installed, so that --help can be translated.
    static QString languageOf(const QStringList& arguments);

    // Parses the whole command line; --help, --version and errors print and exit the process.
    explicit CommandLine(const QCoreApplication& app);

    QString language() const { return m_language; }
    QString screenshotPath() const { return m_screenshotPath; }
    QUrl serverUrl() const { return m_serverUrl; }
    QUrl webSocketUrl() const { return m_webSocketUrl; }
    QString loginUser() const { return m_loginUser; }
    QString loginPassword() const { return m_loginPassword; }
    QString view() const { return m_view; }
    // The auction --view detail opens; 0: the first of the national table.
    qint64 auctionId() const { return m_auctionId; }

private:
    QString m_language;
    QString m_screenshotPath;
    QUrl m_serverUrl;
    QUrl m_webSocketUrl;
    QString m_loginUser;
    QString m_loginPassword;
    QString m_view;
    qint64 m_auctionId = 0;
};

} // namespace nb::client
