#include "client/models/RegionTreeModel.h"

#include <QStringList>

namespace nb::client {

RegionTreeModel::RegionTreeModel(QObject* parent)
    : QAbstractItemModel(parent)
{}

void RegionTreeModel::setRegions(const QList<Region>& regions)
{
    beginResetModel();
    m_nodes.clear();
    m_roots.clear();
    m_nodeOf.clear();
    m_nodes.reserve(static_cast<size_t>(regions.size()));
    for (const Region& region : regions) {
        m_nodeOf.insert(region.id, static_cast<int>(m_nodes.size()));
        m_nodes.push_back(Node{region, -1, 0, {}});
    }
    for (size_t i = 0; i < m_nodes.size(); ++i) {
        Node& node = m_nodes[i];
        const int parent = node.region.parentId ? m_nodeOf.value(*node.region.parentId, -1) : -1;
        node.parent = parent == static_cast<int>(i) ? -1 : parent;
        std::vector<int>& siblings =
            node.parent >= 0 ? m_nodes[static_cast<size_t>(node.parent)].children : m_roots;
        node.row = static_cast<int>(siblings.size());
        siblings.push_back(static_cast<int>(i));
    }
    endResetModel();
}

const RegionTreeModel::Node* RegionTreeModel::nodeAt(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    const quintptr node = index.internalId();
    return node < m_nodes.size() ? &m_nodes[node] : nullptr;
}

QModelIndex RegionTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (column != 0 || row < 0)
        return {};
    const std::vector<int>* siblings = &m_roots;
    if (parent.isValid()) {
        const Node* p = nodeAt(parent);
        if (!p)
            return {};
        siblings = &p->children;
    }
    if (static_cast<size_t>(row) >= siblings->size())
        return {};
    return createIndex(row, 0, static_cast<quintptr>((*siblings)[static_cast<size_t>(row)]));
}

QModelIndex RegionTreeModel::parent(const QModelIndex& child) const
{
    const Node* node = nodeAt(child);
    if (!node || node->parent < 0)
        return {};
    const Node& p = m_nodes[static_cast<size_t>(node->parent)];
    return createIndex(p.row, 0, static_cast<quintptr>(node->parent));
}

int RegionTreeModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return static_cast<int>(m_roots.size());
    if (parent.column() != 0)
        return 0;
    const Node* node = nodeAt(parent);
    return node ? static_cast<int>(node->children.size()) : 0;
}

int RegionTreeModel::columnCount(const QModelIndex&) const
{
    return 1;
}

QVariant RegionTreeModel::data(const QModelIndex& index, int role) const
{
    const Node* node = nodeAt(index);
    if (!node)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return node->region.name;
    case Qt::ToolTipRole:
        return pathOf(node->region.id);
    case RegionIdRole:
        return node->region.id;
    case DepthRole:
        return node->region.depth;
    default:
        return {};
    }
}

QModelIndex RegionTreeModel::indexOf(qint64 regionId) const
{
    const int node = m_nodeOf.value(regionId, -1);
    if (node < 0)
        return {};
    return createIndex(m_nodes[static_cast<size_t>(node)].row, 0, static_cast<quintptr>(node));
}

qint64 RegionTreeModel::regionIdAt(const QModelIndex& index) const
{
    const Node* node = nodeAt(index);
    return node ? node->region.id : 0;
}

QString RegionTreeModel::nameOf(qint64 regionId) const
{
    const int node = m_nodeOf.value(regionId, -1);
    return node < 0 ? QString() : m_nodes[static_cast<size_t>(node)].region.name;
}

QString RegionTreeModel::pathOf(qint64 regionId) const
{
    QStringList names;
    int node = m_nodeOf.value(regionId, -1);
    // The depth bounds the walk even if the data had a cycle.
    for (int guard = 0; node >= 0 && guard < 16; ++guard) {
        names.prepend(m_nodes[static_cast<size_t>(node)].region.name);
        node = m_nodes[static_cast<size_t>(node)].parent;
    }
    return names.join(QStringLiteral(" › "));
}

void RegionTreeModel::collect(int node, QSet<qint64>& into) const
{
    const Node& n = m_nodes[static_cast<size_t>(node)];
    if (into.contains(n.region.id))
        return;
    into.insert(n.region.id);
    for (const int child : n.children)
        collect(child, into);
}

QSet<qint64> RegionTreeModel::subtreeOf(qint64 regionId) const
{
    QSet<qint64> ids;
    const int node = m_nodeOf.value(regionId, -1);
    if (node >= 0)
        collect(node, ids);
    return ids;
}

} // namespace nb::client
