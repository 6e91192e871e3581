#pragma once

#include "server/services/ListingChanges.h"
#include "server/storage/ConnectionPool.h"
#include "shared/protocol/Community.h"

namespace nb::services {

/// What people say and do around an auction besides bidding: watching, public questions and the
/// seller's answers, the seller-winner conversation after the end, and the winner's review.
/// New questions, answers and messages notify the other side (a `notification` push after commit).
class CommunityService {
public:
    explicit CommunityService(storage::ConnectionPool& pool, ListingChanges listingChanges = {});

    /// Idempotent; keeps auctions.watchers in step. Errors: not_found.
    void watch(qint64 userId, qint64 auctionId);
    void unwatch(qint64 userId, qint64 auctionId);

    /// Oldest first. Errors: not_found.
    QList<Question> questions(qint64 auctionId);
    /// Errors: bad_request (text 1..1000), not_found, forbidden (the seller asks own item).
    Question ask(qint64 userId, qint64 auctionId, const QString& text);
    /// Errors: bad_request, not_found, forbidden (not the seller), conflict (already answered).
    Question answer(qint64 userId, qint64 auctionId, qint64 questionId, const QString& text);

    /// The conversation, oldest first. Only the seller and the winner of an ended auction.
    /// Errors: not_found, forbidden, conflict (not ended with a winner).
    QList<Message> messages(qint64 userId, qint64 auctionId);
    /// Errors: bad_request (text 1..2000), not_found, forbidden, conflict.
    Message sendMessage(qint64 userId, qint64 auctionId, const QString& text);

    /// The winner reviews the seller once. Errors: bad_request (rating 1..5, text <= 2000),
    /// not_found, forbidden (not the winner), conflict (not ended, or reviewed already).
    Review review(qint64 userId, qint64 auctionId, int rating, const QString& text);

private:
    storage::ConnectionPool& m_pool;
    ListingChanges m_listingChanges;
};

} // namespace nb::services
