#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;

namespace nb::client {

class ClientSession;
class RegionPicker;

// Sign in, or create an account (username, password twice, display name, home region). The dialog
// forwards to ClientSession and closes once the session says the user is signed in; refusals are
// shown in the dialog with the server's words.
class LoginDialog : public QDialog {
    Q_OBJECT

public:
    enum class Tab { SignIn, Register };

    explicit LoginDialog(ClientSession& session, QWidget* parent = nullptr);

    void showTab(Tab tab);
    // Fills the sign-in form and submits it (the hidden --login option, tests).
    void signIn(const QString& username, const QString& password);

    QLineEdit* usernameEdit() const { return m_username; }
    QLineEdit* passwordEdit() const { return m_password; }
    QLabel* errorLabel() const { return m_error; }

protected:
    void changeEvent(QEvent* event) override;

private:
    QWidget* createSignInTab();
    QWidget* createRegisterTab();
    void retranslateUi();
    void submit();
    void submitSignIn();
    void submitRegistration();
    void setBusy(bool busy);
    void showError(const QString& message);

    ClientSession& m_session;
    QTabWidget* m_tabs = nullptr;
    QLabel* m_intro = nullptr;
    QLabel* m_usernameCaption = nullptr;
    QLineEdit* m_username = nullptr;
    QLabel* m_passwordCaption = nullptr;
    QLineEdit* m_password = nullptr;
    QLabel* m_newUsernameCaption = nullptr;
    QLineEdit* m_newUsername = nullptr;
    QLabel* m_newPasswordCaption = nullptr;
    QLineEdit* m_newPassword = nullptr;
    QLabel* m_repeatCaption = nullptr;
    QLineEdit* m_repeat = nullptr;
    QLabel* m_displayNameCaption = nullptr;
    QLineEdit* m_displayName = nullptr;
    QLabel* m_regionCaption = nullptr;
    RegionPicker* m_region = nullptr;
    QLabel* m_error = nullptr;
    QPushButton* m_submit = nullptr;
    QPushButton* m_cancel = nullptr;
    bool m_busy = false;
};

} // namespace nb::client
