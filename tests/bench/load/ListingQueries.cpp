#include "tests/bench/load/ListingQueries.h"

#include <QUrlQuery>

namespace nb::bench::load {

namespace {

const QStringList kSorts{QStringLiteral("ending"), QStringLiteral("newest"), QStringLiteral("price_asc"),
                         QStringLiteral("price_desc")};

} // namespace

ListingQueries::ListingQueries(ListingVocabulary vocabulary, quint32 seed)
    : m_vocabulary(std::move(vocabulary))
    , m_random(seed)
{}

QString ListingQueries::next()
{
    QUrlQuery query;
    const int scope = static_cast<int>(m_random() % 10);
    const bool local = scope >= 7 && !m_vocabulary.regions.isEmpty();
    query.addQueryItem(QStringLiteral("scope"), local       ? QStringLiteral("local")
                                                : scope < 4 ? QStringLiteral("all")
                                                            : QStringLiteral("national"));
    if (!m_vocabulary.regions.isEmpty() && (local || chance(20)))
        query.addQueryItem(QStringLiteral("region"), QString::number(pick(m_vocabulary.regions)));
    if (!m_vocabulary.categories.isEmpty() && chance(50))
        query.addQueryItem(QStringLiteral("category"), pick(m_vocabulary.categories));
    if (!m_vocabulary.searchWords.isEmpty() && chance(15))
        query.addQueryItem(QStringLiteral("q"), pick(m_vocabulary.searchWords));
    query.addQueryItem(QStringLiteral("sort"), pick(kSorts));
    query.addQueryItem(QStringLiteral("page"), QString::number(1 + m_random() % 5));
    query.addQueryItem(QStringLiteral("page_size"), QStringLiteral("20"));
    return QStringLiteral("/api/v1/auctions?") + query.toString(QUrl::FullyEncoded);
}

} // namespace nb::bench::load
