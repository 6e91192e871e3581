#pragma once

#include "server/storage/ListingStore.h"
#include "shared/protocol/Objects.h"

#include <QList>

#include <optional>
#include <vector>

namespace nb::services {

/// Every active auction's summary as one statement read them, with the listing's orders sorted
/// once: a listing of active auctions is then a walk along one order, with no database at all.
/// A title search compares the lowered title the database stored with the search text as the
/// database lowers it: a substring of UTF-8 bytes is a substring of characters, which is what
/// LIKE '%text%' (its wildcards escaped) finds. Immutable, so threads share it freely.
class ListingCatalogue {
public:
    explicit ListingCatalogue(QList<storage::listings::ActiveSummary> auctions);

    qsizetype size() const { return m_auctions.size(); }

    /// Whether find() answers the filter: active auctions.
    static bool answers(const storage::listings::SearchFilter& filter);
    /// The filter's total and page, as the database would give them from the same snapshot.
    /// regionIds: the region and its descendants (nullopt: every region); titleLower: the title
    /// search's text as the database lowers it (storage::listings::lowered()), when there is one.
    storage::listings::SearchResult find(const storage::listings::SearchFilter& filter,
                                         const std::optional<QList<qint64>>& regionIds,
                                         const QByteArray& titleLower = {}) const;

private:
    QList<storage::listings::ActiveSummary> m_auctions;
    std::vector<int> m_byEnd;      // ends_at, id
    std::vector<int> m_byCreation; // created_at DESC, id DESC
    std::vector<int> m_byPrice;    // current_price, id (backwards for price_desc)
};

} // namespace nb::services
