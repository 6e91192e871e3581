#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace nb::services {

/// The image type its bytes show ("image/jpeg", "image/png" or "image/webp"), by the format's
/// signature; nothing for anything else.
std::optional<QString> imageTypeOf(const QByteArray& bytes);

/// A declared Content-Type as one of the three accepted types (lower case, parameters such as
/// "; charset=…" dropped); nothing when it is none of them.
std::optional<QString> acceptedImageType(const QString& declaredType);

} // namespace nb::services
