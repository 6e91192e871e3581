#include "server/services/PasswordHasher.h"

#include <array>
#include <sodium.h>
#include <stdexcept>

namespace nb::services::crypto {

namespace {

void ensureSodium()
{
    static const bool ready = sodium_init() >= 0;
    if (!ready)
        throw std::runtime_error("libsodium could not be initialised");
}

} // namespace

std::string hashPassword(const QString& password)
{
    ensureSodium();
    const QByteArray utf8 = password.toUtf8();
    std::array<char, crypto_pwhash_STRBYTES> out{};
    if (crypto_pwhash_str(out.data(), utf8.constData(), static_cast<unsigned long long>(utf8.size()),
                          crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        throw std::runtime_error("out of memory while hashing a password");
    return std::string(out.data());
}

bool verifyPassword(const std::string& hash, const QString& password)
{
    ensureSodium();
    const QByteArray utf8 = password.toUtf8();
    return crypto_pwhash_str_verify(hash.c_str(), utf8.constData(),
                                    static_cast<unsigned long long>(utf8.size())) == 0;
}

QString newToken()
{
    ensureSodium();
    QByteArray bytes(32, Qt::Uninitialized);
    randombytes_buf(bytes.data(), static_cast<size_t>(bytes.size()));
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::string tokenHash(const QString& token)
{
    ensureSodium();
    const QByteArray utf8 = token.toUtf8();
    std::array<unsigned char, 32> digest{};
    crypto_generichash(digest.data(), digest.size(), reinterpret_cast<const unsigned char*>(utf8.constData()),
                       static_cast<unsigned long long>(utf8.size()), nullptr, 0);
    return std::string(reinterpret_cast<const char*>(digest.data()), digest.size());
}

} // namespace nb::services::crypto
