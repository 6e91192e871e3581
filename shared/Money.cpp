#include "shared/Money.h"

namespace nb {

Won addCapped(Won a, Won b)
{
    if (a < 0 || b < 0 || a > kMaxAmount - b)
        return -1;
    return a + b;
}

} // namespace nb
