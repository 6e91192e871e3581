#include "client/dialogs/LoginDialog.h"

#include "client/session/ClientSession.h"
#include "client/views/RegionPicker.h"
#include "client/views/ViewSupport.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace nb::client {

LoginDialog::LoginDialog(ClientSession& session, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_tabs(new QTabWidget(this))
    , m_intro(new QLabel(this))
    , m_error(new QLabel(this))
{
    setObjectName("loginDialog");
    m_intro->setWordWrap(true);
    m_intro->setProperty("role", "hint");
    m_error->setObjectName("loginError");
    m_error->setProperty("role", "error");
    m_error->setWordWrap(true);
    m_error->hide();
    m_tabs->addTab(createSignInTab(), QString());
    m_tabs->addTab(createRegisterTab(), QString());
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        m_error->hide();
        retranslateUi();
    });

    auto* buttons = new QDialogButtonBox(this);
    m_submit = buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_submit->setObjectName("loginSubmit");
    m_submit->setDefault(true);
    setStyleRole(m_submit, "primaryButton");
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    connect(m_submit, &QPushButton::clicked, this, &LoginDialog::submit);
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);

    connect(&session, &ClientSession::loggedIn, this, [this] {
        setBusy(false);
        accept();
    });
    connect(&session, &ClientSession::authFailed, this, [this](const ApiError& error) {
        setBusy(false);
        showError(error.message);
    });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_tabs);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    retranslateUi();
    setMinimumWidth(fontMetrics().horizontalAdvance('M') * 32);
}

QWidget* LoginDialog::createSignInTab()
{
    auto* tab = new QWidget(this);
    m_usernameCaption = new QLabel(tab);
    m_username = new QLineEdit(tab);
    m_username->setObjectName("loginUsername");
    m_passwordCaption = new QLabel(tab);
    m_password = new QLineEdit(tab);
    m_password->setObjectName("loginPassword");
    m_password->setEchoMode(QLineEdit::Password);
    connect(m_password, &QLineEdit::returnPressed, this, &LoginDialog::submit);
    auto* form = new QFormLayout(tab);
    form->addRow(m_usernameCaption, m_username);
    form->addRow(m_passwordCaption, m_password);
    return tab;
}

QWidget* LoginDialog::createRegisterTab()
{
    auto* tab = new QWidget(this);
    m_newUsernameCaption = new QLabel(tab);
    m_newUsername = new QLineEdit(tab);
    m_newUsername->setObjectName("registerUsername");
    m_newPasswordCaption = new QLabel(tab);
    m_newPassword = new QLineEdit(tab);
    m_newPassword->setObjectName("registerPassword");
    m_newPassword->setEchoMode(QLineEdit::Password);
    m_repeatCaption = new QLabel(tab);
    m_repeat = new QLineEdit(tab);
    m_repeat->setObjectName("registerRepeat");
    m_repeat->setEchoMode(QLineEdit::Password);
    m_displayNameCaption = new QLabel(tab);
    m_displayName = new QLineEdit(tab);
    m_displayName->setObjectName("registerDisplayName");
    m_regionCaption = new QLabel(tab);
    m_region = new RegionPicker(m_session.regions(), tab);
    m_region->setObjectName("registerRegion");
    auto* form = new QFormLayout(tab);
    form->addRow(m_newUsernameCaption, m_newUsername);
    form->addRow(m_newPasswordCaption, m_newPassword);
    form->addRow(m_repeatCaption, m_repeat);
    form->addRow(m_displayNameCaption, m_displayName);
    form->addRow(m_regionCaption, m_region);
    return tab;
}

void LoginDialog::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(tab == Tab::SignIn ? 0 : 1);
}

void LoginDialog::signIn(const QString& username, const QString& password)
{
    showTab(Tab::SignIn);
    m_username->setText(username);
    m_password->setText(password);
    submit();
}

void LoginDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void LoginDialog::retranslateUi()
{
    setWindowTitle(tr("Sign in to NeighborBid"));
    m_tabs->setTabText(0, tr("Sign in"));
    m_tabs->setTabText(1, tr("Create account"));
    const bool signIn = m_tabs->currentIndex() == 0;
    m_intro->setText(signIn ? tr("Sign in to bid, sell and see your wallet.")
                            : tr("Create an account: your home region decides which neighbourhood "
                                 "listings you see first."));
    m_usernameCaption->setText(tr("Username"));
    m_passwordCaption->setText(tr("Password"));
    m_newUsernameCaption->setText(tr("Username"));
    m_newUsername->setPlaceholderText(tr("3 to 32 letters, digits, _ . -"));
    m_newPasswordCaption->setText(tr("Password"));
    m_newPassword->setPlaceholderText(tr("At least 8 characters"));
    m_repeatCaption->setText(tr("Repeat password"));
    m_displayNameCaption->setText(tr("Display name"));
    m_displayName->setPlaceholderText(tr("How others see you"));
    m_regionCaption->setText(tr("Home region"));
    m_submit->setText(m_busy ? tr("Please wait…") : signIn ? tr("Sign in") : tr("Create account"));
}

void LoginDialog::submit()
{
    if (m_busy)
        return;
    m_error->hide();
    if (m_tabs->currentIndex() == 0)
        submitSignIn();
    else
        submitRegistration();
}

void LoginDialog::submitSignIn()
{
    if (m_username->text().trimmed().isEmpty() || m_password->text().isEmpty()) {
        showError(tr("Enter your username and password."));
        return;
    }
    setBusy(true);
    m_session.login(m_username->text().trimmed(), m_password->text());
}

void LoginDialog::submitRegistration()
{
    if (m_newUsername->text().trimmed().isEmpty() || m_newPassword->text().isEmpty()) {
        showError(tr("Choose a username and a password."));
        return;
    }
    if (m_newPassword->text() != m_repeat->text()) {
        showError(tr("The two passwords differ."));
        return;
    }
    if (!m_region->regionId()) {
        showError(tr("Choose your home region."));
        return;
    }
    const QString displayName = m_displayName->text().trimmed();
    setBusy(true);
    m_session.registerUser(m_newUsername->text().trimmed(), m_newPassword->text(),
                           displayName.isEmpty() ? m_newUsername->text().trimmed() : displayName,
                           m_region->regionId());
}

void LoginDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_tabs->setEnabled(!busy);
    m_submit->setEnabled(!busy);
    retranslateUi();
}

void LoginDialog::showError(const QString& message)
{
    m_error->setText(message);
    m_error->show();
}

} // namespace nb::client
