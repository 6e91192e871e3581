#pragma once

#include <QListWidget>

namespace nb::client {

// The main window's left navigation: one row per view with its icon, and an unread badge where a
// view has one (notifications). Rows are addressed by their index, which the main window keeps
// equal to the page index of its stacked widget.
class NavigationList : public QListWidget {
    Q_OBJECT

public:
    static constexpr int BadgeRole = Qt::UserRole + 1;

    explicit NavigationList(QWidget* parent = nullptr);

    int addEntry(const QIcon& icon, const QString& text);
    void setEntryText(int row, const QString& text);
    // 0 hides the badge.
    void setBadge(int row, int count);
    int badge(int row) const;

    QSize sizeHint() const override;
};

} // namespace nb::client
