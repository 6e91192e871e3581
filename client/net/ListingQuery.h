#pragma once

#include "shared/Money.h"

#include <QString>
#include <QUrlQuery>

#include <optional>

namespace nb::client {

/// The filters of GET /api/v1/auctions (PROTOCOL.md). The neighbourhood view fills one from its
/// controls and hands it to ClientSession::refreshListings; the offline cache keys pages by
/// cacheKey(), so the same filters find the same cached page.
struct ListingQuery {
    enum class Scope { Local, National, All };
    enum class Sort { Ending, Newest, PriceAsc, PriceDesc };

    Scope scope = Scope::Local;
    std::optional<qint64> regionId; // the region and all its descendants
    QString category;               // slug; empty: every category
    QString text;                   // title search; empty: none
    std::optional<Won> minPrice;
    std::optional<Won> maxPrice;
    QString status; // empty: the server's default (active)
    Sort sort = Sort::Ending;
    int page = 1;
    int pageSize = 20;

    QUrlQuery toUrlQuery() const;
    /// The same filters always give the same key (the page included).
    QString cacheKey() const;

    static QString scopeName(Scope scope);
    static QString sortName(Sort sort);
};

} // namespace nb::client
