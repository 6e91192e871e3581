#pragma once

#include "client/session/ConnectionState.h"

#include <QTimer>
#include <QUrl>
#include <QWidget>

class QLabel;

namespace nb::client {

// The status bar's connection state: a coloured dot and "Online — 127.0.0.1:8080",
// "Connecting… — …" or "Offline — … (retrying in 4 s)". Fed by ClientSession's signals.
class ConnectionIndicator : public QWidget {
    Q_OBJECT

public:
    explicit ConnectionIndicator(QWidget* parent = nullptr);

    void setServer(const QUrl& server);
    void setState(nb::client::ConnectionState state);
    // The next attempt starts in delayMs (shown while offline).
    void setRetryIn(int delayMs);
    ConnectionState state() const { return m_state; }
    QString text() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void refresh();

    QLabel* m_dot = nullptr;
    QLabel* m_label = nullptr;
    QUrl m_server;
    ConnectionState m_state = ConnectionState::Offline;
    qint64 m_retryAtMs = 0;
    QTimer m_countdown;
};

} // namespace nb::client
