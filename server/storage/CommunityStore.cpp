#include "server/storage/CommunityStore.h"

#include "server/storage/RowReading.h"
#include "shared/protocol/WireEnums.h"

namespace nb::storage::community {

namespace {

Question readQuestion(const pqxx::row& r)
{
    Question q;
    q.id = r["id"].as<qint64>();
    q.auctionId = r["auction_id"].as<qint64>();
    q.asker = PartyRef{r["asker_id"].as<qint64>(), fields::text(r["asker_name"])};
    q.text = fields::text(r["text"]);
    q.at = fields::time(r["at_ms"]);
    if (!r["answer"].is_null()) {
        q.answer = fields::text(r["answer"]);
        q.answeredAt = fields::time(r["answered_at_ms"]);
    }
    return q;
}

Message readMessage(const pqxx::row& r)
{
    Message m;
    m.id = r["id"].as<qint64>();
    m.auctionId = r["auction_id"].as<qint64>();
    m.sender = PartyRef{r["sender_id"].as<qint64>(), fields::text(r["sender_name"])};
    m.recipientId = r["recipient_id"].as<qint64>();
    m.text = fields::text(r["text"]);
    m.at = fields::time(r["at_ms"]);
    return m;
}

} // namespace

std::optional<AuctionParties> parties(pqxx::work& tx, qint64 auctionId)
{
    const auto result = tx.exec_prepared("community_auction", auctionId);
    if (result.empty())
        return std::nullopt;
    const auto r = result[0];
    AuctionParties p;
    p.auctionId = auctionId;
    p.sellerId = r["seller_id"].as<qint64>();
    p.title = fields::text(r["title"]);
    p.status = auctionStatusFromWire(fields::text(r["status"])).value_or(AuctionStatus::Cancelled);
    p.winnerId = fields::optional<qint64>(r["winner_id"]);
    return p;
}

bool lockForWatch(pqxx::work& tx, qint64 auctionId)
{
    return !tx.exec_prepared("watch_lock_auction", auctionId).empty();
}

bool addWatch(pqxx::work& tx, qint64 userId, qint64 auctionId)
{
    return !tx.exec_prepared("watch_add", userId, auctionId).empty();
}

bool removeWatch(pqxx::work& tx, qint64 userId, qint64 auctionId)
{
    return !tx.exec_prepared("watch_remove", userId, auctionId).empty();
}

QList<Question> questions(pqxx::work& tx, qint64 auctionId)
{
    QList<Question> out;
    for (const auto& r : tx.exec_prepared("question_list", auctionId))
        out.append(readQuestion(r));
    return out;
}

std::optional<Question> question(pqxx::work& tx, qint64 questionId)
{
    const auto result = tx.exec_prepared("question_get", questionId);
    if (result.empty())
        return std::nullopt;
    return readQuestion(result[0]);
}

Question insertQuestion(pqxx::work& tx, qint64 auctionId, qint64 askerId, const QString& text)
{
    return readQuestion(tx.exec_prepared1("question_insert", auctionId, askerId, text.toStdString()));
}

std::optional<Question> answerQuestion(pqxx::work& tx, qint64 questionId, const QString& answer)
{
    const auto result = tx.exec_prepared("question_answer", questionId, answer.toStdString());
    if (result.empty())
        return std::nullopt;
    return readQuestion(result[0]);
}

QList<Message> messages(pqxx::work& tx, qint64 auctionId)
{
    QList<Message> out;
    for (const auto& r : tx.exec_prepared("message_list", auctionId))
        out.append(readMessage(r));
    return out;
}

Message insertMessage(pqxx::work& tx, qint64 auctionId, qint64 senderId, qint64 recipientId,
                      const QString& text)
{
    return readMessage(
        tx.exec_prepared1("message_insert", auctionId, senderId, recipientId, text.toStdString()));
}

std::optional<Review> insertReview(pqxx::work& tx, qint64 auctionId, qint64 reviewerId, qint64 sellerId,
                                   int rating, const QString& text)
{
    const auto result =
        tx.exec_prepared("review_insert", auctionId, reviewerId, sellerId, rating, text.toStdString());
    if (result.empty())
        return std::nullopt;
    const auto r = result[0];
    Review review;
    review.auctionId = r["auction_id"].as<qint64>();
    review.reviewer = PartyRef{r["reviewer_id"].as<qint64>(), fields::text(r["reviewer_name"])};
    review.sellerId = r["seller_id"].as<qint64>();
    review.rating = r["rating"].as<int>();
    review.text = fields::text(r["text"]);
    review.at = fields::time(r["at_ms"]);
    return review;
}

} // namespace nb::storage::community
