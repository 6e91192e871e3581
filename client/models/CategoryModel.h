#pragma once

#include "shared/protocol/Objects.h"

#include <QAbstractListModel>

namespace nb::client {

/// The categories of GET /api/v1/categories for a combo box: the Korean name in a Korean UI, the
/// English one otherwise, and optionally "All categories" first (slug ""). The listing filter
/// and the listing editor read SlugRole.
class CategoryModel : public QAbstractListModel {
    Q_OBJECT

public:
    enum Role { SlugRole = Qt::UserRole + 1, CategoryIdRole };

    explicit CategoryModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

    void setCategories(const QList<Category>& categories);
    void setIncludeAll(bool includeAll);
    QString slugAt(int row) const;
    int rowOfSlug(const QString& slug) const;
    /// The name to show for a slug (the slug itself when unknown).
    QString nameOf(const QString& slug) const;

private:
    static QString shownName(const Category& category);

    QList<Category> m_categories;
    bool m_includeAll = false;
};

} // namespace nb::client
