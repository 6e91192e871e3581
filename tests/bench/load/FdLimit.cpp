#include "tests/bench/load/FdLimit.h"

#include <sys/resource.h>

namespace nb::bench::load {

qint64 raiseOpenFilesLimit()
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return 0;
    if (limit.rlim_cur < limit.rlim_max) {
        rlimit raised = limit;
        raised.rlim_cur = limit.rlim_max;
        if (setrlimit(RLIMIT_NOFILE, &raised) == 0)
            limit = raised;
    }
    return limit.rlim_cur == RLIM_INFINITY ? qint64(1) << 40 : static_cast<qint64>(limit.rlim_cur);
}

} // namespace nb::bench::load
