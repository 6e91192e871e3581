#include "client/net/ListingQuery.h"

namespace nb::client {

QString ListingQuery::scopeName(Scope scope)
{
    switch (scope) {
    case Scope::Local:
        return QStringLiteral("local");
    case Scope::National:
        return QStringLiteral("national");
    case Scope::All:
        break;
    }
    return QStringLiteral("all");
}

QString ListingQuery::sortName(Sort sort)
{
    switch (sort) {
    case Sort::Newest:
        return QStringLiteral("newest");
    case Sort::PriceAsc:
        return QStringLiteral("price_asc");
    case Sort::PriceDesc:
        return QStringLiteral("price_desc");
    case Sort::Ending:
        break;
    }
    return QStringLiteral("ending");
}

QUrlQuery ListingQuery::toUrlQuery() const
{
    // Items in a fixed order: cacheKey() relies on it.
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("scope"), scopeName(scope));
    if (regionId)
        query.addQueryItem(QStringLiteral("region"), QString::number(*regionId));
    if (!category.isEmpty())
        query.addQueryItem(QStringLiteral("category"), category);
    const QString trimmed = text.trimmed();
    if (!trimmed.isEmpty())
        query.addQueryItem(QStringLiteral("q"), trimmed);
    if (minPrice)
        query.addQueryItem(QStringLiteral("min_price"), QString::number(*minPrice));
    if (maxPrice)
        query.addQueryItem(QStringLiteral("max_price"), QString::number(*maxPrice));
    if (!status.isEmpty())
        query.addQueryItem(QStringLiteral("status"), status);
    query.addQueryItem(QStringLiteral("sort"), sortName(sort));
    query.addQueryItem(QStringLiteral("page"), QString::number(page));
    query.addQueryItem(QStringLiteral("page_size"), QString::number(pageSize));
    return query;
}

QString ListingQuery::cacheKey() const
{
    return toUrlQuery().toString(QUrl::FullyEncoded);
}

} // namespace nb::client
