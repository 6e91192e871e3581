#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace nb::transport {

/// Writes JSON the way Qt's QJsonDocument writes it compact (the same escapes and number forms,
/// an object's keys in its sorted order), straight into one growing buffer: for answers sent
/// thousands of times a second, building a QJsonObject per field first and serialising it costs
/// more than the rest of their path.
class JsonBytes {
public:
    explicit JsonBytes(qsizetype reserve) { m_out.reserve(reserve); }

    QByteArray take() { return std::move(m_out); }

    void raw(const char* text) { m_out.append(text); }
    void raw(char c) { m_out.append(c); }

    /// "key": (the caller writes the separating commas)
    void key(const char* name)
    {
        m_out.append('"');
        m_out.append(name);
        m_out.append("\":");
    }

    void integer(qint64 value);
    void boolean(bool value) { m_out.append(value ? "true" : "false"); }
    /// As QJsonValue(double): a whole number within qint64 is written as an integer.
    void number(double value);
    void string(const QString& text);
    /// toWireTime ("2026-01-31T09:05:00.250Z"), or null for an invalid time.
    void time(const QDateTime& time);
    /// Any JSON value, as QJsonDocument would write it (undefined as null).
    void value(const QJsonValue& value);
    void object(const QJsonObject& object);
    void array(const QJsonArray& array);

private:
    void ascii(char16_t u);
    void escape(char16_t u);

    QByteArray m_out;
};

} // namespace nb::transport
