#include "client/views/MessageBubbleDelegate.h"

#include "client/models/MessageModel.h"

#include <QAbstractItemView>
#include <QDateTime>
#include <QLocale>
#include <QPainter>

#include <algorithm>

namespace nb::client {

namespace {

constexpr int kPadding = 8;
constexpr int kMargin = 6;

QString caption(const QModelIndex& index)
{
    const QDateTime at = index.data(MessageModel::AtRole).toDateTime();
    return QStringLiteral("%1 · %2").arg(index.data(MessageModel::SenderNameRole).toString(),
                                         QLocale().toString(at.toLocalTime(), QLocale::ShortFormat));
}

} // namespace

MessageBubbleDelegate::MessageBubbleDelegate(QObject* parent)
    : QStyledItemDelegate(parent)
{}

QRect MessageBubbleDelegate::textRect(const QStyleOptionViewItem& option, const QString& text, bool mine)
{
    const int maxWidth = std::max(80, option.rect.width() * 7 / 10);
    const QRect bounds =
        option.fontMetrics.boundingRect(QRect(0, 0, maxWidth, 100000), Qt::TextWordWrap, text);
    const int width = std::max(bounds.width(), option.fontMetrics.horizontalAdvance('M') * 6);
    const int left =
        mine ? option.rect.right() - kMargin - kPadding - width : option.rect.left() + kMargin + kPadding;
    const int top = option.rect.top() + kMargin + option.fontMetrics.height() + kPadding;
    return QRect(left, top, width, bounds.height());
}

void MessageBubbleDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                                  const QModelIndex& index) const
{
    const QString text = index.data(Qt::DisplayRole).toString();
    const bool mine = index.data(MessageModel::IsMineRole).toBool();
    const QRect textArea = textRect(option, text, mine);
    const QRect bubble = textArea.adjusted(-kPadding, -kPadding, kPadding, kPadding);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(mine ? QColor(0xFB, 0xE3, 0xCF) : QColor(0xEF, 0xEB, 0xE6));
    painter->drawRoundedRect(bubble, 10, 10);
    painter->setPen(option.palette.color(QPalette::Text));
    painter->drawText(textArea, Qt::TextWordWrap, text);
    QFont small = option.font;
    small.setPointSizeF(small.pointSizeF() * 0.85);
    painter->setFont(small);
    painter->setPen(option.palette.color(QPalette::PlaceholderText));
    const QRect captionRect(option.rect.left() + kMargin, option.rect.top() + kMargin / 2,
                            option.rect.width() - 2 * kMargin, option.fontMetrics.height());
    painter->drawText(captionRect, (mine ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter,
                      caption(index));
    painter->restore();
}

QSize MessageBubbleDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    // A list view asks before it lays rows out: wrap to its viewport's width.
    if (const auto* view = qobject_cast<const QAbstractItemView*>(option.widget))
        opt.rect.setWidth(view->viewport()->width());
    const QRect area = textRect(opt, index.data(Qt::DisplayRole).toString(), false);
    return QSize(opt.rect.width(), area.height() + opt.fontMetrics.height() + 2 * kPadding + 2 * kMargin);
}

} // namespace nb::client
