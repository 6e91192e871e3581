#include "client/WelcomePanel.h"

#include "client/ClientSettings.h"

#include <QApplication>
#include <QDir>
#include <QFont>
#include <QFrame>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>

namespace nb::client {

namespace {

QString code(const QString& text)
{
    return "<code>" + text.toHtmlEscaped() + "</code>";
}

// "~/.config/…" reads better than the full home path, and is what a user would type.
QString withTildeHome(const QString& path)
{
    const QString home = QDir::homePath();
    if (home.length() > 1 && path.startsWith(home + '/'))
        return '~' + path.mid(home.length());
    return path;
}

QLabel* paragraph(const QString& richText, QWidget* parent)
{
    auto* label = new QLabel(richText, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

WelcomePanel::WelcomePanel(const QUrl& serverUrl, const QString& settingsFile, QWidget* parent)
    : QWidget(parent)
{
    auto* icon = new QLabel(this);
    icon->setPixmap(QApplication::windowIcon().pixmap(96, 96));
    icon->setAlignment(Qt::AlignCenter);

    auto* title = new QLabel(QApplication::applicationDisplayName(), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 2.0);
    titleFont.setBold(true);
    title->setFont(titleFont);
    title->setAlignment(Qt::AlignCenter);

    auto* tagline = new QLabel(tr("Live auctions with the trust of a neighbourhood marketplace"), this);
    tagline->setAlignment(Qt::AlignCenter);
    tagline->setWordWrap(true);

    auto* card = new QFrame(this);
    card->setFrameShape(QFrame::StyledPanel);
    card->setMinimumWidth(480);
    card->setMaximumWidth(640);
    auto* cardLayout = new QVBoxLayout(card);
    cardLayout->setContentsMargins(24, 20, 24, 20);
    cardLayout->setSpacing(12);
    cardLayout->addWidget(paragraph(
        tr("This early build of the desktop client does not talk to the server yet. Live national "
           "auctions, your neighbourhood's listings, your wallet and your bids will appear here with "
           "the network release."),
        card));
    cardLayout->addWidget(
        paragraph(tr("When it connects, it will use the server at %1. To use another "
                     "server, set %2 in %3.")
                      .arg(code(serverUrl.toDisplayString()), code(ClientSettings::kServerUrlKey),
                           code(withTildeHome(settingsFile))),
                  card));
    cardLayout->addWidget(
        paragraph(tr("Meanwhile the server runs on its own: start it with %1 and "
                     "manage it with %2.")
                      .arg(code("neighborbid-server serve"), code("neighborbid-server console")),
                  card));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 32, 32, 32);
    layout->setSpacing(12);
    layout->addStretch(1);
    layout->addWidget(icon);
    layout->addWidget(title);
    layout->addWidget(tagline);
    layout->addSpacing(16);
    // Centred by stretches, not by alignment: an aligned widget gets only its size hint, which
    // squeezes word-wrapped text into a narrow column.
    auto* cardRow = new QHBoxLayout;
    cardRow->addStretch(1);
    cardRow->addWidget(card, 4);
    cardRow->addStretch(1);
    layout->addLayout(cardRow);
    layout->addStretch(2);
}

} // namespace nb::client
