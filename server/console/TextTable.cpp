#include "server/console/TextTable.h"

#include <QChar>

#include <algorithm>
#include <utility>

namespace nb::console {

namespace {

// The East Asian Wide and Fullwidth blocks that occur in practice (Hangul, CJK, fullwidth forms,
// emoji); enough for titles typed by people, without a full Unicode width table.
bool isWide(char32_t c)
{
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF && c != 0x303F) ||
           (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
           (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
           (c >= 0x1F900 && c <= 0x1F9FF) || (c >= 0x20000 && c <= 0x3FFFD);
}

int charWidth(char32_t c)
{
    const QChar::Category category = QChar::category(c);
    if (category == QChar::Mark_NonSpacing || category == QChar::Mark_Enclosing ||
        category == QChar::Other_Format)
        return 0;
    return isWide(c) ? 2 : 1;
}

// Control characters (a title with a tab or newline) would break the table's lines.
QString oneLine(const QString& text)
{
    QString line = text;
    for (QChar& c : line) {
        if (c.category() == QChar::Other_Control)
            c = QLatin1Char(' ');
    }
    return line;
}

} // namespace

TextTable::TextTable(QList<Column> columns)
    : m_columns(std::move(columns))
{}

void TextTable::addRow(QStringList cells)
{
    while (cells.size() < m_columns.size())
        cells.append(QString());
    for (int i = 0; i < m_columns.size(); ++i) {
        cells[i] = oneLine(cells[i]);
        if (m_columns[i].maxWidth > 0)
            cells[i] = elide(cells[i], m_columns[i].maxWidth);
    }
    m_rows.append(std::move(cells));
}

int TextTable::displayWidth(const QString& text)
{
    int width = 0;
    for (const char32_t c : text.toUcs4())
        width += charWidth(c);
    return width;
}

QString TextTable::elide(const QString& text, int maxWidth)
{
    if (displayWidth(text) <= maxWidth)
        return text;
    QString cut;
    int width = 0;
    for (const char32_t c : text.toUcs4()) {
        const int w = charWidth(c);
        if (width + w > maxWidth - 1)
            break;
        cut += QString::fromUcs4(&c, 1);
        width += w;
    }
    return cut + QChar(0x2026);
}

QString TextTable::renderRow(const QStringList& cells, const QList<int>& widths) const
{
    QString line;
    for (int i = 0; i < m_columns.size(); ++i) {
        const QString padding(widths[i] - displayWidth(cells[i]), QLatin1Char(' '));
        if (i > 0)
            line += QStringLiteral("  ");
        line += m_columns[i].align == Align::Right ? padding + cells[i] : cells[i] + padding;
    }
    while (line.endsWith(QLatin1Char(' ')))
        line.chop(1);
    return line + QLatin1Char('\n');
}

QString TextTable::render() const
{
    QList<int> widths;
    QStringList headers;
    for (const Column& column : m_columns) {
        widths.append(displayWidth(column.header));
        headers.append(column.header);
    }
    for (const QStringList& row : m_rows) {
        for (int i = 0; i < m_columns.size(); ++i)
            widths[i] = std::max(widths[i], displayWidth(row[i]));
    }
    QString text = renderRow(headers, widths);
    for (const QStringList& row : m_rows)
        text += renderRow(row, widths);
    return text;
}

} // namespace nb::console
