#include "client/views/NoticeBanner.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>
#include <QVariant>

namespace nb::client {

NoticeBanner::NoticeBanner(Kind kind, QWidget* parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_action(new QPushButton(this))
    , m_close(new QToolButton(this))
{
    setObjectName("noticeBanner");
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_action->hide();
    m_close->setAutoRaise(true);
    m_close->setText(QStringLiteral("×"));
    m_close->hide();
    connect(m_action, &QPushButton::clicked, this, &NoticeBanner::actionTriggered);
    connect(m_close, &QToolButton::clicked, this, &QWidget::hide);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 6, 8, 6);
    layout->setSpacing(8);
    layout->addWidget(m_icon);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_action);
    layout->addWidget(m_close);
    setKind(kind);
    hide();
}

void NoticeBanner::setKind(Kind kind)
{
    const char* name = kind == Kind::Warning ? "warning" : kind == Kind::Stale ? "stale" : "info";
    setProperty("kind", QString::fromLatin1(name));
    const int size = fontMetrics().height();
    const QIcon icon = kind == Kind::Info ? style()->standardIcon(QStyle::SP_MessageBoxInformation)
                                          : QIcon(":/icons/nav/offline.svg");
    m_icon->setPixmap(icon.pixmap(size, size));
    // Re-evaluate the style sheet's [kind=…] selectors.
    style()->unpolish(this);
    style()->polish(this);
}

void NoticeBanner::setText(const QString& text)
{
    m_text->setText(text);
}

QString NoticeBanner::text() const
{
    return m_text->text();
}

void NoticeBanner::setClosable(bool closable)
{
    m_close->setVisible(closable);
}

void NoticeBanner::setActionText(const QString& text)
{
    m_action->setText(text);
    m_action->setVisible(!text.isEmpty());
}

void NoticeBanner::showNotice(const QString& text)
{
    setText(text);
    show();
}

} // namespace nb::client
