#pragma once

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QtGlobal>

namespace nb::bench {

/// Every non-success outcome of a run, tallied by its code ("bid_too_low", "http_503", ...).
class ErrorCounts {
public:
    void add(const QString& code);
    void merge(const ErrorCounts& other);
    qint64 total() const;
    /// {code: count}, codes in alphabetical order.
    QJsonObject toJson() const;

private:
    QMap<QString, qint64> counts_;
};

} // namespace nb::bench
