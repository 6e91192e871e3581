#pragma once

#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;
class QStackedLayout;

namespace nb::client {

// Shows a view that needs an account (my bids, selling, wallet…) only while signed in; otherwise
// a short explanation and a "Sign in…" button in its place.
class SignInGate : public QWidget {
    Q_OBJECT

public:
    // reason() is called again on every language change, so it returns a translated sentence.
    SignInGate(QWidget* content, std::function<QString()> reason, QWidget* parent = nullptr);

    void setSignedIn(bool signedIn);
    bool isSignedIn() const { return m_signedIn; }
    QWidget* content() const { return m_content; }

signals:
    void signInRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    QWidget* m_content = nullptr;
    std::function<QString()> m_reason;
    QStackedLayout* m_stack = nullptr;
    QLabel* m_text = nullptr;
    QPushButton* m_button = nullptr;
    bool m_signedIn = false;
};

} // namespace nb::client
