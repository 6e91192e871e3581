#pragma once

#include <QDialog>
#include <QUrl>

class QComboBox;
class QLabel;
class QLineEdit;

namespace nb::client {

class ClientSettings;

// The client's settings: the server's HTTP and WebSocket addresses and the interface language
// (the system's, English or 한국어). OK checks the addresses and stores everything in
// ClientSettings; the main window then applies it at once (reconnects, switches the language live).
class SettingsDialog : public QDialog {
    Q_OBJECT

public:
    explicit SettingsDialog(ClientSettings& settings, QWidget* parent = nullptr);

    QUrl serverUrl() const;
    // Empty: derived from the HTTP address.
    QUrl webSocketUrl() const;
    // "", "en" or "ko".
    QString language() const;
    void setLanguage(const QString& language);

    QComboBox* languageBox() const { return m_language; }

    void accept() override;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void updateWebSocketHint();

    ClientSettings& m_settings;
    QLabel* m_serverCaption = nullptr;
    QLineEdit* m_server = nullptr;
    QLabel* m_wsCaption = nullptr;
    QLineEdit* m_ws = nullptr;
    QLabel* m_languageCaption = nullptr;
    QComboBox* m_language = nullptr;
    QLabel* m_hint = nullptr;
    QLabel* m_error = nullptr;
};

} // namespace nb::client
