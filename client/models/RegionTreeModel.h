#pragma once

#include "shared/protocol/Objects.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QSet>

#include <vector>

namespace nb::client {

/// The regions as a tree, 시/도 > 시/군/구 > 읍/면/동, built from GET /api/v1/regions' flat list.
/// The neighbourhood view shows it in a QTreeView (or a combo box) and filters by RegionIdRole:
/// the server's `region` filter matches the region and all its descendants. indexOf() selects
/// the user's own region at start.
class RegionTreeModel : public QAbstractItemModel {
    Q_OBJECT

public:
    enum Role { RegionIdRole = Qt::UserRole + 1, DepthRole };

    explicit RegionTreeModel(QObject* parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex& parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

    /// Children keep the server's order within each parent; a region whose parent is unknown
    /// becomes a top-level one.
    void setRegions(const QList<Region>& regions);
    bool isEmpty() const { return m_nodes.empty(); }

    QModelIndex indexOf(qint64 regionId) const;
    qint64 regionIdAt(const QModelIndex& index) const;
    QString nameOf(qint64 regionId) const;
    /// "서울특별시 › 강남구 › 역삼동".
    QString pathOf(qint64 regionId) const;
    /// The region and every region below it.
    QSet<qint64> subtreeOf(qint64 regionId) const;

private:
    struct Node {
        Region region;
        int parent = -1;
        int row = 0;
        std::vector<int> children;
    };

    const Node* nodeAt(const QModelIndex& index) const;
    void collect(int node, QSet<qint64>& into) const;

    std::vector<Node> m_nodes;
    std::vector<int> m_roots;
    QHash<qint64, int> m_nodeOf;
};

} // namespace nb::client
