#pragma once

#include <QLocale>
#include <QObject>
#include <QString>

class QTranslator;

namespace nb::client {

// Installs the interface language: NeighborBid's own translation and Qt's (standard buttons and
// dialogs), and the default QLocale that money and dates follow. Switching while running
// replaces the translators; Qt then sends every widget a LanguageChange event, on which each view
// sets its texts again, so the switch is live.
class LanguageManager : public QObject {
    Q_OBJECT

public:
    explicit LanguageManager(QObject* parent = nullptr);

    // "" follows the system's locale; "en" and "ko" choose one. Anything else counts as "".
    void apply(const QString& language);
    QString language() const { return m_language; }
    QLocale locale() const { return m_locale; }

    static QLocale localeFor(const QString& language);

signals:
    void languageChanged(const QString& language);

private:
    QString m_language;
    QLocale m_locale;
    QTranslator* m_appTranslator = nullptr;
    QTranslator* m_qtTranslator = nullptr;
    bool m_applied = false;
};

} // namespace nb::client
