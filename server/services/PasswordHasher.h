#pragma once

#include <QByteArray>
#include <QString>

#include <string>

namespace nb::services::crypto {

/// argon2id (libsodium's interactive limits) in its self-describing string form.
std::string hashPassword(const QString& password);
bool verifyPassword(const std::string& hash, const QString& password);

/// A fresh 256-bit session token, URL-safe base64 without padding.
QString newToken();
/// What the database stores instead of the token (BLAKE2b-256 of it).
std::string tokenHash(const QString& token);

} // namespace nb::services::crypto
