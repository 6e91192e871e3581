#include "tests/bench/seed/ReferenceData.h"

#include <stdexcept>

namespace nb::bench {

ReferenceData ReferenceData::read(pqxx::work& tx)
{
    ReferenceData data;
    for (const auto& row : tx.exec("SELECT id, depth FROM regions WHERE depth IN (2, 3) ORDER BY id")) {
        if (row[1].as<int>() == 2)
            data.districts.push_back(row[0].as<qint64>());
        else
            data.neighbourhoods.push_back(row[0].as<qint64>());
    }
    for (const auto& row : tx.exec("SELECT id, slug FROM categories ORDER BY id")) {
        const QString slug = QString::fromStdString(row[1].as<std::string>());
        data.categories.append(slug);
        data.categoryIds.insert(slug, row[0].as<qint64>());
    }
    if (data.districts.empty() || data.neighbourhoods.empty() || data.categories.isEmpty())
        throw std::runtime_error("the database has no regions or categories: run "
                                 "`neighborbid-server migrate --database DSN` first");
    return data;
}

} // namespace nb::bench
