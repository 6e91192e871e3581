#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace nb::client {

class AuctionDetailView;
class CommandLine;
class MainWindow;

// Carries out the hidden command-line options that drive the client without a person, for the
// screenshots in docs/ and for checks: signs in (--login), opens a view (--view, or an auction
// with --view detail), waits until it has settled, saves the window (--screenshot) and quits.
class ScriptedRun : public QObject {
    Q_OBJECT

public:
    ScriptedRun(MainWindow& window, const CommandLine& options, QObject* parent = nullptr);

    // Nothing to do when no hidden option was given.
    bool isNeeded() const;
    void start();

private:
    enum class Step { SignIn, OpenView, OpenAuction, OpenSettings, Settle, Done };

    void poll();
    void openView();
    bool openAuction();
    void capture();
    void fail(const QString& why);

    MainWindow& m_window;
    const CommandLine& m_options;
    Step m_step = Step::SignIn;
    QTimer m_poll;
    QElapsedTimer m_clock;
    QElapsedTimer m_stepClock;
    QPointer<AuctionDetailView> m_detail;
    QPointer<QWidget> m_dialog;
    bool m_detailLoaded = false;
};

} // namespace nb::client
