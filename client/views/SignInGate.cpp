#include "client/views/SignInGate.h"

#include <QEvent>
#include <QLabel>
#include <QPushButton>
#include <QStackedLayout>
#include <QVBoxLayout>

namespace nb::client {

SignInGate::SignInGate(QWidget* content, std::function<QString()> reason, QWidget* parent)
    : QWidget(parent)
    , m_content(content)
    , m_reason(std::move(reason))
    , m_stack(new QStackedLayout(this))
{
    auto* prompt = new QWidget(this);
    prompt->setObjectName("signInPrompt");
    m_text = new QLabel(prompt);
    m_text->setWordWrap(true);
    m_text->setAlignment(Qt::AlignCenter);
    m_button = new QPushButton(prompt);
    m_button->setProperty("role", "primaryButton");
    connect(m_button, &QPushButton::clicked, this, &SignInGate::signInRequested);
    auto* layout = new QVBoxLayout(prompt);
    layout->addStretch(1);
    layout->addWidget(m_text);
    layout->addSpacing(8);
    layout->addWidget(m_button, 0, Qt::AlignHCenter);
    layout->addStretch(2);

    m_stack->addWidget(prompt);
    m_content->setParent(this);
    m_stack->addWidget(m_content);
    retranslateUi();
    setSignedIn(false);
}

void SignInGate::setSignedIn(bool signedIn)
{
    m_signedIn = signedIn;
    m_stack->setCurrentIndex(signedIn ? 1 : 0);
}

void SignInGate::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void SignInGate::retranslateUi()
{
    m_text->setText(m_reason());
    m_button->setText(tr("Sign in…"));
}

} // namespace nb::client
