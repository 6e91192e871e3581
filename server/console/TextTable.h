#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace nb::console {

/// A plain-text table for the terminal: a header row and columns padded to their widest cell,
/// measured in terminal columns (Hangul and other East Asian wide characters take two).
class TextTable {
public:
    enum class Align { Left, Right };
    struct Column {
        QString header;
        Align align = Align::Left;
        int maxWidth = 0; // 0: unlimited; longer cells are cut with "…"
    };

    explicit TextTable(QList<Column> columns);

    /// One cell per column; missing cells are empty.
    void addRow(QStringList cells);
    int rowCount() const { return static_cast<int>(m_rows.size()); }
    /// The header and every row, each line ending in '\n', without trailing spaces.
    QString render() const;

    /// Terminal columns the text takes.
    static int displayWidth(const QString& text);
    /// text cut to at most maxWidth terminal columns, ending in "…" when it was cut.
    static QString elide(const QString& text, int maxWidth);

private:
    QString renderRow(const QStringList& cells, const QList<int>& widths) const;

    QList<Column> m_columns;
    QList<QStringList> m_rows;
};

} // namespace nb::console
