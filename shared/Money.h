#pragma once

#include <QtGlobal>

namespace nb {

/// An amount of Korean won. Money is always an integer number of won, never a double.
using Won = qint64;

/// The largest amount the protocol accepts (10^12 won).
constexpr Won kMaxAmount = 1'000'000'000'000LL;

/// True when 0 < amount <= kMaxAmount, the range PROTOCOL.md allows for every amount.
constexpr bool isValidAmount(Won amount)
{
    return amount > 0 && amount <= kMaxAmount;
}

/// Sums two amounts, refusing to overflow past kMaxAmount (returns -1 then).
Won addCapped(Won a, Won b);

} // namespace nb
