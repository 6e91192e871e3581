#include "client/views/ConnectionIndicator.h"

#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>

namespace nb::client {

ConnectionIndicator::ConnectionIndicator(QWidget* parent)
    : QWidget(parent)
    , m_dot(new QLabel(this))
    , m_label(new QLabel(this))
{
    setObjectName("connectionIndicator");
    m_dot->setObjectName("connectionDot");
    m_dot->setText(QStringLiteral("●"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->setSpacing(6);
    layout->addWidget(m_dot);
    layout->addWidget(m_label);
    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, &ConnectionIndicator::refresh);
    refresh();
}

void ConnectionIndicator::setServer(const QUrl& server)
{
    m_server = server;
    refresh();
}

void ConnectionIndicator::setState(ConnectionState state)
{
    m_state = state;
    if (state != ConnectionState::Offline)
        m_retryAtMs = 0;
    refresh();
}

void ConnectionIndicator::setRetryIn(int delayMs)
{
    m_retryAtMs = QDateTime::currentMSecsSinceEpoch() + delayMs;
    refresh();
}

QString ConnectionIndicator::text() const
{
    return m_label->text();
}

void ConnectionIndicator::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QWidget::changeEvent(event);
}

void ConnectionIndicator::refresh()
{
    const QString server = m_server.isEmpty() ? QString() : m_server.authority();
    QString state;
    const char* name = "offline";
    switch (m_state) {
    case ConnectionState::Online:
        state = tr("Online");
        name = "online";
        break;
    case ConnectionState::Connecting:
        state = tr("Connecting…");
        name = "connecting";
        break;
    case ConnectionState::Offline:
        state = tr("Offline");
        break;
    }
    QString text = server.isEmpty() ? state : tr("%1 — %2").arg(state, server);
    const qint64 leftMs = m_retryAtMs - QDateTime::currentMSecsSinceEpoch();
    if (m_state == ConnectionState::Offline && leftMs > 0) {
        const int seconds = static_cast<int>((leftMs + 999) / 1000);
        text = tr("%1 (retrying in %n s)", nullptr, seconds).arg(text);
        if (!m_countdown.isActive())
            m_countdown.start();
    } else {
        m_countdown.stop();
    }
    m_label->setText(text);
    setToolTip(m_state == ConnectionState::Online
                   ? tr("Connected to the server: prices and your wallet update live.")
                   : tr("Not connected: lists show what was last seen, and bidding waits for the "
                        "connection."));
    m_dot->setProperty("state", QString::fromLatin1(name));
    m_dot->style()->unpolish(m_dot);
    m_dot->style()->polish(m_dot);
}

} // namespace nb::client
