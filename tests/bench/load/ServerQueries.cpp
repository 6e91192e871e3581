#include "tests/bench/load/ServerQueries.h"

#include "tests/bench/load/HttpClient.h"
#include "tests/bench/load/RunStats.h"
#include "tests/bench/load/Waiting.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <deque>
#include <memory>
#include <vector>

namespace nb::bench::load {

namespace {

constexpr int kParallel = 4;
constexpr qint64 kWaitMs = 15'000;

} // namespace

ServerQueries::ServerQueries(QUrl httpUrl, RunStats& stats)
    : m_httpUrl(std::move(httpUrl))
    , m_stats(stats)
{}

std::optional<QJsonObject> ServerQueries::getJson(const QString& path)
{
    HttpClient client(m_httpUrl);
    std::optional<HttpReply> reply;
    client.get(path, [&reply](const HttpReply& r) { reply = r; });
    waitUntil([&reply] { return reply.has_value(); }, kWaitMs);
    if (!reply) {
        m_stats.error(QStringLiteral("http_timeout"));
        return std::nullopt;
    }
    if (!reply->ok()) {
        m_stats.error(reply->failure.isEmpty() ? QStringLiteral("http_%1").arg(reply->status)
                                               : reply->failure);
        return std::nullopt;
    }
    const QJsonDocument document = QJsonDocument::fromJson(reply->body);
    if (!document.isObject()) {
        m_stats.error(QStringLiteral("bad_json"));
        return std::nullopt;
    }
    return document.object();
}

QHash<qint64, qint64> ServerQueries::currentSeqs(const QList<qint64>& auctionIds)
{
    QHash<qint64, qint64> seqs;
    std::deque<qint64> queue(auctionIds.begin(), auctionIds.end());
    qsizetype answered = 0;
    QObject guard; // cancels the retry timers still pending when this returns
    std::vector<std::unique_ptr<HttpClient>> clients;
    for (int i = 0; i < kParallel; ++i)
        clients.push_back(std::make_unique<HttpClient>(m_httpUrl));
    // Each client takes the next id when its previous answer is in; a 429 waits as told.
    std::function<void(HttpClient&)> ask = [&](HttpClient& client) {
        if (queue.empty())
            return;
        const qint64 id = queue.front();
        queue.pop_front();
        client.get(QStringLiteral("/api/v1/auctions/%1").arg(id), [&, id](const HttpReply& reply) {
            const QJsonObject body = QJsonDocument::fromJson(reply.body).object();
            if (reply.status == 429) {
                m_stats.note(QStringLiteral("final_check_rate_limited"));
                queue.push_back(id);
                const qint64 retryMs = body.value(QLatin1String("error"))
                                           .toObject()
                                           .value(QLatin1String("details"))
                                           .toObject()
                                           .value(QLatin1String("retry_after_ms"))
                                           .toInteger(200);
                QTimer::singleShot(std::chrono::milliseconds(std::max<qint64>(retryMs, 10)), &guard,
                                   [&ask, &client] { ask(client); });
                return;
            }
            ++answered;
            if (reply.ok() && body.contains(QLatin1String("seq")))
                seqs.insert(id, body.value(QLatin1String("seq")).toInteger());
            else
                m_stats.error(QStringLiteral("final_check_failed"));
            ask(client);
        });
    };
    for (const auto& client : clients)
        ask(*client);
    const qint64 budgetMs = kWaitMs + 100LL * auctionIds.size();
    waitUntil([&] { return answered >= auctionIds.size(); }, budgetMs);
    if (answered < auctionIds.size())
        m_stats.error(QStringLiteral("final_check_timeout"));
    for (const auto& client : clients)
        client->close();
    return seqs;
}

ListingVocabulary ServerQueries::listingVocabulary()
{
    ListingVocabulary vocabulary;
    if (const auto categories = getJson(QStringLiteral("/api/v1/categories"))) {
        for (const QJsonValue& c : categories->value(QLatin1String("items")).toArray())
            vocabulary.categories.append(c.toObject().value(QLatin1String("slug")).toString());
    }
    if (const auto regions = getJson(QStringLiteral("/api/v1/regions"))) {
        for (const QJsonValue& r : regions->value(QLatin1String("items")).toArray()) {
            const QJsonObject region = r.toObject();
            if (region.value(QLatin1String("depth")).toInt() <= 2)
                vocabulary.regions.append(region.value(QLatin1String("id")).toInteger());
        }
    }
    QSet<QString> words;
    const QRegularExpression separators(QStringLiteral("[\\s\\p{P}]+"));
    if (const auto page = getJson(QStringLiteral("/api/v1/auctions?scope=all&page_size=100"))) {
        for (const QJsonValue& a : page->value(QLatin1String("items")).toArray()) {
            for (const QString& word : a.toObject()
                                           .value(QLatin1String("title"))
                                           .toString()
                                           .split(separators, Qt::SkipEmptyParts)) {
                if (word.size() >= 2)
                    words.insert(word.toLower());
            }
        }
    }
    vocabulary.searchWords = QStringList(words.begin(), words.end());
    vocabulary.searchWords.sort();
    vocabulary.searchWords.append(QStringLiteral("nosuchthing")); // a search that finds nothing
    return vocabulary;
}

} // namespace nb::bench::load
