#include "server/services/ListingReference.h"

namespace nb::services {

ListingReference::ListingReference(const QList<storage::listings::RegionPath>& regions,
                                   const QList<Category>& categories)
{
    // Quadratic in the number of regions, once: a few hundred at most.
    for (const auto& region : regions) {
        QList<qint64>& subtree = m_subtrees[region.id];
        for (const auto& other : regions) {
            if (other.path.compare(0, region.path.size(), region.path) == 0)
                subtree.append(other.id);
        }
    }
    for (const Category& category : categories)
        m_categories.insert(category.slug, category.id);
}

std::optional<QList<qint64>> ListingReference::regionAndDescendants(qint64 regionId) const
{
    const auto it = m_subtrees.constFind(regionId);
    if (it == m_subtrees.constEnd())
        return std::nullopt;
    return *it;
}

std::optional<qint64> ListingReference::categoryId(const QString& slug) const
{
    const auto it = m_categories.constFind(slug);
    if (it == m_categories.constEnd())
        return std::nullopt;
    return *it;
}

} // namespace nb::services
