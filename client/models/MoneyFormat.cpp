#include "client/models/MoneyFormat.h"

namespace nb::client {

namespace {

/// The C locale prints no group separators: read numbers as an English speaker would instead.
QLocale groupingLocale(const QLocale& locale)
{
    if (locale.language() == QLocale::C)
        return QLocale(QLocale::English, QLocale::UnitedStates);
    return locale;
}

bool isSeparator(QChar c)
{
    return c == QLatin1Char(',') || c == QLatin1Char('.') || c == QLatin1Char(' ') ||
           c == QLatin1Char('\'') || c == QChar(0x00A0) || c == QChar(0x202F) || c == QChar(0x2019) ||
           c == QChar(0x066C);
}

QString withoutCurrency(QString text)
{
    text = text.trimmed();
    for (const QString& mark : {QStringLiteral("KRW"), QStringLiteral("krw"), QStringLiteral("₩"),
                                QStringLiteral("￦"), QStringLiteral("원")}) {
        if (text.startsWith(mark))
            text = text.mid(mark.size()).trimmed();
        if (text.endsWith(mark))
            text = text.left(text.size() - mark.size()).trimmed();
    }
    return text;
}

} // namespace

QString formatAmount(Won amount, const QLocale& locale)
{
    return groupingLocale(locale).toString(amount);
}

QString formatWon(Won amount, const QLocale& locale)
{
    const QString sign = amount < 0 ? QStringLiteral("-") : QString();
    const QString digits = formatAmount(amount < 0 ? -amount : amount, locale);
    if (locale.language() == QLocale::Korean)
        return sign + digits + QStringLiteral("원");
    return sign + QStringLiteral("₩") + digits;
}

std::optional<Won> parseWon(const QString& input)
{
    const QString text = withoutCurrency(input);
    if (text.isEmpty() || !text.front().isDigit() || !text.back().isDigit())
        return std::nullopt;
    QString digits;
    int groupLength = -1; // digits since the last separator; -1 before the first separator
    int leading = 0;      // digits before the first separator
    for (const QChar c : text) {
        if (c >= QLatin1Char('0') && c <= QLatin1Char('9')) {
            digits.append(c);
            if (groupLength >= 0)
                ++groupLength;
            else
                ++leading;
            continue;
        }
        if (!isSeparator(c))
            return std::nullopt;
        // Each group after a separator has exactly three digits: "12.5" is not twelve thousand.
        if (groupLength >= 0 && groupLength != 3)
            return std::nullopt;
        if (leading > 3 && groupLength < 0)
            return std::nullopt;
        groupLength = 0;
    }
    if (groupLength >= 0 && groupLength != 3)
        return std::nullopt;
    if (digits.size() > 13)
        return std::nullopt;
    bool ok = false;
    const Won value = digits.toLongLong(&ok);
    if (!ok || value > kMaxAmount)
        return std::nullopt;
    return value;
}

} // namespace nb::client
