#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <random>

namespace nb::bench::load {

/// What browsing can vary over, read from the server before the run.
struct ListingVocabulary {
    QStringList categories;  // slugs from GET /api/v1/categories
    QList<qint64> regions;   // ids of 시/도 and 시/군/구 from GET /api/v1/regions
    QStringList searchWords; // words of listed titles, for q=
};

/// Listing page paths that vary like real browsing: scope all/national/local (local always with
/// a region), every sort, pages 1..5, a category half of the time, a search now and then.
class ListingQueries {
public:
    ListingQueries(ListingVocabulary vocabulary, quint32 seed);

    QString next();

private:
    template <typename T>
    const T& pick(const QList<T>& items)
    {
        return items[static_cast<qsizetype>(m_random() % static_cast<quint32>(items.size()))];
    }
    bool chance(int percent) { return static_cast<int>(m_random() % 100) < percent; }

    const ListingVocabulary m_vocabulary;
    std::mt19937 m_random;
};

} // namespace nb::bench::load
