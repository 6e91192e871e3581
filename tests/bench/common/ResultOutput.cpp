#include "tests/bench/common/ResultOutput.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QStringList>

#include <cmath>
#include <stdexcept>

namespace nb::bench {

namespace {

// Sections in the order a reader wants them; anything else follows alphabetically.
const QStringList kSectionOrder{
    QStringLiteral("scenario"),    QStringLiteral("started_at"),  QStringLiteral("duration_s"),
    QStringLiteral("params"),      QStringLiteral("bids"),        QStringLiteral("ack_ms"),
    QStringLiteral("delivery_ms"), QStringLiteral("errors"),      QStringLiteral("events"),
    QStringLiteral("listing"),     QStringLiteral("connections"), QStringLiteral("server"),
};

QString scalarText(const QJsonValue& value)
{
    if (value.isDouble()) {
        const double number = value.toDouble();
        if (std::floor(number) == number && std::fabs(number) < 1e15)
            return QString::number(static_cast<qint64>(number));
        return QString::number(number, 'f', 3);
    }
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.isString())
        return value.toString();
    if (value.isNull())
        return QStringLiteral("null");
    return QString::fromUtf8(value.isObject()
                                 ? QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact)
                                 : QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
}

// "a=1 b=2 c: x=3 y=4" for one object, nested objects inline.
QString objectText(const QJsonObject& object)
{
    QStringList parts;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (it.value().isObject())
            parts << QStringLiteral("%1: {%2}").arg(it.key(), objectText(it.value().toObject()));
        else
            parts << QStringLiteral("%1=%2").arg(it.key(), scalarText(it.value()));
    }
    return parts.join(QLatin1Char(' '));
}

void printSection(const QString& key, const QJsonValue& value, FILE* out)
{
    const QByteArray name = key.toUtf8();
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        std::fprintf(out, "%-12s %s\n", name.constData(),
                     object.isEmpty() ? "(none)" : objectText(object).toUtf8().constData());
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        if (array.isEmpty())
            std::fprintf(out, "%-12s (none)\n", name.constData());
        for (const QJsonValue& element : array) {
            const QString text = element.isObject() ? objectText(element.toObject()) : scalarText(element);
            std::fprintf(out, "%-12s %s\n", name.constData(), text.toUtf8().constData());
        }
    } else {
        std::fprintf(out, "%-12s %s\n", name.constData(), scalarText(value).toUtf8().constData());
    }
}

} // namespace

void writeJson(const QJsonObject& result, const QString& path)
{
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        throw std::runtime_error(
            QStringLiteral("%1: cannot write: %2").arg(path, file.errorString()).toStdString());
    const QByteArray bytes = QJsonDocument(result).toJson(QJsonDocument::Indented);
    if (file.write(bytes) != bytes.size())
        throw std::runtime_error(
            QStringLiteral("%1: write failed: %2").arg(path, file.errorString()).toStdString());
}

void printSummary(const QJsonObject& result, FILE* out)
{
    for (const QString& key : kSectionOrder) {
        if (result.contains(key))
            printSection(key, result.value(key), out);
    }
    for (auto it = result.constBegin(); it != result.constEnd(); ++it) {
        if (!kSectionOrder.contains(it.key()))
            printSection(it.key(), it.value(), out);
    }
    std::fflush(out);
}

} // namespace nb::bench
