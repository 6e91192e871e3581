#include "client/dialogs/SettingsDialog.h"

#include "client/ClientSettings.h"
#include "client/session/ServerAddress.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace nb::client {

SettingsDialog::SettingsDialog(ClientSettings& settings, QWidget* parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_serverCaption(new QLabel(this))
    , m_server(new QLineEdit(this))
    , m_wsCaption(new QLabel(this))
    , m_ws(new QLineEdit(this))
    , m_languageCaption(new QLabel(this))
    , m_language(new QComboBox(this))
    , m_hint(new QLabel(this))
    , m_error(new QLabel(this))
{
    setObjectName("settingsDialog");
    m_server->setObjectName("settingsServer");
    m_ws->setObjectName("settingsWebSocket");
    m_language->setObjectName("settingsLanguage");
    m_hint->setProperty("role", "hint");
    m_hint->setWordWrap(true);
    m_error->setProperty("role", "error");
    m_error->setWordWrap(true);
    m_error->hide();
    m_server->setText(settings.serverUrl().toString());
    m_ws->setText(settings.webSocketUrl().toString());
    // Language names in their own language, so that anyone can find theirs.
    m_language->addItem(QString(), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("한국어"), QStringLiteral("ko"));
    setLanguage(settings.language());
    connect(m_server, &QLineEdit::textChanged, this, &SettingsDialog::updateWebSocketHint);

    auto* form = new QFormLayout;
    form->addRow(m_serverCaption, m_server);
    form->addRow(m_wsCaption, m_ws);
    form->addRow(m_languageCaption, m_language);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_hint);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(fontMetrics().horizontalAdvance('M') * 36);
    retranslateUi();
}

QUrl SettingsDialog::serverUrl() const
{
    return QUrl(m_server->text().trimmed(), QUrl::StrictMode);
}

QUrl SettingsDialog::webSocketUrl() const
{
    const QString text = m_ws->text().trimmed();
    return text.isEmpty() ? QUrl() : QUrl(text, QUrl::StrictMode);
}

QString SettingsDialog::language() const
{
    return m_language->currentData().toString();
}

void SettingsDialog::setLanguage(const QString& language)
{
    const int index = m_language->findData(language);
    m_language->setCurrentIndex(index < 0 ? 0 : index);
}

void SettingsDialog::accept()
{
    const QUrl server = serverUrl();
    if (!server.isValid() || server.host().isEmpty() ||
        (server.scheme() != QLatin1String("http") && server.scheme() != QLatin1String("https"))) {
        m_error->setText(tr("The server address must be an http:// or https:// address, such as "
                            "http://127.0.0.1:8080."));
        m_error->show();
        return;
    }
    const QUrl ws = webSocketUrl();
    if (!ws.isEmpty() && (!ws.isValid() || ws.host().isEmpty() ||
                          (ws.scheme() != QLatin1String("ws") && ws.scheme() != QLatin1String("wss")))) {
        m_error->setText(tr("The live address must be a ws:// or wss:// address, such as "
                            "ws://127.0.0.1:8081/ws, or empty."));
        m_error->show();
        return;
    }
    m_settings.setServerUrl(server);
    m_settings.setWebSocketUrl(ws);
    m_settings.setLanguage(language());
    QDialog::accept();
}

void SettingsDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void SettingsDialog::retranslateUi()
{
    setWindowTitle(tr("Settings"));
    m_serverCaption->setText(tr("Server address"));
    m_wsCaption->setText(tr("Live address (WebSocket)"));
    m_languageCaption->setText(tr("Language"));
    m_language->setItemText(0, tr("System language"));
    updateWebSocketHint();
}

void SettingsDialog::updateWebSocketHint()
{
    const QUrl derived = ServerAddress::defaultWebSocketUrl(serverUrl());
    m_ws->setPlaceholderText(tr("Default: %1").arg(derived.toString()));
    m_hint->setText(tr("The language changes at once. A new server address signs you out and "
                       "connects there."));
}

} // namespace nb::client
