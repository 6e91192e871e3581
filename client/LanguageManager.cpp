#include "client/LanguageManager.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace nb::client {

LanguageManager::LanguageManager(QObject* parent)
    : QObject(parent)
    , m_locale(QLocale::system())
{}

QLocale LanguageManager::localeFor(const QString& language)
{
    if (language == "ko")
        return QLocale(QLocale::Korean, QLocale::SouthKorea);
    if (language == "en")
        return QLocale(QLocale::English, QLocale::UnitedStates);
    return QLocale::system();
}

void LanguageManager::apply(const QString& language)
{
    const QString chosen = language == "en" || language == "ko" ? language : QString();
    const QLocale locale = localeFor(chosen);
    if (m_applied && chosen == m_language && locale == m_locale)
        return;
    m_applied = true;
    m_language = chosen;
    m_locale = locale;
    // The default locale first: views re-read it when the LanguageChange event arrives.
    QLocale::setDefault(locale);

    if (m_appTranslator) {
        QCoreApplication::removeTranslator(m_appTranslator);
        delete m_appTranslator;
        m_appTranslator = nullptr;
    }
    if (m_qtTranslator) {
        QCoreApplication::removeTranslator(m_qtTranslator);
        delete m_qtTranslator;
        m_qtTranslator = nullptr;
    }
    // A missing file is fine: the source strings are English.
    auto* appTranslator = new QTranslator(this);
    if (appTranslator->load(locale, "neighborbid", "_", ":/i18n")) {
        QCoreApplication::installTranslator(appTranslator);
        m_appTranslator = appTranslator;
    } else {
        delete appTranslator;
    }
    auto* qtTranslator = new QTranslator(this);
    if (qtTranslator->load(locale, "qtbase", "_", QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qtTranslator);
        m_qtTranslator = qtTranslator;
    } else {
        delete qtTranslator;
    }
    emit languageChanged(m_language);
}

} // namespace nb::client
