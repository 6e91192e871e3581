#include "server/services/ImageFormat.h"

namespace nb::services {

namespace {

bool startsWith(const QByteArray& bytes, qsizetype offset, const char* signature, qsizetype length)
{
    return bytes.size() >= offset + length && bytes.mid(offset, length) == QByteArray(signature, length);
}

} // namespace

std::optional<QString> imageTypeOf(const QByteArray& bytes)
{
    if (startsWith(bytes, 0, "\xFF\xD8\xFF", 3))
        return QStringLiteral("image/jpeg");
    if (startsWith(bytes, 0, "\x89PNG\r\n\x1A\n", 8))
        return QStringLiteral("image/png");
    // RIFF container: "RIFF", a 4-byte size, then the form type "WEBP".
    if (startsWith(bytes, 0, "RIFF", 4) && startsWith(bytes, 8, "WEBP", 4))
        return QStringLiteral("image/webp");
    return std::nullopt;
}

std::optional<QString> acceptedImageType(const QString& declaredType)
{
    const QString type = declaredType.section(QLatin1Char(';'), 0, 0).trimmed().toLower();
    if (type == QLatin1String("image/jpeg") || type == QLatin1String("image/png") ||
        type == QLatin1String("image/webp"))
        return type;
    return std::nullopt;
}

} // namespace nb::services
