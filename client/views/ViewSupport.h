#pragma once

#include <QDateTime>
#include <QString>

class QAbstractItemView;
class QTableView;
class QWidget;

namespace nb::client {

// Small helpers the views share, so that every table and every date looks the same.

// Row selection, alternating colours, sorting by clicking a header, no grid, compact rows that
// follow the font (and so the screen's scale).
void setUpAuctionTable(QTableView* table);
// "14:05:09" today, otherwise the locale's short date and time; in local time.
QString formatLocalTime(const QDateTime& at);
// The locale's short date and time, in local time.
QString formatLocalDateTime(const QDateTime& at);
// Sets the "role" the style sheet styles a widget by, and re-applies the sheet: a widget already
// polished (a button a QDialogButtonBox has laid out) would otherwise keep its old look.
void setStyleRole(QWidget* widget, const char* role);

} // namespace nb::client
