#pragma once

#include <QStyledItemDelegate>

namespace nb::client {

// Paints the seller–winner conversation as chat bubbles: the user's own messages on the right in
// the accent tint, the other person's on the left, each with its sender and time.
class MessageBubbleDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    explicit MessageBubbleDelegate(QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

private:
    // The bubble's text area for a row of the given width.
    static QRect textRect(const QStyleOptionViewItem& option, const QString& text, bool mine);
};

} // namespace nb::client
