#pragma once

#include <QFrame>

class QLabel;
class QPushButton;
class QToolButton;

namespace nb::client {

// A one-line notice across the top of a view: the "stale — offline" banner over cached lists, the
// keychain warning, an error that needs no dialog. Never modal; optionally closable by the user.
// The style sheet colours it by its "kind" property (info, warning, stale).
class NoticeBanner : public QFrame {
    Q_OBJECT

public:
    enum class Kind { Info, Warning, Stale };

    explicit NoticeBanner(Kind kind = Kind::Info, QWidget* parent = nullptr);

    void setKind(Kind kind);
    void setText(const QString& text);
    QString text() const;
    // The close button hides the banner until the next showNotice().
    void setClosable(bool closable);
    // An optional button on the right ("Retry"); empty text hides it.
    void setActionText(const QString& text);

    // Sets the text and shows the banner.
    void showNotice(const QString& text);

signals:
    void actionTriggered();

private:
    QLabel* m_icon = nullptr;
    QLabel* m_text = nullptr;
    QPushButton* m_action = nullptr;
    QToolButton* m_close = nullptr;
};

} // namespace nb::client
