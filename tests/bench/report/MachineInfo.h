#pragma once

#include <QString>

namespace nb::bench {

/// What the report says about the machine the figures come from, read from /proc and uname.
struct MachineInfo {
    QString cpuModel;
    int cores = 0;
    double memoryGiB = 0;
    QString kernel;

    static MachineInfo read();
};

} // namespace nb::bench
