#include "shared/protocol/CommunityJson.h"

#include "shared/protocol/JsonEncoding.h"

namespace nb {

using jsonencoding::timeValue;

QJsonObject toJson(const Question& question)
{
    QJsonObject json{{"id", question.id},
                     {"auction_id", question.auctionId},
                     {"asker", toJson(question.asker)},
                     {"text", question.text},
                     {"at", timeValue(question.at)}};
    if (question.answer) {
        json.insert("answer", *question.answer);
        json.insert("answered_at", timeValue(question.answeredAt));
    }
    return json;
}

QJsonObject toJson(const Message& message)
{
    return QJsonObject{{"id", message.id},
                       {"auction_id", message.auctionId},
                       {"sender", toJson(message.sender)},
                       {"recipient_id", message.recipientId},
                       {"text", message.text},
                       {"at", timeValue(message.at)}};
}

QJsonObject toJson(const Review& review)
{
    return QJsonObject{{"auction_id", review.auctionId},
                       {"reviewer", toJson(review.reviewer)},
                       {"seller_id", review.sellerId},
                       {"rating", review.rating},
                       {"text", review.text},
                       {"at", timeValue(review.at)}};
}

QJsonObject toJson(const ImageRef& image)
{
    return QJsonObject{{"index", image.index}, {"url", image.url}};
}

QJsonObject toJson(const NotificationList& list)
{
    return QJsonObject{{"items", toJsonArray(list.items)}, {"unread", list.unread}};
}

template <>
Decoded<Question> fromJson<Question>(const QJsonObject& json)
{
    JsonReader in(json);
    Question question;
    question.id = in.id("id");
    question.auctionId = in.id("auction_id");
    question.asker = in.nested(fromJson<PartyRef>(in.objectField("asker")), "asker");
    question.text = in.string("text", 1, kMaxQuestionLength);
    question.at = in.time("at");
    if (in.ok() && json.contains("answer") && !json.value("answer").isNull()) {
        question.answer = in.string("answer", 1, kMaxQuestionLength);
        question.answeredAt = in.time("answered_at");
    }
    return in.result(std::move(question));
}

template <>
Decoded<Message> fromJson<Message>(const QJsonObject& json)
{
    JsonReader in(json);
    Message message;
    message.id = in.id("id");
    message.auctionId = in.id("auction_id");
    message.sender = in.nested(fromJson<PartyRef>(in.objectField("sender")), "sender");
    message.recipientId = in.id("recipient_id");
    message.text = in.string("text", 1, kMaxMessageLength);
    message.at = in.time("at");
    return in.result(std::move(message));
}

template <>
Decoded<Review> fromJson<Review>(const QJsonObject& json)
{
    JsonReader in(json);
    Review review;
    review.auctionId = in.id("auction_id");
    review.reviewer = in.nested(fromJson<PartyRef>(in.objectField("reviewer")), "reviewer");
    review.sellerId = in.id("seller_id");
    review.rating = static_cast<int>(in.integer("rating", kMinRating, kMaxRating));
    review.text = in.string("text", 0, kMaxReviewLength);
    review.at = in.time("at");
    return in.result(std::move(review));
}

template <>
Decoded<ImageRef> fromJson<ImageRef>(const QJsonObject& json)
{
    JsonReader in(json);
    ImageRef image;
    image.index = static_cast<int>(in.integer("index", 0, std::numeric_limits<int>::max()));
    image.url = in.string("url", 1);
    return in.result(std::move(image));
}

template <>
Decoded<NotificationList> fromJson<NotificationList>(const QJsonObject& json)
{
    JsonReader in(json);
    NotificationList list;
    list.items = in.nested(listFromJson<Notification>(in.array("items")), QStringLiteral("items"));
    list.unread = in.integer("unread", 0, kMaxJsonInteger);
    return in.result(std::move(list));
}

} // namespace nb
