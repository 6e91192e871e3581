#pragma once

#include "server/storage/ListingStore.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace nb::services {

/// The regions and categories that listing filters name, held in memory by the cached listing:
/// only a migration changes them, and resolving them in SQL took a subquery in every count.
class ListingReference {
public:
    ListingReference(const QList<storage::listings::RegionPath>& regions, const QList<Category>& categories);

    /// The region and all its descendants; nullopt when unknown.
    std::optional<QList<qint64>> regionAndDescendants(qint64 regionId) const;
    std::optional<qint64> categoryId(const QString& slug) const;

private:
    QHash<qint64, QList<qint64>> m_subtrees;
    QHash<QString, qint64> m_categories;
};

} // namespace nb::services
