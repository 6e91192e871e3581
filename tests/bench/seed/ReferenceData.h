#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

#include <pqxx/pqxx>
#include <vector>

namespace nb::bench {

/// The installation's reference data the seeder spreads auctions over: real region ids (시/군/구
/// and 읍/면/동 levels) and category slugs, read from the migrated database.
struct ReferenceData {
    std::vector<qint64> districts;      // depth 2
    std::vector<qint64> neighbourhoods; // depth 3
    QStringList categories;
    QHash<QString, qint64> categoryIds; // by slug

    /// Throws std::runtime_error when the database lacks them (not migrated).
    static ReferenceData read(pqxx::work& tx);
};

} // namespace nb::bench
