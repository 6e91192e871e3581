#pragma once

#include "shared/protocol/Community.h"

#include <QList>

#include <optional>
#include <pqxx/pqxx>

namespace nb::storage::community {

/// Who takes part in an auction and how it stands: what the community rules look at.
struct AuctionParties {
    qint64 auctionId = 0;
    qint64 sellerId = 0;
    QString title;
    AuctionStatus status = AuctionStatus::Scheduled;
    std::optional<qint64> winnerId;
};
std::optional<AuctionParties> parties(pqxx::work& tx, qint64 auctionId);

/// Locks the auction row (FOR NO KEY UPDATE) before its watcher count moves; false when there is
/// no such auction.
bool lockForWatch(pqxx::work& tx, qint64 auctionId);
/// Adds the user's watch and counts it in auctions.watchers, in one statement; false (and no
/// change) when the user watches it already.
bool addWatch(pqxx::work& tx, qint64 userId, qint64 auctionId);
/// The reverse of addWatch; false when the user did not watch it.
bool removeWatch(pqxx::work& tx, qint64 userId, qint64 auctionId);

/// The auction's questions, oldest first.
QList<Question> questions(pqxx::work& tx, qint64 auctionId);
std::optional<Question> question(pqxx::work& tx, qint64 questionId);
Question insertQuestion(pqxx::work& tx, qint64 auctionId, qint64 askerId, const QString& text);
/// Stores the answer unless the question has one; nothing when it had (or does not exist).
std::optional<Question> answerQuestion(pqxx::work& tx, qint64 questionId, const QString& answer);

/// The conversation of an auction, oldest first.
QList<Message> messages(pqxx::work& tx, qint64 auctionId);
Message insertMessage(pqxx::work& tx, qint64 auctionId, qint64 senderId, qint64 recipientId,
                      const QString& text);

/// Stores the review of the auction; nothing when the auction has one already.
std::optional<Review> insertReview(pqxx::work& tx, qint64 auctionId, qint64 reviewerId, qint64 sellerId,
                                   int rating, const QString& text);

} // namespace nb::storage::community
