#include "shared/protocol/CommunityJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>
#include <QTimeZone>

/// The JSON codecs of the marketplace objects (questions, messages, reviews, images, the
/// notification inbox) and the Korean category name.
class TestCommunityJson : public QObject {
    Q_OBJECT

private slots:
    void everyObjectRoundTripsThroughText();
    void fieldsAreNamedAsProtocolSays();
    void unansweredQuestionOmitsTheAnswer();
    void categoryKoreanNameIsOptional();
    void decodeErrorsNameTheField();
};

namespace {

const QDateTime kAt(QDate(2026, 11, 21), QTime(9, 30, 0, 125), QTimeZone::utc());
const QDateTime kLater(QDate(2026, 11, 21), QTime(10, 0, 0, 5), QTimeZone::utc());

QSet<QString> keysOf(const QJsonObject& json)
{
    const QStringList keys = json.keys();
    return QSet<QString>(keys.cbegin(), keys.cend());
}

QSet<QString> setOf(const QStringList& keys)
{
    return QSet<QString>(keys.cbegin(), keys.cend());
}

// Encodes, goes through JSON text, decodes, and encodes again: every field must survive.
template <typename T>
void checkRoundTrip(const T& value)
{
    const QJsonObject encoded = nb::toJson(value);
    const QByteArray text = QJsonDocument(encoded).toJson(QJsonDocument::Compact);
    const nb::Decoded<T> decoded = nb::fromJson<T>(QJsonDocument::fromJson(text).object());
    QVERIFY2(decoded.ok(), qPrintable(decoded.error().message() + " in " + QString::fromUtf8(text)));
    QCOMPARE(nb::toJson(*decoded), encoded);
}

nb::Question answeredQuestion()
{
    nb::Question q;
    q.id = 12;
    q.auctionId = 1001;
    q.asker = nb::PartyRef{42, "민지"};
    q.text = "충전기 포함인가요?";
    q.at = kAt;
    q.answer = QStringLiteral("네, 포함입니다.");
    q.answeredAt = kLater;
    return q;
}

nb::Message sampleMessage()
{
    return nb::Message{7, 1001, nb::PartyRef{42, "민지"}, 9, "토요일 괜찮으세요?", kAt};
}

nb::Review sampleReview()
{
    return nb::Review{1001, nb::PartyRef{42, "민지"}, 9, 5, "Great seller", kAt};
}

nb::NotificationList sampleInbox()
{
    nb::NotificationList list;
    list.items << nb::Notification{3, "message", 1001, "민지 about \"Bike\": hi", kLater, false}
               << nb::Notification{2, "outbid", std::nullopt, "You were outbid", kAt, true};
    list.unread = 1;
    return list;
}

} // namespace

void TestCommunityJson::everyObjectRoundTripsThroughText()
{
    checkRoundTrip(answeredQuestion());
    nb::Question unanswered = answeredQuestion();
    unanswered.answer.reset();
    unanswered.answeredAt = QDateTime();
    checkRoundTrip(unanswered);
    checkRoundTrip(sampleMessage());
    checkRoundTrip(sampleReview());
    checkRoundTrip(nb::Review{1001, nb::PartyRef{42, "x"}, 9, 1, QString(), kAt});
    checkRoundTrip(nb::ImageRef{3, "/api/v1/auctions/1001/images/3"});
    checkRoundTrip(sampleInbox());
    checkRoundTrip(nb::NotificationList{});
    checkRoundTrip(nb::Category{1, "electronics", "Electronics", "디지털/가전"});

    const auto question = nb::fromJson<nb::Question>(nb::toJson(answeredQuestion()));
    QVERIFY(question.ok());
    QCOMPARE(question->asker.displayName, QStringLiteral("민지"));
    QCOMPARE(question->answeredAt, kLater);
    const auto inbox = nb::fromJson<nb::NotificationList>(nb::toJson(sampleInbox()));
    QVERIFY(inbox.ok());
    QCOMPARE(inbox->items.size(), 2);
    QCOMPARE(inbox->items[1].auctionId, std::optional<qint64>());
    QCOMPARE(inbox->unread, qint64(1));
}

void TestCommunityJson::fieldsAreNamedAsProtocolSays()
{
    QCOMPARE(keysOf(nb::toJson(answeredQuestion())),
             setOf({"id", "auction_id", "asker", "text", "at", "answer", "answered_at"}));
    QCOMPARE(keysOf(nb::toJson(answeredQuestion()).value("asker").toObject()), setOf({"id", "display_name"}));
    QCOMPARE(keysOf(nb::toJson(sampleMessage())),
             setOf({"id", "auction_id", "sender", "recipient_id", "text", "at"}));
    QCOMPARE(keysOf(nb::toJson(sampleReview())),
             setOf({"auction_id", "reviewer", "seller_id", "rating", "text", "at"}));
    QCOMPARE(keysOf(nb::toJson(nb::ImageRef{0, "/u"})), setOf({"index", "url"}));
    QCOMPARE(keysOf(nb::toJson(sampleInbox())), setOf({"items", "unread"}));

    const QJsonObject message = nb::toJson(sampleMessage());
    QCOMPARE(message.value("at").toString(), QStringLiteral("2026-11-21T09:30:00.125Z"));
    QCOMPARE(message.value("sender").toObject().value("display_name").toString(), QStringLiteral("민지"));
    QCOMPARE(nb::toJson(sampleReview()).value("rating").toInt(), 5);
    QCOMPARE(nb::toJson(sampleInbox()).value("items").toArray().first().toObject().value("kind").toString(),
             QStringLiteral("message"));
}

void TestCommunityJson::unansweredQuestionOmitsTheAnswer()
{
    nb::Question q = answeredQuestion();
    q.answer.reset();
    const QJsonObject json = nb::toJson(q);
    QVERIFY(!json.contains("answer"));
    QVERIFY(!json.contains("answered_at"));
    const auto decoded = nb::fromJson<nb::Question>(json);
    QVERIFY(decoded.ok());
    QVERIFY(!decoded->answer);
    QVERIFY(!decoded->answeredAt.isValid());
    QJsonObject nullAnswer = json;
    nullAnswer.insert("answer", QJsonValue::Null);
    QVERIFY(!nb::fromJson<nb::Question>(nullAnswer)->answer);
}

void TestCommunityJson::categoryKoreanNameIsOptional()
{
    const QJsonObject withKorean = nb::toJson(nb::Category{4, "books", "Books", "도서"});
    QCOMPARE(withKorean.value("name_ko").toString(), QStringLiteral("도서"));
    QCOMPARE(keysOf(nb::toJson(nb::Category{4, "books", "Books", QString()})), setOf({"id", "slug", "name"}));
    const auto decoded =
        nb::fromJson<nb::Category>(QJsonObject{{"id", 4}, {"slug", "books"}, {"name", "Books"}});
    QVERIFY(decoded.ok());
    QVERIFY(decoded->nameKo.isEmpty());
}

void TestCommunityJson::decodeErrorsNameTheField()
{
    QJsonObject review = nb::toJson(sampleReview());
    review.insert("rating", 6);
    QCOMPARE(nb::fromJson<nb::Review>(review).error().field, QStringLiteral("rating"));
    review.insert("rating", 4.5);
    QCOMPARE(nb::fromJson<nb::Review>(review).error().field, QStringLiteral("rating"));

    QJsonObject question = nb::toJson(answeredQuestion());
    question.insert("asker", QJsonObject{{"display_name", "x"}});
    QCOMPARE(nb::fromJson<nb::Question>(question).error().field, QStringLiteral("asker.id"));

    QJsonObject message = nb::toJson(sampleMessage());
    message.remove("recipient_id");
    QCOMPARE(nb::fromJson<nb::Message>(message).error().field, QStringLiteral("recipient_id"));

    QJsonObject inbox = nb::toJson(sampleInbox());
    QJsonArray items = inbox.value("items").toArray();
    QJsonObject second = items.at(1).toObject();
    second.insert("read", "yes");
    items.replace(1, second);
    inbox.insert("items", items);
    QCOMPARE(nb::fromJson<nb::NotificationList>(inbox).error().field, QStringLiteral("items[1].read"));

    QCOMPARE(nb::fromJson<nb::ImageRef>(QJsonObject{{"index", -1}, {"url", "/u"}}).error().field,
             QStringLiteral("index"));
}

QTEST_APPLESS_MAIN(TestCommunityJson)
#include "tst_community_json.moc"
