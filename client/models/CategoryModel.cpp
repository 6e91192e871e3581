#include "client/models/CategoryModel.h"

#include <QLocale>

namespace nb::client {

CategoryModel::CategoryModel(QObject* parent)
    : QAbstractListModel(parent)
{}

int CategoryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_categories.size()) + (m_includeAll ? 1 : 0);
}

QString CategoryModel::shownName(const Category& category)
{
    if (QLocale().language() == QLocale::Korean && !category.nameKo.isEmpty())
        return category.nameKo;
    return category.name;
}

QVariant CategoryModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    if (m_includeAll && index.row() == 0) {
        if (role == Qt::DisplayRole)
            return tr("All categories");
        if (role == SlugRole)
            return QString();
        return {};
    }
    const Category& category = m_categories.at(index.row() - (m_includeAll ? 1 : 0));
    switch (role) {
    case Qt::DisplayRole:
        return shownName(category);
    case SlugRole:
        return category.slug;
    case CategoryIdRole:
        return category.id;
    default:
        return {};
    }
}

void CategoryModel::setCategories(const QList<Category>& categories)
{
    beginResetModel();
    m_categories = categories;
    endResetModel();
}

void CategoryModel::setIncludeAll(bool includeAll)
{
    if (includeAll == m_includeAll)
        return;
    beginResetModel();
    m_includeAll = includeAll;
    endResetModel();
}

QString CategoryModel::slugAt(int row) const
{
    return data(index(row, 0), SlugRole).toString();
}

int CategoryModel::rowOfSlug(const QString& slug) const
{
    for (int row = 0; row < rowCount(); ++row) {
        if (slugAt(row) == slug)
            return row;
    }
    return -1;
}

QString CategoryModel::nameOf(const QString& slug) const
{
    for (const Category& category : m_categories) {
        if (category.slug == slug)
            return shownName(category);
    }
    return slug;
}

} // namespace nb::client
