#include "tests/bench/common/ErrorCounts.h"

namespace nb::bench {

void ErrorCounts::add(const QString& code)
{
    ++counts_[code];
}

void ErrorCounts::merge(const ErrorCounts& other)
{
    for (auto it = other.counts_.cbegin(); it != other.counts_.cend(); ++it)
        counts_[it.key()] += it.value();
}

qint64 ErrorCounts::total() const
{
    qint64 sum = 0;
    for (auto it = counts_.cbegin(); it != counts_.cend(); ++it)
        sum += it.value();
    return sum;
}

QJsonObject ErrorCounts::toJson() const
{
    QJsonObject result;
    for (auto it = counts_.cbegin(); it != counts_.cend(); ++it)
        result.insert(it.key(), static_cast<double>(it.value()));
    return result;
}

} // namespace nb::bench
