#pragma once

#include "shared/Money.h"

#include <QLocale>
#include <QString>

#include <optional>

namespace nb::client {

/// Won as people read it, following the locale: "1,234,000원" in Korean, "₩1,234,000" otherwise
/// (with the locale's digit grouping). Every price, balance and amount the UI shows goes through
/// formatWon; the bid box and the deposit field read what the user typed with parseWon.
QString formatWon(Won amount, const QLocale& locale = QLocale());
/// The number alone, grouped ("1,234,000"): to pre-fill an input field.
QString formatAmount(Won amount, const QLocale& locale = QLocale());
/// Digits with optional group separators (',', '.', spaces, apostrophes; groups of three) and an
/// optional ₩ / 원 / KRW: "1,234,000", "1 234 000원", "₩15000". nullopt for anything else
/// (decimals, letters, empty) and above the protocol's maximum of 10^12.
std::optional<Won> parseWon(const QString& text);

} // namespace nb::client
