#pragma once

#include <QStringView>

namespace nb::bench::load {

/// Reading values straight from compact JSON text (no whitespace), for the scanners of the
/// per-message path (EventScan, AnswerScan).

/// Whether a value read up to `at` ends there: a comma or a closing brace follows.
bool endsValue(QStringView text, qsizetype at);

/// A plain non-negative integer (no sign, fraction, exponent or leading zero, at most 17 digits,
/// so it cannot overflow) that ends a value at `at`; moves `at` past it.
bool readPlainInteger(QStringView text, qsizetype& at, qint64& value);

} // namespace nb::bench::load
