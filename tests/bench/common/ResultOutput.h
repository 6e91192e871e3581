#pragma once

#include <QJsonObject>
#include <QString>

#include <cstdio>

namespace nb::bench {

/// Writes the result object as indented JSON; does nothing for an empty path. Throws
/// std::runtime_error when the file cannot be written.
void writeJson(const QJsonObject& result, const QString& path);

/// Prints every section of the result as readable lines.
void printSummary(const QJsonObject& result, FILE* out = stdout);

} // namespace nb::bench
