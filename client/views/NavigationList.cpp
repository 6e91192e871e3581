#include "client/views/NavigationList.h"

#include <QPainter>
#include <QStyledItemDelegate>

#include <algorithm>

namespace nb::client {

namespace {

// Paints the row as usual, then a rounded count on the right when the row has a badge.
class BadgeDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        QStyledItemDelegate::paint(painter, option, index);
        const int count = index.data(NavigationList::BadgeRole).toInt();
        if (count <= 0)
            return;
        const QString text = count > 99 ? QStringLiteral("99+") : QString::number(count);
        QFont font = option.font;
        font.setBold(true);
        font.setPointSizeF(font.pointSizeF() * 0.85);
        const QFontMetrics metrics(font);
        const int height = metrics.height() + 2;
        const int width = std::max(height, metrics.horizontalAdvance(text) + height / 2 + 2);
        const QRect badge(option.rect.right() - width - 10, option.rect.center().y() - height / 2, width,
                          height);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(0xC2, 0x4E, 0x1C));
        painter->drawRoundedRect(badge, height / 2.0, height / 2.0);
        painter->setPen(Qt::white);
        painter->setFont(font);
        painter->drawText(badge, Qt::AlignCenter, text);
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        size.setHeight(std::max(size.height(), option.fontMetrics.height() * 2 + 4));
        return size;
    }
};

} // namespace

NavigationList::NavigationList(QWidget* parent)
    : QListWidget(parent)
{
    setObjectName("navigation");
    setItemDelegate(new BadgeDelegate(this));
    setSelectionMode(QAbstractItemView::SingleSelection);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setFrameShape(QFrame::NoFrame);
    const int icon = fontMetrics().height() * 3 / 2;
    setIconSize(QSize(icon, icon));
}

int NavigationList::addEntry(const QIcon& icon, const QString& text)
{
    auto* entry = new QListWidgetItem(icon, text, this);
    entry->setData(BadgeRole, 0);
    return row(entry);
}

void NavigationList::setEntryText(int row, const QString& text)
{
    if (QListWidgetItem* entry = item(row))
        entry->setText(text);
}

void NavigationList::setBadge(int row, int count)
{
    if (QListWidgetItem* entry = item(row)) {
        entry->setData(BadgeRole, count);
        entry->setToolTip(count > 0 ? tr("%n unread", nullptr, count) : QString());
    }
}

int NavigationList::badge(int row) const
{
    const QListWidgetItem* entry = item(row);
    return entry ? entry->data(BadgeRole).toInt() : 0;
}

QSize NavigationList::sizeHint() const
{
    // Wide enough for the longest entry in bold (the selected look) and its badge, in either
    // language; the style sheet's font is known only once polished.
    ensurePolished();
    QFont bold = font();
    bold.setBold(true);
    const QFontMetrics metrics(bold);
    int width = 0;
    for (int i = 0; i < count(); ++i)
        width = std::max(width, metrics.horizontalAdvance(item(i)->text()));
    return QSize(width + iconSize().width() + metrics.height() * 5, QListWidget::sizeHint().height());
}

} // namespace nb::client
