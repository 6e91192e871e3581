#include "server/services/CommunityService.h"

#include "server/services/ServiceError.h"
#include "server/services/TransactionScope.h"
#include "server/services/UserEvents.h"
#include "server/storage/CommunityStore.h"
#include "shared/protocol/CommunityJson.h"

namespace nb::services {

namespace sc = storage::community;

namespace {

/// What someone wrote, without surrounding white space, refused when empty (unless allowed) or
/// longer than maxLength characters (Unicode code points, as the database counts them).
QString checkedText(const QString& text, const char* field, int maxLength, bool allowEmpty = false)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty() && !allowEmpty)
        fail(ErrorCode::BadRequest, QStringLiteral("%1 must not be empty.").arg(QLatin1String(field)),
             QJsonObject{{"field", QLatin1String(field)}});
    if (trimmed.toUcs4().size() > maxLength)
        fail(ErrorCode::BadRequest,
             QStringLiteral("%1 may have at most %2 characters.").arg(QLatin1String(field)).arg(maxLength),
             QJsonObject{{"field", QLatin1String(field)}});
    return trimmed;
}

sc::AuctionParties requireAuction(pqxx::work& tx, qint64 auctionId)
{
    auto parties = sc::parties(tx, auctionId);
    if (!parties)
        fail(ErrorCode::NotFound, QStringLiteral("There is no such auction."));
    return *parties;
}

/// After the end, the seller and the winner talk: returns the other one of the two.
qint64 requireConversationPartner(const sc::AuctionParties& a, qint64 userId)
{
    if (a.status != AuctionStatus::Ended || !a.winnerId)
        fail(ErrorCode::Conflict, QStringLiteral("Messages open once the auction has ended with a winner."));
    if (userId == a.sellerId)
        return *a.winnerId;
    if (userId == *a.winnerId)
        return a.sellerId;
    fail(ErrorCode::Forbidden, QStringLiteral("Only the seller and the winner can see these messages."));
}

} // namespace

CommunityService::CommunityService(storage::ConnectionPool& pool, ListingChanges listingChanges)
    : m_pool(pool)
    , m_listingChanges(listingChanges)
{}

void CommunityService::watch(qint64 userId, qint64 auctionId)
{
    transact(m_pool, "watch auction", [&](pqxx::work& tx) {
        if (!sc::lockForWatch(tx, auctionId))
            fail(ErrorCode::NotFound, QStringLiteral("There is no such auction."));
        sc::addWatch(tx, userId, auctionId);
    });
    m_listingChanges.summariesChanged();
}

void CommunityService::unwatch(qint64 userId, qint64 auctionId)
{
    transact(m_pool, "unwatch auction", [&](pqxx::work& tx) {
        if (!sc::lockForWatch(tx, auctionId))
            fail(ErrorCode::NotFound, QStringLiteral("There is no such auction."));
        sc::removeWatch(tx, userId, auctionId);
    });
    m_listingChanges.summariesChanged();
}

QList<Question> CommunityService::questions(qint64 auctionId)
{
    return transact(m_pool, "list questions", [&](pqxx::work& tx) {
        requireAuction(tx, auctionId);
        return sc::questions(tx, auctionId);
    });
}

Question CommunityService::ask(qint64 userId, qint64 auctionId, const QString& text)
{
    const QString question = checkedText(text, "text", kMaxQuestionLength);
    return transact(m_pool, "ask question", [&](pqxx::work& tx) {
        const sc::AuctionParties a = requireAuction(tx, auctionId);
        if (a.sellerId == userId)
            fail(ErrorCode::Forbidden, QStringLiteral("You cannot ask about your own item."));
        const Question asked = sc::insertQuestion(tx, auctionId, userId, question);
        notifyUser(
            tx, a.sellerId, QStringLiteral("question"), auctionId,
            QStringLiteral("%1 asked about \"%2\": %3").arg(asked.asker.displayName, a.title, asked.text));
        return asked;
    });
}

Question CommunityService::answer(qint64 userId, qint64 auctionId, qint64 questionId, const QString& text)
{
    const QString answerText = checkedText(text, "text", kMaxQuestionLength);
    return transact(m_pool, "answer question", [&](pqxx::work& tx) {
        const sc::AuctionParties a = requireAuction(tx, auctionId);
        const auto asked = sc::question(tx, questionId);
        if (!asked || asked->auctionId != auctionId)
            fail(ErrorCode::NotFound, QStringLiteral("There is no such question on this auction."));
        if (a.sellerId != userId)
            fail(ErrorCode::Forbidden, QStringLiteral("Only the seller can answer questions."));
        const auto answered = sc::answerQuestion(tx, questionId, answerText);
        if (!answered)
            fail(ErrorCode::Conflict, QStringLiteral("This question has been answered already."));
        notifyUser(tx, answered->asker.id, QStringLiteral("answer"), auctionId,
                   QStringLiteral("The seller of \"%1\" answered your question: %2")
                       .arg(a.title, *answered->answer));
        return *answered;
    });
}

QList<Message> CommunityService::messages(qint64 userId, qint64 auctionId)
{
    return transact(m_pool, "list messages", [&](pqxx::work& tx) {
        requireConversationPartner(requireAuction(tx, auctionId), userId);
        return sc::messages(tx, auctionId);
    });
}

Message CommunityService::sendMessage(qint64 userId, qint64 auctionId, const QString& text)
{
    const QString body = checkedText(text, "text", kMaxMessageLength);
    return transact(m_pool, "send message", [&](pqxx::work& tx) {
        const sc::AuctionParties a = requireAuction(tx, auctionId);
        const qint64 recipientId = requireConversationPartner(a, userId);
        const Message sent = sc::insertMessage(tx, auctionId, userId, recipientId, body);
        notifyUser(tx, recipientId, QStringLiteral("message"), auctionId,
                   QStringLiteral("Message from %1 about \"%2\": %3")
                       .arg(sent.sender.displayName, a.title, sent.text));
        return sent;
    });
}

Review CommunityService::review(qint64 userId, qint64 auctionId, int rating, const QString& text)
{
    if (rating < kMinRating || rating > kMaxRating)
        fail(ErrorCode::BadRequest,
             QStringLiteral("rating must be %1 to %2.").arg(kMinRating).arg(kMaxRating),
             QJsonObject{{"field", "rating"}});
    const QString body = checkedText(text, "text", kMaxReviewLength, true);
    Review written = transact(m_pool, "review seller", [&](pqxx::work& tx) {
        const sc::AuctionParties a = requireAuction(tx, auctionId);
        if (a.status != AuctionStatus::Ended)
            fail(ErrorCode::Conflict,
                 QStringLiteral("You can review the seller once the auction has ended."));
        if (!a.winnerId || *a.winnerId != userId)
            fail(ErrorCode::Forbidden, QStringLiteral("Only the winner can review the seller."));
        const auto stored = sc::insertReview(tx, auctionId, userId, a.sellerId, rating, body);
        if (!stored)
            fail(ErrorCode::Conflict,
                 QStringLiteral("You have reviewed this seller for this auction already."));
        notifyUser(tx, a.sellerId, QStringLiteral("review"), auctionId,
                   QStringLiteral("%1 rated you %2 of 5 for \"%3\".")
                       .arg(stored->reviewer.displayName, QString::number(rating), a.title));
        return *stored;
    });
    m_listingChanges.summariesChanged(); // the seller's reputation
    return written;
}

} // namespace nb::services
