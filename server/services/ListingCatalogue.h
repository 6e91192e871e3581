#pragma once

#include "server/storage/ListingStore.h"
#include "shared/protocol/Objects.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>
#include <vector>

namespace nb::services {

/// Every active auction's summary as one statement read them, with the listing's orders sorted
/// once: a listing of active auctions is then a walk along one order, with no database at all.
/// Without a title search or a price range the total comes from the catalogue's own counts by
/// scope, region and category, and the walk stops at the end of the page.
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
    /// What the filters test, packed apart from the summaries so that a walk stays in the cache.
    struct Key {
        qint64 regionId = 0;
        Won price = 0;
        int category = 0; // index in m_categories
        bool national = false;
    };
    struct Count {
        int category = 0;
        bool national = false;
        qint64 count = 0;
    };
    class Match;

    const std::vector<int>& order(storage::listings::SearchFilter::Order order, bool& backwards) const;
    qint64 counted(const Match& match, const std::optional<QList<qint64>>& regionIds) const;

    QList<storage::listings::ActiveSummary> m_auctions;
    std::vector<Key> m_keys;
    QHash<QString, int> m_categories;
    QHash<qint64, QList<Count>> m_countsByRegion;
    std::vector<int> m_byEnd;      // ends_at, id
    std::vector<int> m_byCreation; // created_at DESC, id DESC
    std::vector<int> m_byPrice;    // current_price, id (backwards for price_desc)
};

} // namespace nb::services
