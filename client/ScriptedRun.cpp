#include "client/ScriptedRun.h"

#include "client/CommandLine.h"
#include "client/MainWindow.h"
#include "client/dialogs/ListingEditorDialog.h"
#include "client/dialogs/LoginDialog.h"
#include "client/dialogs/SettingsDialog.h"
#include "client/session/ClientSession.h"
#include "client/views/AuctionDetailView.h"
#include "client/views/NationalLiveView.h"
#include "client/views/SellingView.h"

#include <QCoreApplication>
#include <QDebug>
#include <QLabel>
#include <QPixmap>

namespace nb::client {

namespace {

constexpr int kPollMs = 200;
constexpr qint64 kSettleMs = 2500;   // images, lists and the chart arrive over localhost by then
constexpr qint64 kGiveUpMs = 30'000; // a server that never answers

} // namespace

ScriptedRun::ScriptedRun(MainWindow& window, const CommandLine& options, QObject* parent)
    : QObject(parent)
    , m_window(window)
    , m_options(options)
{
    m_poll.setInterval(kPollMs);
    connect(&m_poll, &QTimer::timeout, this, &ScriptedRun::poll);
}

bool ScriptedRun::isNeeded() const
{
    return !m_options.loginUser().isEmpty() || !m_options.view().isEmpty() ||
           !m_options.screenshotPath().isEmpty();
}

void ScriptedRun::start()
{
    m_clock.start();
    m_stepClock.start();
    if (!m_options.loginUser().isEmpty()) {
        LoginDialog* login = m_window.showLogin();
        login->signIn(m_options.loginUser(), m_options.loginPassword());
        m_step = Step::SignIn;
    } else {
        m_step = Step::OpenView;
    }
    m_poll.start();
}

void ScriptedRun::poll()
{
    if (m_clock.elapsed() > kGiveUpMs) {
        fail(QStringLiteral("gave up waiting (step %1)").arg(static_cast<int>(m_step)));
        return;
    }
    switch (m_step) {
    case Step::SignIn:
        if (m_window.session().isLoggedIn()) {
            m_step = Step::OpenView;
            m_stepClock.restart();
        } else if (const auto* login = m_window.findChild<LoginDialog*>();
                   login && login->errorLabel()->isVisible()) {
            fail(QStringLiteral("sign-in refused: %1").arg(login->errorLabel()->text()));
        }
        return;
    case Step::OpenView:
        openView();
        return;
    case Step::OpenAuction:
        if (openAuction()) {
            m_step = Step::Settle;
            m_stepClock.restart();
        }
        return;
    case Step::OpenSettings:
        m_dialog = m_window.findChild<SettingsDialog*>();
        if (m_dialog) {
            m_step = Step::Settle;
            m_stepClock.restart();
        }
        return;
    case Step::Settle:
        if (m_detail && !m_detailLoaded)
            return;
        if (m_stepClock.elapsed() >= kSettleMs)
            capture();
        return;
    case Step::Done:
        return;
    }
}

void ScriptedRun::openView()
{
    const QString view = m_options.view();
    if (view == QLatin1String("detail")) {
        m_step = Step::OpenAuction;
        return;
    }
    // The dialogs, for their pictures: the window saved is the dialog's.
    if (view == QLatin1String("login")) {
        m_dialog = m_window.showLogin();
    } else if (view == QLatin1String("newlisting")) {
        m_window.showPage(MainWindow::Page::Selling);
        m_dialog = m_window.sellingView()->newListing();
    } else if (view == QLatin1String("settings")) {
        // exec() blocks in its own loop, which keeps this poll running.
        QTimer::singleShot(0, &m_window, [this] { m_window.showSettings(); });
        m_step = Step::OpenSettings;
        return;
    } else if (!view.isEmpty()) {
        const std::optional<MainWindow::Page> page = MainWindow::pageNamed(view);
        if (!page) {
            fail(QStringLiteral("unknown view %1").arg(view));
            return;
        }
        m_window.showPage(*page);
    }
    m_step = Step::Settle;
    m_stepClock.restart();
}

bool ScriptedRun::openAuction()
{
    const qint64 id =
        m_options.auctionId() > 0 ? m_options.auctionId() : m_window.nationalView()->firstAuctionId();
    if (id <= 0)
        return false; // the national table is still loading
    m_detail = m_window.openAuction(id);
    connect(m_detail, &AuctionDetailView::loaded, this, [this] {
        m_detailLoaded = true;
        m_stepClock.restart();
    });
    return true;
}

void ScriptedRun::capture()
{
    m_step = Step::Done;
    m_poll.stop();
    const QString path = m_options.screenshotPath();
    if (path.isEmpty())
        return; // signed in and opened: the person takes it from here
    QWidget* target = m_dialog   ? m_dialog.data()
                      : m_detail ? static_cast<QWidget*>(m_detail.data())
                                 : &m_window;
    const bool saved = target->grab().save(path, "PNG");
    if (!saved)
        qCritical().noquote() << "Could not save the screenshot to" << path;
    QCoreApplication::exit(saved ? 0 : 1);
}

void ScriptedRun::fail(const QString& why)
{
    m_poll.stop();
    m_step = Step::Done;
    qCritical().noquote() << "neighborbid:" << why;
    if (!m_options.screenshotPath().isEmpty())
        QCoreApplication::exit(1);
}

} // namespace nb::client
