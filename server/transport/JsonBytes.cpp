#include "server/transport/JsonBytes.h"

#include "shared/TimeFormat.h"

#include <QLocale>
#include <QVariant>

#include <charconv>
#include <cmath>

namespace nb::transport {

namespace {

constexpr char kHexDigits[] = "0123456789abcdef";

struct CivilDate {
    qint64 year;
    qint64 month;
    qint64 day;
};

/// The proleptic Gregorian date of a day counted from 1970-01-01 (H. Hinnant's days-to-civil).
CivilDate civilDate(qint64 days)
{
    const qint64 z = days + 719'468;
    const qint64 era = (z >= 0 ? z : z - 146'096) / 146'097;
    const qint64 dayOfEra = z - era * 146'097;
    const qint64 yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36'524 - dayOfEra / 146'096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 shiftedMonth = (5 * dayOfYear + 2) / 153; // March is 0
    const qint64 day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1;
    const qint64 month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
    return CivilDate{yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day};
}

/// value in exactly width decimal digits, zero-padded.
char* digits(char* out, qint64 value, int width)
{
    for (int i = width - 1; i >= 0; --i) {
        out[i] = static_cast<char>('0' + value % 10);
        value /= 10;
    }
    return out + width;
}

} // namespace

void JsonBytes::integer(qint64 value)
{
    char text[24];
    const auto written = std::to_chars(text, text + sizeof text, value);
    m_out.append(text, written.ptr - text);
}

void JsonBytes::number(double value)
{
    if (!std::isfinite(value)) {
        m_out.append("null");
        return;
    }
    if (value == std::floor(value) && value >= -0x1p63 && value < 0x1p63) {
        integer(static_cast<qint64>(value));
        return;
    }
    m_out.append(QByteArray::number(value, 'g', QLocale::FloatingPointShortest));
}

void JsonBytes::string(const QString& text)
{
    m_out.append('"');
    const QChar* src = text.constData();
    const QChar* const end = src + text.size();
    while (src != end) {
        const char16_t u = (src++)->unicode();
        if (u < 0x80) {
            ascii(u);
        } else if (u < 0x800) {
            m_out.append(static_cast<char>(0xc0 | (u >> 6)));
            m_out.append(static_cast<char>(0x80 | (u & 0x3f)));
        } else if (QChar::isHighSurrogate(u) && src != end && src->isLowSurrogate()) {
            const char32_t c = QChar::surrogateToUcs4(u, (src++)->unicode());
            m_out.append(static_cast<char>(0xf0 | (c >> 18)));
            m_out.append(static_cast<char>(0x80 | ((c >> 12) & 0x3f)));
            m_out.append(static_cast<char>(0x80 | ((c >> 6) & 0x3f)));
            m_out.append(static_cast<char>(0x80 | (c & 0x3f)));
        } else if (QChar::isSurrogate(u)) {
            escape(u); // an unpaired surrogate has no UTF-8 form
        } else {
            m_out.append(static_cast<char>(0xe0 | (u >> 12)));
            m_out.append(static_cast<char>(0x80 | ((u >> 6) & 0x3f)));
            m_out.append(static_cast<char>(0x80 | (u & 0x3f)));
        }
    }
    m_out.append('"');
}

/// Formatted here from the milliseconds: QDateTime::toString cost a tenth of a listing page's
/// time on its own.
void JsonBytes::time(const QDateTime& time)
{
    if (!time.isValid()) {
        m_out.append("null");
        return;
    }
    constexpr qint64 kDayMs = 86'400'000;
    const qint64 ms = time.toMSecsSinceEpoch();
    const qint64 days = ms >= 0 ? ms / kDayMs : -((-ms + kDayMs - 1) / kDayMs);
    const qint64 msOfDay = ms - days * kDayMs;
    const CivilDate date = civilDate(days);
    if (date.year < 1000 || date.year > 9999) { // Qt's own forms for such years
        string(toWireTime(time));
        return;
    }
    char text[26];
    char* p = text;
    *p++ = '"';
    p = digits(p, date.year, 4);
    *p++ = '-';
    p = digits(p, date.month, 2);
    *p++ = '-';
    p = digits(p, date.day, 2);
    *p++ = 'T';
    p = digits(p, msOfDay / 3'600'000, 2);
    *p++ = ':';
    p = digits(p, msOfDay / 60'000 % 60, 2);
    *p++ = ':';
    p = digits(p, msOfDay / 1000 % 60, 2);
    *p++ = '.';
    p = digits(p, msOfDay % 1000, 3);
    *p++ = 'Z';
    *p++ = '"';
    m_out.append(text, p - text);
}

void JsonBytes::value(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        boolean(value.toBool());
        return;
    case QJsonValue::Double:
        // Stored as an integer (QJsonValue(qint64)), written as one at any size.
        if (value.toVariant().typeId() == QMetaType::LongLong)
            integer(value.toInteger());
        else
            number(value.toDouble());
        return;
    case QJsonValue::String:
        string(value.toString());
        return;
    case QJsonValue::Array:
        array(value.toArray());
        return;
    case QJsonValue::Object:
        object(value.toObject());
        return;
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    m_out.append("null");
}

void JsonBytes::object(const QJsonObject& object)
{
    m_out.append('{');
    bool first = true;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (!first)
            m_out.append(',');
        first = false;
        string(it.key());
        m_out.append(':');
        value(it.value());
    }
    m_out.append('}');
}

void JsonBytes::array(const QJsonArray& array)
{
    m_out.append('[');
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (i > 0)
            m_out.append(',');
        value(array.at(i));
    }
    m_out.append(']');
}

void JsonBytes::ascii(char16_t u)
{
    switch (u) {
    case u'"':
        m_out.append("\\\"");
        return;
    case u'\\':
        m_out.append("\\\\");
        return;
    case u'\b':
        m_out.append("\\b");
        return;
    case u'\f':
        m_out.append("\\f");
        return;
    case u'\n':
        m_out.append("\\n");
        return;
    case u'\r':
        m_out.append("\\r");
        return;
    case u'\t':
        m_out.append("\\t");
        return;
    default:
        break;
    }
    if (u < 0x20)
        escape(u);
    else
        m_out.append(static_cast<char>(u));
}

void JsonBytes::escape(char16_t u)
{
    const char text[] = {'\\',
                         'u',
                         kHexDigits[(u >> 12) & 0xf],
                         kHexDigits[(u >> 8) & 0xf],
                         kHexDigits[(u >> 4) & 0xf],
                         kHexDigits[u & 0xf]};
    m_out.append(text, sizeof text);
}

} // namespace nb::transport
