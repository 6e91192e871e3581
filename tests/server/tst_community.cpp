// CommunityService and NotificationService: watching, questions and answers, the seller-winner
// conversation, the winner's review and reputation, and the notification inbox.
#include "server/services/CommunityService.h"
#include "server/services/NotificationService.h"
#include "tests/server/ServiceFixture.h"

#include <QTest>

#include <memory>
#include <thread>
#include <vector>

using nb::Message;
using nb::NotificationList;
using nb::Question;
using nb::Review;
using nb::Won;
using nb::test::ServiceFixture;

class TstCommunity : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void watchingIsIdempotentAndCounted();
    void watchingUnknownAuctionIsNotFound();
    void concurrentWatchesKeepTheCountExact();

    void askNotifiesTheSellerThroughTheOutbox();
    void sellerCannotAskAboutOwnItem();
    void questionTextIsTrimmedAndLimited();
    void sellerAnswersOnceAndTheAskerIsNotified();
    void onlyTheSellerAnswers();
    void answeringAQuestionOfAnotherAuctionIsNotFound();
    void questionsOfUnknownAuctionIsNotFound();

    void messagesOnlyBetweenSellerAndWinnerAfterTheEnd();
    void messageNotifiesTheRecipientWithItsText();
    void messagesNeedAnEndWithAWinner();

    void winnerReviewsOnceAndReputationIsTheAverage();
    void reviewRulesAreChecked();

    void notificationsAreNewestFirstWithUnreadCount();
    void markReadTouchesOnlyOwnNotifications();
    void markAllReadClearsTheUnreadCount();

private:
    /// An auction of m_seller that ended with m_winner buying it at 20,000.
    qint64 makeSoldAuction();
    QStringList outboxKindsFor(qint64 userId);

    std::unique_ptr<ServiceFixture> m_fx;
    std::unique_ptr<nb::services::CommunityService> m_community;
    std::unique_ptr<nb::services::NotificationService> m_inbox;
    qint64 m_seller = 0;
    qint64 m_winner = 0;
    qint64 m_other = 0;
};

void TstCommunity::initTestCase()
{
    m_fx = std::make_unique<ServiceFixture>();
    m_community = std::make_unique<nb::services::CommunityService>(m_fx->pool());
    m_inbox = std::make_unique<nb::services::NotificationService>(m_fx->pool());
}

void TstCommunity::init()
{
    m_fx->reset();
    m_seller = m_fx->makeUser(QStringLiteral("seller"));
    m_winner = m_fx->makeUser(QStringLiteral("winner"), 1'000'000);
    m_other = m_fx->makeUser(QStringLiteral("other"), 1'000'000);
}

void TstCommunity::cleanup()
{
    NB_VERIFY_LEDGER(*m_fx);
}

void TstCommunity::cleanupTestCase()
{
    m_inbox.reset();
    m_community.reset();
    m_fx.reset();
}

qint64 TstCommunity::makeSoldAuction()
{
    const qint64 id = m_fx->makeAuction(m_seller);
    m_fx->bid(m_other, id, 10'000);
    m_fx->bid(m_winner, id, 20'000);
    m_fx->makeOverdue(id);
    m_fx->settlement.settleDue(10);
    return id;
}

QStringList TstCommunity::outboxKindsFor(qint64 userId)
{
    QStringList kinds;
    for (const auto& row :
         m_fx->db().query(QStringLiteral("SELECT payload->>'kind' FROM outbox WHERE user_id = %1 "
                                         "AND payload->>'type' = 'notification' ORDER BY id")
                              .arg(userId)))
        kinds << QString::fromStdString(row[0].c_str());
    return kinds;
}

void TstCommunity::watchingIsIdempotentAndCounted()
{
    const qint64 id = m_fx->makeAuction(m_seller);
    const auto watchers = [&] {
        return m_fx->scalar(QStringLiteral("SELECT watchers FROM auctions WHERE id = %1").arg(id));
    };

    m_community->watch(m_winner, id);
    m_community->watch(m_winner, id);
    QCOMPARE(watchers(), qint64(1));
    m_community->watch(m_other, id);
    QCOMPARE(watchers(), qint64(2));
    QCOMPARE(m_fx->auctions.detail(id).summary.watchers, 2);

    m_community->unwatch(m_winner, id);
    m_community->unwatch(m_winner, id);
    QCOMPARE(watchers(), qint64(1));
    m_community->unwatch(m_seller, id); // never watched
    QCOMPARE(watchers(), qint64(1));
    QCOMPARE(m_fx->scalar(QStringLiteral("SELECT count(*) FROM watchlist WHERE auction_id = %1").arg(id)),
             qint64(1));
}

void TstCommunity::watchingUnknownAuctionIsNotFound()
{
    QCOMPARE(ServiceFixture::codeOf([&] { m_community->watch(m_winner, 999); }), QStringLiteral("not_found"));
    QCOMPARE(ServiceFixture::codeOf([&] { m_community->unwatch(m_winner, 999); }),
             QStringLiteral("not_found"));
}

void TstCommunity::concurrentWatchesKeepTheCountExact()
{
    const qint64 id = m_fx->makeAuction(m_seller);
    const QList<qint64> watchers{m_winner, m_other, m_seller};
    std::vector<std::thread> threads;
    for (int round = 0; round < 4; ++round) {
        for (const qint64 user : watchers)
            threads.emplace_back([&, user] { m_community->watch(user, id); });
    }
    for (auto& t : threads)
        t.join();
    threads.clear();
    QCOMPARE(m_fx->scalar(QStringLiteral("SELECT watchers FROM auctions WHERE id = %1").arg(id)), qint64(3));
    for (int round = 0; round < 4; ++round)
        threads.emplace_back([&] { m_community->unwatch(m_other, id); });
    for (auto& t : threads)
        t.join();
    QCOMPARE(m_fx->scalar(QStringLiteral("SELECT watchers FROM auctions WHERE id = %1").arg(id)), qint64(2));
    QCOMPARE(m_fx->scalar(QStringLiteral("SELECT count(*) FROM watchlist WHERE auction_id = %1").arg(id)),
             qint64(2));
}

void TstCommunity::askNotifiesTheSellerThroughTheOutbox()
{
    const qint64 id = m_fx->makeAuction(m_seller);
    const Question q = m_community->ask(m_winner, id, QStringLiteral("Does it come with a charger?"));
    QVERIFY(q.id > 0);
    QCOMPARE(q.auctionId, id);
    QCOMPARE(q.asker.id, m_winner);
    QCOMPARE(q.asker.displayName, QStringLiteral("winner"));
    QCOMPARE(q.text, QStringLiteral("Does it come with a charger?"));
    QVERIFY(q.at.isValid());
    QVERIFY(!q.answer);

    QCOMPARE(m_fx->notifications(m_seller), QStringList{QStringLiteral("question")});
    QCOMPARE(outboxKindsFor(m_seller), QStringList{QStringLiteral("question")});
    const NotificationList inbox = m_inbox->list(m_seller, false);
    QVERIFY(inbox.items.first().text.contains(QStringLiteral("Does it come with a charger?")));
    QCOMPARE(inbox.items.first().auctionId, std::optional<qint64>(id));

    const QList<Question> listed = m_community->questions(id);
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed.first().id, q.id);
    QCOMPARE(listed.first().asker.displayName, QStringLiteral("winner"));
}

void TstCommunity::sellerCannotAskAboutOwnItem()
{
    const qint64 id = m_fx->makeAuction(m_seller);
    QCOMPARE(ServiceFixture::codeOf([&] { m_community->ask(m_seller, id, QStringLiteral("Anyone?")); }),
             QStringLiteral("forbidden"));
    QVERIFY(m_community->questions(id).isEmpty());
    QVERIFY(m_fx->notifications(m_seller).isEmpty());
}

void TstCommunity::questionTextIsTrimmedAndLimited()
{
    const qint64 id = m_fx->makeAuction(m_seller);
    QCOMPARE(m_community->ask(m_winner, id, QStringLiteral("  Still there?\n")).text,
             QStringLiteral("Still there?"));
    const auto empty =
        ServiceFixture::outcomeOf([&] { m_community->ask(m_winner, id, QStringLiteral("   ")); });
    QCOMPARE(empty.code, QStringLiteral("bad_request"));
    QCOMPARE(empty.details.value("field").toString(), QStringLiteral("text"));
    // 1000 characters is the limit, counted as characters: Hangul syllables count one each.
    QCOMPARE(m_community->ask(m_winner, id, QString(1000, QChar(0xAC00))).text.size(), 1000);
    QCOMPARE(ServiceFixture::codeOf([&] { m_community->ask(m_winner, id, QString(1001, QLatin1Char('x'))); }),
             QStringLiteral("bad_request"));
    QCOMPARE(m_community->questions(id).size(), 2);
}

void TstCommunity::sellerAnswersOnceAndTheAskerIsNotified()
{
    const qint64 id = m_fx->makeAuction(m_seller);
    const Question q = m_community->ask(m_winner, id, QStringLiteral("Is the battery new?"));
    const Question answered =
        m_community->answer(m_seller, id, q.id, QStringLiteral("Yes, replaced in May."));
    QCOMPARE(answered.id, q.id);
    QCOMPARE(answered.answer, std::optional<QString>(QStringLiteral("Yes, replaced in May.")));
    QVERIFY(answered.answeredAt.isValid());
    QCOMPARE(answered.asker.id, m_winner);

    QCOMPARE(m_fx->notifications(m_winner), QStringList{QStringLiteral("answer")});
    QCOMPARE(outboxKindsFor(m_winner), QStringList{QStringLiteral("answer")});
    QVERIFY(m_inbox->list(m_winner, false).items.first().text.contains(QStringLiteral("replaced in May")));

    QCOMPARE(
        ServiceFixture::codeOf([&] { m_community->answer(m_seller, id, q.id, QStringLiteral("Again")); }),
        QStringLiteral("conflict"));
    QCOMPARE(*m_community->questions(id).first().answer, QStringLiteral("Yes, replaced in May."));
    QCOMPARE(m_fx->notifications(m_winner).size(), 1);
}

void TstCommunity::onlyTheSellerAnswers()
{
    const qint64 id = m_fx->makeAuction(m_seller);
    const Question q = m_community->ask(m_winner, id, QStringLiteral("Colour?"));
    QCOMPARE(ServiceFixture::codeOf([&] { m_community->answer(m_other, id, q.id, QStringLiteral("Red")); }),
             QStringLiteral("forbidden"));
    QCOMPARE(ServiceFixture::codeOf([&] { m_community->answer(m_winner, id, q.id, QStringLiteral("Red")); }),
             QStringLiteral("forbidden"));
    QCOMPARE(ServiceFixture::codeOf([&] { m_community->answer(m_seller, id, q.id, QString()); }),
             QStringLiteral("bad_request"));
    QVERIFY(!m_community->questions(id).first().answer);
}

void TstCommunity::answeringAQuestionOfAnotherAuctionIsNotFound()
{
    const qint64 first = m_fx->makeAuction(m_seller);
    const qint64 second = m_fx->makeAuction(m_seller);
    const Question q = m_community->ask(m_winner, first, QStringLiteral("Size?"));
    QCOMPARE(
        ServiceFixture::codeOf([&] { m_community->answer(m_seller, second, q.id, QStringLiteral("M")); }),
        QStringLiteral("not_found"));
    QCOMPARE(ServiceFixture::codeOf([&] { m_community->answer(m_seller, first, 777, QStringLiteral("M")); }),
             QStringLiteral("not_found"));
}

void TstCommunity::questionsOfUnknownAuctionIsNotFound()
{
    QCOMPARE(ServiceFixture::codeOf([&] { m_community->questions(31337); }), QStringLiteral("not_found"));
    QCOMPARE(ServiceFixture::codeOf([&] { m_community->ask(m_winner, 31337, QStringLiteral("Hi")); }),
             QStringLiteral("not_found"));
}

void TstCommunity::messagesOnlyBetweenSellerAndWinnerAfterTheEnd()
{
    const qint64 id = makeSoldAuction();
    const Message fromWinner =
        m_community->sendMessage(m_winner, id, QStringLiteral("When can I pick it up?"));
    QCOMPARE(fromWinner.sender.id, m_winner);
    QCOMPARE(fromWinner.sender.displayName, QStringLiteral("winner"));
    QCOMPARE(fromWinner.recipientId, m_seller);
    QCOMPARE(fromWinner.auctionId, id);
    const Message fromSeller = m_community->sendMessage(m_seller, id, QStringLiteral("Tomorrow at 6."));
    QCOMPARE(fromSeller.recipientId, m_winner);

    for (const qint64 party : {m_seller, m_winner}) {
        const QList<Message> conversation = m_community->messages(party, id);
        QCOMPARE(conversation.size(), 2);
        QCOMPARE(conversation[0].id, fromWinner.id);
        QCOMPARE(conversation[1].text, QStringLiteral("Tomorrow at 6."));
    }
    // A losing bidder and anyone else stay out.
    QCOMPARE(ServiceFixture::codeOf([&] { m_community->messages(m_other, id); }),
             QStringLiteral("forbidden"));
    QCOMPARE(ServiceFixture::codeOf([&] { m_community->sendMessage(m_other, id, QStringLiteral("Hi")); }),
             QStringLiteral("forbidden"));
    QCOMPARE(ServiceFixture::codeOf([&] { m_community->messages(m_winner, 4242); }),
             QStringLiteral("not_found"));
}

void TstCommunity::messageNotifiesTheRecipientWithItsText()
{
    const qint64 id = makeSoldAuction();
    const int before = m_fx->notifications(m_seller).size();
    m_community->sendMessage(m_winner, id, QStringLiteral("Is Saturday fine?"));
    QCOMPARE(m_fx->notifications(m_seller).size(), before + 1);
    QCOMPARE(m_fx->notifications(m_seller).last(), QStringLiteral("message"));
    QCOMPARE(outboxKindsFor(m_seller).last(), QStringLiteral("message"));
    const nb::Notification n = m_inbox->list(m_seller, false).items.first();
    QCOMPARE(n.kind, QStringLiteral("message"));
    QVERIFY2(n.text.contains(QStringLiteral("Is Saturday fine?")), qPrintable(n.text));
    QCOMPARE(n.auctionId, std::optional<qint64>(id));
    QCOMPARE(m_fx->notifications(m_winner).count(QStringLiteral("message")), 0);
}

void TstCommunity::messagesNeedAnEndWithAWinner()
{
    const qint64 active = m_fx->makeAuction(m_seller);
    m_fx->bid(m_winner, active, 10'000);
    QCOMPARE(
        ServiceFixture::codeOf([&] { m_community->sendMessage(m_seller, active, QStringLiteral("Hi")); }),
        QStringLiteral("conflict"));
    QCOMPARE(ServiceFixture::codeOf([&] { m_community->messages(m_winner, active); }),
             QStringLiteral("conflict"));

    const qint64 unsold = m_fx->makeAuction(m_seller);
    m_fx->makeOverdue(unsold);
    m_fx->settlement.settleDue(10);
    QCOMPARE(
        ServiceFixture::codeOf([&] { m_community->sendMessage(m_seller, unsold, QStringLiteral("Hi")); }),
        QStringLiteral("conflict"));

    const qint64 sold = makeSoldAuction();
    QCOMPARE(ServiceFixture::codeOf(
                 [&] { m_community->sendMessage(m_seller, sold, QString(2001, QLatin1Char('x'))); }),
             QStringLiteral("bad_request"));
    QVERIFY(m_community->messages(m_seller, sold).isEmpty());
}

void TstCommunity::winnerReviewsOnceAndReputationIsTheAverage()
{
    const qint64 first = makeSoldAuction();
    const qint64 second = makeSoldAuction();
    QCOMPARE(m_fx->auth.user(m_seller).reviewCount, 0);

    const Review r = m_community->review(m_winner, first, 5, QStringLiteral("  Great seller  "));
    QCOMPARE(r.auctionId, first);
    QCOMPARE(r.reviewer.id, m_winner);
    QCOMPARE(r.reviewer.displayName, QStringLiteral("winner"));
    QCOMPARE(r.sellerId, m_seller);
    QCOMPARE(r.rating, 5);
    QCOMPARE(r.text, QStringLiteral("Great seller"));
    QVERIFY(r.at.isValid());
    QCOMPARE(ServiceFixture::codeOf([&] { m_community->review(m_winner, first, 1, QString()); }),
             QStringLiteral("conflict"));

    m_community->review(m_winner, second, 2, QString());
    const nb::User seller = m_fx->auth.user(m_seller);
    QCOMPARE(seller.reviewCount, 2);
    QCOMPARE(seller.reputation, 3.5);
    QCOMPARE(m_fx->auctions.detail(first).summary.seller.reputation, 3.5);
    QCOMPARE(m_fx->auctions.detail(first).summary.seller.reviewCount, 2);
    QCOMPARE(m_fx->notifications(m_seller).count(QStringLiteral("review")), 2);
}

void TstCommunity::reviewRulesAreChecked()
{
    const qint64 sold = makeSoldAuction();
    QCOMPARE(ServiceFixture::codeOf([&] { m_community->review(m_other, sold, 4, QString()); }),
             QStringLiteral("forbidden"));
    QCOMPARE(ServiceFixture::codeOf([&] { m_community->review(m_seller, sold, 4, QString()); }),
             QStringLiteral("forbidden"));
    QCOMPARE(ServiceFixture::codeOf([&] { m_community->review(m_winner, sold, 0, QString()); }),
             QStringLiteral("bad_request"));
    QCOMPARE(ServiceFixture::codeOf([&] { m_community->review(m_winner, sold, 6, QString()); }),
             QStringLiteral("bad_request"));
    QCOMPARE(ServiceFixture::codeOf(
                 [&] { m_community->review(m_winner, sold, 3, QString(2001, QLatin1Char('x'))); }),
             QStringLiteral("bad_request"));
    QCOMPARE(ServiceFixture::codeOf([&] { m_community->review(m_winner, 999, 3, QString()); }),
             QStringLiteral("not_found"));

    const qint64 active = m_fx->makeAuction(m_seller);
    m_fx->bid(m_winner, active, 10'000);
    QCOMPARE(ServiceFixture::codeOf([&] { m_community->review(m_winner, active, 3, QString()); }),
             QStringLiteral("conflict"));
    QCOMPARE(m_fx->auth.user(m_seller).reviewCount, 0);
}

void TstCommunity::notificationsAreNewestFirstWithUnreadCount()
{
    const qint64 id = m_fx->makeAuction(m_seller);
    m_community->ask(m_winner, id, QStringLiteral("One"));
    m_community->ask(m_other, id, QStringLiteral("Two"));
    m_fx->bid(m_winner, id, 10'000); // new_bid to the seller

    NotificationList inbox = m_inbox->list(m_seller, false);
    QCOMPARE(inbox.unread, qint64(3));
    QCOMPARE(inbox.items.size(), 3);
    QCOMPARE(inbox.items[0].kind, QStringLiteral("new_bid"));
    QCOMPARE(inbox.items[1].kind, QStringLiteral("question"));
    QVERIFY(inbox.items[1].text.contains(QStringLiteral("Two")));
    QVERIFY(inbox.items[0].id > inbox.items[1].id);
    QVERIFY(!inbox.items[0].read);
    QCOMPARE(m_inbox->list(m_seller, false, 2).items.size(), 2);
    QCOMPARE(m_inbox->list(m_seller, false, 2).unread, qint64(3));
    QCOMPARE(m_inbox->list(m_other, false).unread, qint64(0));
    QCOMPARE(ServiceFixture::codeOf([&] { m_inbox->list(m_seller, false, 0); }),
             QStringLiteral("bad_request"));
}

void TstCommunity::markReadTouchesOnlyOwnNotifications()
{
    const qint64 id = m_fx->makeAuction(m_seller);
    m_community->ask(m_winner, id, QStringLiteral("One"));
    m_community->ask(m_other, id, QStringLiteral("Two"));
    const Question q = m_community->ask(m_other, id, QStringLiteral("Three"));
    m_community->answer(m_seller, id, q.id, QStringLiteral("Yes"));
    const NotificationList sellers = m_inbox->list(m_seller, false);
    const qint64 othersId = m_inbox->list(m_other, false).items.first().id;

    m_inbox->markRead(m_seller, {sellers.items[0].id, sellers.items[2].id, othersId});
    m_inbox->markRead(m_seller, {});
    const NotificationList after = m_inbox->list(m_seller, false);
    QCOMPARE(after.unread, qint64(1));
    QVERIFY(after.items[0].read);
    QVERIFY(!after.items[1].read);
    QVERIFY(after.items[2].read);
    const NotificationList unreadOnly = m_inbox->list(m_seller, true);
    QCOMPARE(unreadOnly.items.size(), 1);
    QCOMPARE(unreadOnly.items.first().id, sellers.items[1].id);
    QCOMPARE(m_inbox->list(m_other, false).unread, qint64(1)); // the seller cannot mark the asker's
}

void TstCommunity::markAllReadClearsTheUnreadCount()
{
    const qint64 id = m_fx->makeAuction(m_seller);
    m_community->ask(m_winner, id, QStringLiteral("One"));
    m_community->ask(m_other, id, QStringLiteral("Two"));
    m_community->ask(m_winner, id, QStringLiteral("Three"));
    m_inbox->markAllRead(m_seller);
    const NotificationList inbox = m_inbox->list(m_seller, false);
    QCOMPARE(inbox.unread, qint64(0));
    QCOMPARE(inbox.items.size(), 3);
    for (const auto& n : inbox.items)
        QVERIFY(n.read);
    QVERIFY(m_inbox->list(m_seller, true).items.isEmpty());
    m_community->ask(m_other, id, QStringLiteral("Four"));
    QCOMPARE(m_inbox->list(m_seller, false).unread, qint64(1));
}

QTEST_GUILESS_MAIN(TstCommunity)
#include "tst_community.moc"
